//! Workflow rows straight into the database, in a given state, for tests that start mid-way.

use chengxin::store::workflow_rollups::{self as open, OpenShape};
use chrono::{Duration, Utc};
use entity::enums::*;
use sea_orm::{ActiveModelTrait, Set};

use crate::helpers::TestApp;

/// A workflow row inserted behind the service layer's back, counted in the open-workflow rollup as
/// the service layer would count it.
trait CountOpen: Sized {
    async fn and_then_count(self, app: &TestApp, kind: &'static str, shape: fn(&Self) -> Option<OpenShape>) -> Self;
}

impl<M> CountOpen for M {
    async fn and_then_count(self, app: &TestApp, kind: &'static str, shape: fn(&Self) -> Option<OpenShape>) -> Self {
        open::count_change(&app.state.db, kind, None, shape(&self)).await.expect("count the open workflow");
        self
    }
}

/// A rectification of `record` in `status` (deadline in 30 days; a SUBMITTED one carries its
/// texts and, when given, a listing's resolution).
pub async fn insert_rectification(
    app: &TestApp,
    record: i32,
    status: RectificationStatus,
    resolution: Option<ListingResolution>,
) -> i32 {
    let now = Utc::now();
    let submitted = status != RectificationStatus::Pending;
    entity::rectification::ActiveModel {
        record_id: Set(record),
        deadline: Set(now.date_naive() + Duration::days(30)),
        cause: Set(submitted.then(|| "原因".into())),
        plan: Set(submitted.then(|| "计划".into())),
        completion: Set(submitted.then(|| "完成".into())),
        resolution: Set(resolution),
        submitted_on: Set(submitted.then(|| now.date_naive())),
        status: Set(status),
        accountability_flagged: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("insert rectification")
    .and_then_count(app, "rectification", open::rectification_shape)
    .await
    .id
}

/// A FILED objection to `record`, due in 15 days.
pub async fn insert_objection(app: &TestApp, record: i32) -> i32 {
    insert_objection_in(app, record, ObjectionStatus::Filed).await
}

/// An objection to `record` in `status`, due in 15 days.
pub async fn insert_objection_in(app: &TestApp, record: i32, status: ObjectionStatus) -> i32 {
    let now = Utc::now();
    entity::objection::ActiveModel {
        record_id: Set(record),
        grounds: Set("理由".into()),
        status: Set(status),
        handling_deadline: Set(now.date_naive() + Duration::days(15)),
        overdue: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("insert objection")
    .and_then_count(app, "objection", open::objection_shape)
    .await
    .id
}

/// A SUBMITTED repair application for `record`.
pub async fn insert_repair(app: &TestApp, record: i32) -> i32 {
    insert_repair_in(app, record, RepairStatus::Submitted).await
}

/// A repair application for `record` in `status`.
pub async fn insert_repair_in(app: &TestApp, record: i32, status: RepairStatus) -> i32 {
    let now = Utc::now();
    entity::repair_application::ActiveModel {
        record_id: Set(record),
        measures: Set("已整改".into()),
        status: Set(status),
        rule_set: Set("2026-04-01".into()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("insert repair application")
    .and_then_count(app, "repair_application", open::repair_shape)
    .await
    .id
}

/// A complaint about `unit` in `status` (assigned to the same unit, due in 15 days, once past
/// RECEIVED), with a complainant's contact.
pub async fn insert_complaint(app: &TestApp, unit: &str, status: ComplaintStatus) -> i32 {
    let now = Utc::now();
    let unit = app.unit_row(unit).await;
    let assigned = status != ComplaintStatus::Received;
    entity::complaint::ActiveModel {
        channel: Set(ComplaintChannel::Hotline12345),
        target_unit_id: Set(unit),
        sector: Set(Sector::General),
        content: Set("反映窗口办事拖延的问题".into()),
        contact_name: Set(Some("王女士".into())),
        contact_phone: Set(Some("13905951234".into())),
        received_at: Set(now),
        handling_deadline: Set(assigned.then(|| now.date_naive() + Duration::days(15))),
        status: Set(status),
        assigned_unit_id: Set(assigned.then_some(unit)),
        reply: Set(matches!(status, ComplaintStatus::Replied).then(|| "已办结".into())),
        overdue: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("insert complaint")
    .and_then_count(app, "complaint", open::complaint_shape)
    .await
    .id
}

/// A proposal handled by `unit`, numbered `number`, in `status`, due in 30 days, with its one
/// handling round.
pub async fn insert_proposal(app: &TestApp, unit: &str, number: &str, status: ProposalStatus) -> i32 {
    let now = Utc::now();
    let (today, due) = (now.date_naive(), now.date_naive() + Duration::days(30));
    let replied = status != ProposalStatus::Assigned;
    let proposal = entity::proposal::ActiveModel {
        kind: Set(ProposalKind::NpcSuggestion),
        number: Set(number.into()),
        title: Set("关于优化营商环境的建议".into()),
        proposer: Set(Some("林代表".into())),
        handling_unit_id: Set(app.unit_row(unit).await),
        assigned_on: Set(today),
        due_on: Set(due),
        replied_on: Set(replied.then_some(today)),
        reply: Set(replied.then(|| "已答复".into())),
        status: Set(status),
        round: Set(1),
        current_due_on: Set(Some(due)),
        was_late: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("insert proposal")
    .and_then_count(app, "proposal", open::proposal_shape)
    .await;
    entity::proposal_round::ActiveModel {
        proposal_id: Set(proposal.id),
        number: Set(1),
        assigned_on: Set(today),
        due_on: Set(due),
        replied_on: Set(replied.then_some(today)),
        reply: Set(replied.then(|| "已答复".into())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("insert proposal round");
    proposal.id
}

/// A PROPOSED accountability proposal for an OVERDUE rectification of `record`.
pub async fn insert_accountability_proposal(app: &TestApp, record: i32) -> i32 {
    let now = Utc::now();
    let rectification = insert_rectification(app, record, RectificationStatus::Overdue, None).await;
    let unit = app.unit_row("浔中镇").await;
    entity::accountability_proposal::ActiveModel {
        rectification_id: Set(rectification),
        record_id: Set(record),
        unit_id: Set(unit),
        overdue_since: Set(now.date_naive()),
        status: Set(AccountabilityStatus::Proposed),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("insert accountability proposal")
    .id
}
