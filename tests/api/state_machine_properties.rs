//! Property tests of every workflow's state machine through the service layer (no HTTP): random
//! sequences of commands, by random actors, at the current or a stale version, with good or
//! blank texts. Every refused command leaves every row, the outbox and the audit log exactly as
//! they were; every accepted one writes exactly one audit entry for each row it created or
//! changed, and no other. Bounded: a few dozen sequences per workflow.

use std::{cell::Cell, future::Future};

use chengxin::{clock::Clock, error::AppResult, service};
use chrono::Duration;
use entity::enums::{
    ComplaintStatus, Disclosure, ListingResolution, ObjectionStatus, ProposalStatus, RecordCategory, RecordStatus,
    Satisfaction, Severity,
};
use proptest::{
    prelude::*,
    test_runner::{Config, TestCaseError, TestRunner},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    helpers::{insert_record, spawn_app, RecordFixture, TestApp},
    service_harness::{actor, trace, viewer_for, Snapshot},
    workflow_fixtures::{insert_complaint, insert_proposal},
};

/// Sequences per workflow, and commands per sequence.
const CASES: u32 = 24;
const MOVES: std::ops::Range<usize> = 1..9;

#[derive(Debug, Clone, Copy)]
enum Who {
    Office,
    Clerk,
    Court,
    Leader,
}

impl Who {
    fn username(self) -> &'static str {
        match self {
            Who::Office => "office",
            Who::Clerk => "xunzhong",
            Who::Court => "court",
            Who::Leader => "leader",
        }
    }
}

fn who() -> impl Strategy<Value = Who> {
    prop_oneof![3 => Just(Who::Office), 3 => Just(Who::Clerk), 1 => Just(Who::Court), 1 => Just(Who::Leader)]
}

fn stale() -> impl Strategy<Value = bool> {
    prop::bool::weighted(0.15)
}

fn text(blank: bool) -> String {
    if blank {
        "  ".into()
    } else {
        "按要求整改完毕".into()
    }
}

/// How many commands were accepted and refused over a whole run.
#[derive(Default)]
struct Tally {
    accepted: Cell<usize>,
    refused: Cell<usize>,
}

/// Runs one command and checks the property.
async fn check<T>(
    app: &TestApp,
    tally: &Tally,
    what: &str,
    command: impl Future<Output = AppResult<T>>,
) -> Result<(), TestCaseError> {
    let before = Snapshot::take(app).await;
    let outcome = command.await;
    let after = Snapshot::take(app).await;
    match outcome {
        Err(error) => {
            tally.refused.set(tally.refused.get() + 1);
            let changed = before.changed_rows(&after);
            let audited = before.new_audit_entries(&after);
            prop_assert!(
                before == after,
                "refused {} ({:?}) changed data: rows {:?}, lost rows {}, new audit entries {:?}, outbox changed {}",
                what,
                error,
                changed,
                before.lost_rows(&after),
                audited,
                before.pushes_differ(&after)
            );
        }
        Ok(_) => {
            tally.accepted.set(tally.accepted.get() + 1);
            prop_assert!(!before.lost_rows(&after), "{} deleted a row", what);
            let mut changed: Vec<_> = before.changed_rows(&after).into_iter().collect();
            let mut entries = before.new_audit_entries(&after).expect("the audit log only grows");
            changed.sort();
            entries.sort();
            prop_assert!(!changed.is_empty(), "accepted {} changed nothing", what);
            prop_assert_eq!(entries, changed, "accepted {}: one audit entry per changed row", what);
        }
    }
    Ok(())
}

/// Runs `CASES` sequences on one app; `case` plays one sequence.
fn run<S, F>(strategy: S, case: F)
where
    S: Strategy,
    S::Value: std::fmt::Debug,
    F: for<'a> Fn(&'a TestApp, &'a Tally, S::Value) -> futures::future::LocalBoxFuture<'a, Result<(), TestCaseError>>,
{
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let app = runtime.block_on(spawn_app());
    let tally = Tally::default();
    let config = Config { cases: CASES, failure_persistence: None, max_shrink_iters: 64, ..Config::default() };
    let result = TestRunner::new(config).run(&strategy, |moves| runtime.block_on(case(&app, &tally, moves)));
    if let Err(failure) = result {
        panic!("{failure}");
    }
    let (accepted, refused) = (tally.accepted.get(), tally.refused.get());
    assert!(accepted > 0 && refused > 0, "both kinds of move were tried: {accepted} accepted, {refused} refused");
}

async fn fresh_record(app: &TestApp, listing: bool, days_ago: i64) -> i32 {
    let mut fixture = RecordFixture::new("浔中镇", "未履行生效判决", Disclosure::Public);
    fixture.days_ago = days_ago;
    if listing {
        fixture.category = RecordCategory::DefaultedJudgmentDebtor;
    }
    insert_record(app, fixture).await
}

// ---------------------------------------------------------------- rectifications

#[derive(Debug, Clone)]
enum RectificationMove {
    Open { by: Who, stale: bool, deadline_in: i64 },
    Submit { by: Who, stale: bool, blank: bool, resolution: bool },
    Review { by: Who, stale: bool, accept: bool, reasons: bool, new_deadline_in: Option<i64> },
    CourtRemoval { by: Who, stale: bool, days_ago: i64 },
}

fn rectification_move() -> impl Strategy<Value = RectificationMove> {
    prop_oneof![
        (who(), stale(), -2..40i64).prop_map(|(by, stale, deadline_in)| RectificationMove::Open {
            by,
            stale,
            deadline_in
        }),
        (who(), stale(), prop::bool::weighted(0.2), any::<bool>())
            .prop_map(|(by, stale, blank, resolution)| RectificationMove::Submit { by, stale, blank, resolution }),
        (who(), stale(), any::<bool>(), any::<bool>(), prop::option::of(-2..40i64)).prop_map(
            |(by, stale, accept, reasons, new_deadline_in)| RectificationMove::Review {
                by,
                stale,
                accept,
                reasons,
                new_deadline_in
            }
        ),
        (who(), stale(), -2..5i64).prop_map(|(by, stale, days_ago)| RectificationMove::CourtRemoval {
            by,
            stale,
            days_ago
        }),
    ]
}

#[test]
fn rectification_moves_are_all_or_nothing_and_audited_once_per_row() {
    let strategy = (any::<bool>(), prop::collection::vec(rectification_move(), MOVES));
    run(strategy, |app, tally, (listing, moves)| {
        Box::pin(async move {
            let record = fresh_record(app, listing, 10).await;
            for step in moves {
                let trace = trace();
                let today = app.clock.today();
                let current = entity::rectification::Entity::find()
                    .filter(entity::rectification::Column::RecordId.eq(record))
                    .order_by_desc(entity::rectification::Column::Id)
                    .one(&app.state.db)
                    .await
                    .unwrap();
                let record_version = entity::credit_record::Entity::find_by_id(record)
                    .one(&app.state.db)
                    .await
                    .unwrap()
                    .unwrap()
                    .version;
                let (id, version) = current.map_or((0, 1), |r| (r.id, r.version));
                let state = &app.state;
                match step.clone() {
                    RectificationMove::Open { by, stale, deadline_in } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let deadline = today + Duration::days(deadline_in);
                        let at = record_version - i32::from(stale);
                        check(app, tally, "open", service::rectifications::open(state, &actor, record, at, deadline))
                            .await?;
                    }
                    RectificationMove::Submit { by, stale, blank, resolution } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let submission = service::rectifications::Submission {
                            cause: text(blank),
                            plan: text(false),
                            completion: text(false),
                            resolution: resolution.then_some(ListingResolution::ObligationPerformed),
                        };
                        let at = version - i32::from(stale);
                        check(app, tally, "submit", service::rectifications::submit(state, &actor, id, at, submission))
                            .await?;
                    }
                    RectificationMove::Review { by, stale, accept, reasons, new_deadline_in } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let review = service::rectifications::Review {
                            accept,
                            note: reasons.then(|| "材料不全".into()),
                            new_deadline: new_deadline_in.map(|d| today + Duration::days(d)),
                        };
                        let at = version - i32::from(stale);
                        check(app, tally, "review", service::rectifications::review(state, &actor, id, at, review))
                            .await?;
                    }
                    RectificationMove::CourtRemoval { by, stale, days_ago } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let on = today - Duration::days(days_ago);
                        let at = version - i32::from(stale);
                        let removal = service::rectifications::record_court_removal(state, &actor, id, at, on);
                        check(app, tally, "court removal", removal).await?;
                    }
                }
            }
            Ok(())
        })
    });
}

/// The newest row of a workflow table whose `parent` column is `id`: its id and version (or a
/// missing id 0, version 1, when there is none).
async fn newest<E>(app: &TestApp, parent: E::Column, id: i32, row: fn(&E::Model) -> (i32, i32)) -> (i32, i32)
where
    E: EntityTrait,
    E::Column: ColumnTrait,
{
    let found = E::find().filter(parent.eq(id)).all(&app.state.db).await.unwrap();
    let found = found.iter().max_by_key(|m| row(m).0);
    found.map_or((0, 1), row)
}

// ---------------------------------------------------------------- objections

#[derive(Debug, Clone)]
enum ObjectionMove {
    File { by: Who, blank: bool },
    Decide { by: Who, stale: bool, to: ObjectionStatus, reasons: bool, remedy: u8 },
}

fn objection_status() -> impl Strategy<Value = ObjectionStatus> {
    prop_oneof![
        Just(ObjectionStatus::Filed),
        Just(ObjectionStatus::UnderReview),
        Just(ObjectionStatus::Upheld),
        Just(ObjectionStatus::Dismissed)
    ]
}

fn objection_move() -> impl Strategy<Value = ObjectionMove> {
    prop_oneof![
        1 => (who(), prop::bool::weighted(0.2)).prop_map(|(by, blank)| ObjectionMove::File { by, blank }),
        2 => (who(), stale(), objection_status(), prop::bool::weighted(0.8), 0..3u8).prop_map(
            |(by, stale, to, reasons, remedy)| ObjectionMove::Decide { by, stale, to, reasons, remedy }
        ),
    ]
}

#[test]
fn objection_moves_are_all_or_nothing_and_audited_once_per_row() {
    use entity::objection::{Column, Entity};
    run(prop::collection::vec(objection_move(), MOVES), |app, tally, moves| {
        Box::pin(async move {
            let record = fresh_record(app, false, 10).await;
            for step in moves {
                let trace = trace();
                let (id, version) = newest::<Entity>(app, Column::RecordId, record, |o| (o.id, o.version)).await;
                match step {
                    ObjectionMove::File { by, blank } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let grounds = text(blank);
                        check(app, tally, "file", service::objections::file(&app.state, &actor, record, &grounds))
                            .await?;
                    }
                    ObjectionMove::Decide { by, stale, to, reasons, remedy } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let remedy = match remedy {
                            0 => None,
                            1 => Some(service::objections::Remedy::Revoke),
                            _ => Some(service::objections::Remedy::Correct(service::objections::Correction {
                                title: Some("更正后的标题".into()),
                                facts: None,
                                severity: Some(Severity::Minor),
                                disclosure: None,
                            })),
                        };
                        let step =
                            service::objections::Decision { to, decision: reasons.then(|| "经复核".into()), remedy };
                        let at = version - i32::from(stale);
                        check(app, tally, "decide", service::objections::decide(&app.state, &actor, id, at, step))
                            .await?;
                    }
                }
            }
            Ok(())
        })
    });
}

// ---------------------------------------------------------------- credit repair

#[derive(Debug, Clone)]
enum RepairMove {
    Apply { by: Who, blank: bool },
    Decide { by: Who, stale: bool, approve: bool, blank: bool },
}

fn repair_move() -> impl Strategy<Value = RepairMove> {
    prop_oneof![
        (who(), prop::bool::weighted(0.2)).prop_map(|(by, blank)| RepairMove::Apply { by, blank }),
        (who(), stale(), any::<bool>(), prop::bool::weighted(0.2))
            .prop_map(|(by, stale, approve, blank)| RepairMove::Decide { by, stale, approve, blank }),
    ]
}

#[test]
fn repair_moves_are_all_or_nothing_and_audited_once_per_row() {
    use entity::repair_application::{Column, Entity};
    let severity = prop_oneof![3 => Just(Severity::Minor), 1 => Just(Severity::General)];
    let strategy = (severity, prop::collection::vec(repair_move(), MOVES));
    run(strategy, |app, tally, (severity, moves)| {
        Box::pin(async move {
            // A RECTIFIED record decided today: a MINOR one may be repaired at once, a GENERAL
            // one not yet.
            let mut fixture = RecordFixture::new("浔中镇", "已整改的记录", Disclosure::Shared);
            (fixture.severity, fixture.status, fixture.days_ago) = (severity, RecordStatus::Rectified, 0);
            let record = insert_record(app, fixture).await;
            for step in moves {
                let trace = trace();
                let (id, version) = newest::<Entity>(app, Column::RecordId, record, |r| (r.id, r.version)).await;
                match step {
                    RepairMove::Apply { by, blank } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let measures = text(blank);
                        check(app, tally, "apply", service::repairs::apply(&app.state, &actor, record, &measures))
                            .await?;
                    }
                    RepairMove::Decide { by, stale, approve, blank } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let decision = text(blank);
                        let at = version - i32::from(stale);
                        let decide = service::repairs::decide(&app.state, &actor, id, at, approve, &decision);
                        check(app, tally, "decide", decide).await?;
                    }
                }
            }
            Ok(())
        })
    });
}

// ---------------------------------------------------------------- complaints

#[derive(Debug, Clone)]
enum ComplaintMove {
    Assign { by: Who, stale: bool, known_unit: bool, deadline_in: Option<i64> },
    Reply { by: Who, stale: bool, blank: bool },
    Conclude { by: Who, stale: bool, to: ComplaintStatus, blank: bool, record: bool },
}

fn complaint_status() -> impl Strategy<Value = ComplaintStatus> {
    prop_oneof![
        Just(ComplaintStatus::Received),
        Just(ComplaintStatus::Assigned),
        Just(ComplaintStatus::Replied),
        Just(ComplaintStatus::Substantiated),
        Just(ComplaintStatus::Unfounded),
        Just(ComplaintStatus::Closed)
    ]
}

fn complaint_move() -> impl Strategy<Value = ComplaintMove> {
    prop_oneof![
        (who(), stale(), prop::bool::weighted(0.85), prop::option::of(-2..30i64)).prop_map(
            |(by, stale, known_unit, deadline_in)| ComplaintMove::Assign { by, stale, known_unit, deadline_in }
        ),
        (who(), stale(), prop::bool::weighted(0.2)).prop_map(|(by, stale, blank)| ComplaintMove::Reply {
            by,
            stale,
            blank
        }),
        (who(), stale(), complaint_status(), prop::bool::weighted(0.2), any::<bool>())
            .prop_map(|(by, stale, to, blank, record)| ComplaintMove::Conclude { by, stale, to, blank, record }),
    ]
}

#[test]
fn complaint_moves_are_all_or_nothing_and_audited_once_per_row() {
    run(prop::collection::vec(complaint_move(), MOVES), |app, tally, moves| {
        Box::pin(async move {
            let id = insert_complaint(app, "浔中镇", ComplaintStatus::Received).await;
            let unit = app.unit_row("浔中镇").await;
            for step in moves {
                let trace = trace();
                let today = app.clock.today();
                let version =
                    entity::complaint::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap().version;
                match step {
                    ComplaintMove::Assign { by, stale, known_unit, deadline_in } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let to = if known_unit { unit } else { 999_999 };
                        let deadline = deadline_in.map(|d| today + Duration::days(d));
                        let at = version - i32::from(stale);
                        let assign = service::complaints::assign(&app.state, &actor, id, at, to, deadline);
                        check(app, tally, "assign", assign).await?;
                    }
                    ComplaintMove::Reply { by, stale, blank } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let reply = text(blank);
                        let at = version - i32::from(stale);
                        check(app, tally, "reply", service::complaints::reply(&app.state, &actor, id, at, &reply))
                            .await?;
                    }
                    ComplaintMove::Conclude { by, stale, to, blank, record } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let conclusion = service::complaints::Conclusion {
                            to,
                            conclusion: text(blank),
                            record: record.then_some(service::complaints::ComplaintRecord {
                                category: RecordCategory::AdministrativePenalty,
                                severity: Severity::General,
                                title: None,
                                facts: None,
                            }),
                            existing_record_id: None,
                        };
                        let at = version - i32::from(stale);
                        let conclude = service::complaints::conclude(&app.state, &actor, id, at, conclusion);
                        check(app, tally, "conclude", conclude).await?;
                    }
                }
            }
            Ok(())
        })
    });
}

// ---------------------------------------------------------------- proposals

#[derive(Debug, Clone)]
enum ProposalMove {
    Reply { by: Who, stale: bool, blank: bool },
    Satisfaction { by: Who, stale: bool, satisfaction: Satisfaction, new_due_in: Option<i64> },
}

fn proposal_move() -> impl Strategy<Value = ProposalMove> {
    let satisfaction = prop_oneof![
        Just(Satisfaction::Satisfied),
        Just(Satisfaction::BasicallySatisfied),
        Just(Satisfaction::Unsatisfied)
    ];
    prop_oneof![
        (who(), stale(), prop::bool::weighted(0.2)).prop_map(|(by, stale, blank)| ProposalMove::Reply {
            by,
            stale,
            blank
        }),
        (who(), stale(), satisfaction, prop::option::of(-2..60i64)).prop_map(
            |(by, stale, satisfaction, new_due_in)| ProposalMove::Satisfaction { by, stale, satisfaction, new_due_in }
        ),
    ]
}

#[test]
fn proposal_moves_are_all_or_nothing_and_audited_once_per_row() {
    let counter = std::sync::atomic::AtomicUsize::new(0);
    run(prop::collection::vec(proposal_move(), MOVES), |app, tally, moves| {
        let number = format!("PROP-{}", counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        Box::pin(async move {
            let id = insert_proposal(app, "浔中镇", &number, ProposalStatus::Assigned).await;
            for step in moves {
                let trace = trace();
                let today = app.clock.today();
                let version =
                    entity::proposal::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap().version;
                match step {
                    ProposalMove::Reply { by, stale, blank } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let reply = text(blank);
                        let at = version - i32::from(stale);
                        check(app, tally, "reply", service::proposals::reply(&app.state, &actor, id, at, &reply))
                            .await?;
                    }
                    ProposalMove::Satisfaction { by, stale, satisfaction, new_due_in } => {
                        let viewer = viewer_for(app, by.username()).await;
                        let actor = actor(app, &viewer, &trace);
                        let due = new_due_in.map(|d| today + Duration::days(d));
                        let at = version - i32::from(stale);
                        let record =
                            service::proposals::record_satisfaction(&app.state, &actor, id, at, satisfaction, due);
                        check(app, tally, "satisfaction", record).await?;
                    }
                }
            }
            Ok(())
        })
    });
}
