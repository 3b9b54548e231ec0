//! Each workflow's transitions through the service layer alone (no HTTP, no GraphQL): the same
//! functions the resolvers, the CLI and the jobs call.

use chengxin::{clock::Clock, error::AppError, service};
use chrono::Duration;
use entity::{
    credit_record,
    enums::{
        CommitmentKind, CommitmentStatus, ComplaintStatus, Disclosure, ListingResolution, ObjectionStatus,
        ProposalStatus, RecordCategory, RecordStatus, RectificationStatus, RepairStatus, Satisfaction, Sector,
        Severity,
    },
};
use sea_orm::EntityTrait;

use crate::{
    helpers::{insert_record, spawn_app, RecordFixture, TestApp},
    service_harness::{actor, trace, viewer_for},
    workflow_fixtures::{insert_complaint, insert_proposal},
};

async fn record_status(app: &TestApp, id: i32) -> RecordStatus {
    credit_record::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap().status
}

fn code(error: AppError) -> &'static str {
    error.code()
}

fn submission(resolution: Option<ListingResolution>) -> service::rectifications::Submission {
    service::rectifications::Submission {
        cause: "制度不健全".into(),
        plan: "完善制度".into(),
        completion: "已完成".into(),
        resolution,
    }
}

#[tokio::test]
async fn a_rectification_opens_is_rejected_resubmitted_and_accepted() {
    use service::rectifications::{open, review, submit, Review};
    let app = spawn_app().await;
    let (office, clerk, trace) = (viewer_for(&app, "office").await, viewer_for(&app, "xunzhong").await, trace());
    let record = insert_record(&app, RecordFixture::new("浔中镇", "拖欠工程款", Disclosure::Public)).await;
    let today = app.clock.today();
    let (opened, changed) =
        open(&app.state, &actor(&app, &office, &trace), record, 1, today + Duration::days(30)).await.unwrap();
    assert_eq!((opened.status, changed.status), (RectificationStatus::Pending, RecordStatus::Rectifying));
    let stale = submit(&app.state, &actor(&app, &clerk, &trace), opened.id, 0, submission(None)).await;
    assert_eq!(code(stale.unwrap_err()), "CONFLICT");
    let submitted = submit(&app.state, &actor(&app, &clerk, &trace), opened.id, 1, submission(None)).await.unwrap();
    assert_eq!(submitted.status, RectificationStatus::Submitted);
    let not_theirs = review(
        &app.state,
        &actor(&app, &clerk, &trace),
        opened.id,
        2,
        Review { accept: true, note: None, new_deadline: None },
    )
    .await;
    assert_eq!(code(not_theirs.unwrap_err()), "FORBIDDEN");
    let reject =
        Review { accept: false, note: Some("材料不全".into()), new_deadline: Some(today + Duration::days(45)) };
    let (rejected, unchanged) = review(&app.state, &actor(&app, &office, &trace), opened.id, 2, reject).await.unwrap();
    assert_eq!(
        (rejected.status, rejected.deadline, unchanged),
        (RectificationStatus::Rejected, today + Duration::days(45), None)
    );
    let again = submit(&app.state, &actor(&app, &clerk, &trace), opened.id, 3, submission(None)).await.unwrap();
    let accept = Review { accept: true, note: None, new_deadline: None };
    let (accepted, record_after) =
        review(&app.state, &actor(&app, &office, &trace), again.id, 4, accept).await.unwrap();
    assert_eq!(accepted.status, RectificationStatus::Accepted);
    assert_eq!(record_after.map(|r| r.status), Some(RecordStatus::Rectified));
    assert_eq!(record_status(&app, record).await, RecordStatus::Rectified);
}

#[tokio::test]
async fn a_listing_is_accepted_only_after_the_courts_removal() {
    use service::rectifications::{open, record_court_removal, review, submit, Review};
    let app = spawn_app().await;
    let (office, clerk, court, trace) = (
        viewer_for(&app, "office").await,
        viewer_for(&app, "xunzhong").await,
        viewer_for(&app, "court").await,
        trace(),
    );
    let mut fixture = RecordFixture::new("浔中镇", "失信被执行人", Disclosure::Public);
    fixture.category = RecordCategory::DefaultedJudgmentDebtor;
    let record = insert_record(&app, fixture).await;
    let today = app.clock.today();
    let (opened, _) =
        open(&app.state, &actor(&app, &office, &trace), record, 1, today + Duration::days(30)).await.unwrap();
    let without = submit(&app.state, &actor(&app, &clerk, &trace), opened.id, 1, submission(None)).await;
    assert_eq!(code(without.unwrap_err()), "BAD_USER_INPUT", "a listing needs its resolution");
    let resolution = Some(ListingResolution::SettlementPerformed);
    submit(&app.state, &actor(&app, &clerk, &trace), opened.id, 1, submission(resolution)).await.unwrap();
    let accept = || Review { accept: true, note: None, new_deadline: None };
    let early = review(&app.state, &actor(&app, &office, &trace), opened.id, 2, accept()).await;
    assert_eq!(code(early.unwrap_err()), "INVALID_TRANSITION");
    let removed = record_court_removal(&app.state, &actor(&app, &court, &trace), opened.id, 2, today).await.unwrap();
    let (accepted, _) =
        review(&app.state, &actor(&app, &office, &trace), opened.id, removed.version, accept()).await.unwrap();
    assert_eq!(accepted.status, RectificationStatus::Accepted);
    assert_eq!(record_status(&app, record).await, RecordStatus::Rectified);
}

#[tokio::test]
async fn an_objection_is_filed_reviewed_and_upheld_by_revoking_the_record() {
    use service::objections::{decide, file, Decision, Remedy};
    let app = spawn_app().await;
    let (office, clerk, trace) = (viewer_for(&app, "office").await, viewer_for(&app, "xunzhong").await, trace());
    let record = insert_record(&app, RecordFixture::new("浔中镇", "认定有误", Disclosure::Public)).await;
    let filed = file(&app.state, &actor(&app, &clerk, &trace), record, "判决已撤销").await.unwrap();
    assert_eq!(filed.status, ObjectionStatus::Filed);
    let twice = file(&app.state, &actor(&app, &clerk, &trace), record, "再次提出").await;
    assert_eq!(code(twice.unwrap_err()), "INVALID_TRANSITION", "one open objection per record");
    let review = Decision { to: ObjectionStatus::UnderReview, decision: None, remedy: None };
    let (reviewing, _) = decide(&app.state, &actor(&app, &office, &trace), filed.id, 1, review).await.unwrap();
    assert_eq!(reviewing.status, ObjectionStatus::UnderReview);
    let bare = Decision { to: ObjectionStatus::Upheld, decision: Some("理由成立".into()), remedy: None };
    let refused = decide(&app.state, &actor(&app, &office, &trace), filed.id, 2, bare).await;
    assert_eq!(code(refused.unwrap_err()), "BAD_USER_INPUT", "an upheld objection names its remedy");
    let upheld =
        Decision { to: ObjectionStatus::Upheld, decision: Some("理由成立".into()), remedy: Some(Remedy::Revoke) };
    let (done, revoked) = decide(&app.state, &actor(&app, &office, &trace), filed.id, 2, upheld).await.unwrap();
    assert_eq!(done.status, ObjectionStatus::Upheld);
    assert_eq!(revoked.map(|r| r.status), Some(RecordStatus::Revoked));
}

#[tokio::test]
async fn a_repair_is_applied_for_and_approved() {
    use service::repairs::{apply, decide};
    let app = spawn_app().await;
    let (office, clerk, trace) = (viewer_for(&app, "office").await, viewer_for(&app, "xunzhong").await, trace());
    let mut fixture = RecordFixture::new("浔中镇", "已整改", Disclosure::Shared);
    (fixture.severity, fixture.status, fixture.days_ago) = (Severity::Minor, RecordStatus::Rectified, 0);
    let record = insert_record(&app, fixture).await;
    let applied = apply(&app.state, &actor(&app, &clerk, &trace), record, "已整改并公开承诺").await.unwrap();
    assert_eq!(applied.status, RepairStatus::Submitted);
    let forbidden = decide(&app.state, &actor(&app, &clerk, &trace), applied.id, 1, true, "同意").await;
    assert_eq!(code(forbidden.unwrap_err()), "FORBIDDEN");
    let (approved, repaired) =
        decide(&app.state, &actor(&app, &office, &trace), applied.id, 1, true, "同意修复").await.unwrap();
    assert_eq!(approved.status, RepairStatus::Approved);
    assert_eq!(repaired.map(|r| r.status), Some(RecordStatus::Repaired));
}

#[tokio::test]
async fn a_complaint_is_assigned_replied_to_and_substantiated_into_a_record() {
    use service::complaints::{assign, conclude, reply, ComplaintRecord, Conclusion};
    let app = spawn_app().await;
    let (office, clerk, trace) = (viewer_for(&app, "office").await, viewer_for(&app, "xunzhong").await, trace());
    let id = insert_complaint(&app, "浔中镇", ComplaintStatus::Received).await;
    let unit = app.unit_row("浔中镇").await;
    let assigned = assign(&app.state, &actor(&app, &office, &trace), id, 1, unit, None).await.unwrap();
    assert_eq!(assigned.status, ComplaintStatus::Assigned);
    assert_eq!(assigned.handling_deadline, Some(app.clock.today() + Duration::days(15)));
    let replied = reply(&app.state, &actor(&app, &clerk, &trace), id, 2, "已核实并整改").await.unwrap();
    assert_eq!(replied.status, ComplaintStatus::Replied);
    let conclusion = Conclusion {
        to: ComplaintStatus::Substantiated,
        conclusion: "投诉属实".into(),
        record: Some(ComplaintRecord {
            category: RecordCategory::AdministrativePenalty,
            severity: Severity::General,
            title: None,
            facts: None,
        }),
        existing_record_id: None,
    };
    let (concluded, record) = conclude(&app.state, &actor(&app, &office, &trace), id, 3, conclusion).await.unwrap();
    assert_eq!(concluded.status, ComplaintStatus::Substantiated);
    let record = record.expect("a substantiated complaint becomes a record");
    assert_eq!((record.unit_id, record.status, concluded.record_id), (unit, RecordStatus::Active, Some(record.id)));
}

#[tokio::test]
async fn a_proposal_is_replied_to_reopened_when_unsatisfied_and_closed() {
    use service::proposals::{record_satisfaction, reply};
    let app = spawn_app().await;
    let (office, clerk, trace) = (viewer_for(&app, "office").await, viewer_for(&app, "xunzhong").await, trace());
    let id = insert_proposal(&app, "浔中镇", "建议-1", ProposalStatus::Assigned).await;
    let replied = reply(&app.state, &actor(&app, &clerk, &trace), id, 1, "已采纳").await.unwrap();
    assert_eq!(replied.status, ProposalStatus::Replied);
    let due = app.clock.today() + Duration::days(20);
    let unsatisfied = Satisfaction::Unsatisfied;
    let reopened =
        record_satisfaction(&app.state, &actor(&app, &office, &trace), id, 2, unsatisfied, Some(due)).await.unwrap();
    assert_eq!((reopened.status, reopened.round, reopened.current_due_on), (ProposalStatus::Assigned, 2, Some(due)));
    assert_eq!(reopened.due_on, replied.due_on, "the first due date stays");
    reply(&app.state, &actor(&app, &clerk, &trace), id, 3, "再次答复").await.unwrap();
    let closed = record_satisfaction(&app.state, &actor(&app, &office, &trace), id, 4, Satisfaction::Satisfied, None)
        .await
        .unwrap();
    assert_eq!((closed.status, closed.satisfaction), (ProposalStatus::Closed, Some(Satisfaction::Satisfied)));
}

#[tokio::test]
async fn a_breached_commitment_becomes_a_record() {
    use service::commitments::{create, set_status, CommitmentOutcome, NewCommitment};
    let app = spawn_app().await;
    let (office, clerk, trace) = (viewer_for(&app, "office").await, viewer_for(&app, "xunzhong").await, trace());
    let unit = app.unit_row("浔中镇").await;
    let new = NewCommitment {
        unit_id: unit,
        kind: CommitmentKind::TownshipPublic,
        sector: Sector::Township,
        service_area: Some("养老".into()),
        content: "养老服务补贴15个工作日内发放到位".into(),
        is_public: true,
        due_on: Some(app.clock.today()),
        investment_agreement_id: None,
    };
    let made = create(&app.state, &actor(&app, &clerk, &trace), new).await.unwrap();
    assert_eq!(made.status, CommitmentStatus::Pending);
    let breach = || CommitmentOutcome {
        id: made.id,
        version: 1,
        status: CommitmentStatus::Breached,
        evidence: None,
        legal_basis: None,
        change_ground: None,
        compensation_fen: None,
        severity: None,
        facts: Some("逾期未发放".into()),
    };
    let by_clerk = set_status(&app.state, &actor(&app, &clerk, &trace), breach()).await;
    assert_eq!(code(by_clerk.unwrap_err()), "FORBIDDEN", "the credit office decides a breach");
    let (breached, record) = set_status(&app.state, &actor(&app, &office, &trace), breach()).await.unwrap();
    assert_eq!(breached.status, CommitmentStatus::Breached);
    let record = record.expect("a breach is recorded");
    assert_eq!((breached.record_id, record.unit_id), (Some(record.id), unit));
    assert_eq!(record.disclosure, entity::enums::Disclosure::Public, "a public commitment's breach is published");
}
