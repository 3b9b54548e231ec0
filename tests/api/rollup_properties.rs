//! The record rollups against a fresh count: random sequences of record writes through the service
//! layer (create, correct, revoke, open a rectification, move a unit with its subtree), each
//! followed by a comparison of both rollups with what the records and the unit tree say now.
//! Bounded: a few dozen sequences.

use std::collections::BTreeMap;

use chengxin::{clock::Clock, service, store::rollups::month_of};
use chrono::Duration;
use entity::{
    credit_record,
    enums::{Disclosure, Polarity, RecordCategory, RecordStatus, Sector, Severity, SubjectType, UnitKind},
    record_month_rollup, record_rollup, unit, unit_closure,
};
use proptest::{
    prelude::*,
    test_runner::{Config, TestCaseError, TestRunner},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    helpers::{insert_official, spawn_app, TestApp},
    service_harness::{actor, penalty, trace, viewer_for},
};

const CASES: u32 = 20;

#[derive(Debug, Clone)]
enum Write {
    Create {
        unit: usize,
        official: bool,
        honour: bool,
        severity: Severity,
        disclosure: Disclosure,
        sector: usize,
        days_ago: i64,
    },
    Correct {
        pick: usize,
        severity: Severity,
        sector: usize,
        disclosure: Disclosure,
        days_ago: i64,
    },
    Revoke {
        pick: usize,
    },
    Rectify {
        pick: usize,
    },
    Move {
        village: usize,
        township: usize,
    },
}

fn severity() -> impl Strategy<Value = Severity> {
    prop_oneof![Just(Severity::Minor), Just(Severity::General), Just(Severity::Serious)]
}

fn disclosure() -> impl Strategy<Value = Disclosure> {
    prop_oneof![Just(Disclosure::Public), Just(Disclosure::Shared), Just(Disclosure::Restricted)]
}

const SECTORS: [Sector; 4] = [Sector::General, Sector::Procurement, Sector::Debt, Sector::Township];

fn write() -> impl Strategy<Value = Write> {
    prop_oneof![
        4 => (0..4usize, any::<bool>(), prop::bool::weighted(0.2), severity(), disclosure(), 0..4usize, 0..400i64)
            .prop_map(|(unit, official, honour, severity, disclosure, sector, days_ago)| Write::Create {
                unit, official, honour, severity, disclosure, sector, days_ago
            }),
        2 => (0..8usize, severity(), 0..4usize, disclosure(), 0..400i64)
            .prop_map(|(pick, severity, sector, disclosure, days_ago)| Write::Correct { pick, severity, sector, disclosure, days_ago }),
        1 => (0..8usize).prop_map(|pick| Write::Revoke { pick }),
        1 => (0..8usize).prop_map(|pick| Write::Rectify { pick }),
        1 => (0..3usize, 0..3usize).prop_map(|(village, township)| Write::Move { village, township }),
    ]
}

/// The units the writes touch: four record subjects (two villages among them), the townships a
/// village may move under, and one official in each subject.
struct Cast {
    subjects: Vec<i32>,
    villages: Vec<i32>,
    townships: Vec<i32>,
    officials: Vec<i32>,
}

async fn cast(app: &TestApp) -> Cast {
    let db = &app.state.db;
    let of_kind =
        |kind: UnitKind| unit::Entity::find().filter(unit::Column::Kind.eq(kind)).order_by_asc(unit::Column::Id);
    let townships: Vec<i32> = of_kind(UnitKind::Township).all(db).await.unwrap().iter().take(3).map(|u| u.id).collect();
    let villages: Vec<unit::Model> =
        of_kind(UnitKind::VillageCommittee).all(db).await.unwrap().into_iter().take(3).collect();
    let mut subjects = vec![app.unit_row("浔中镇").await, app.unit_row("县财政局").await];
    subjects.extend(villages.iter().take(2).map(|v| v.id));
    let mut officials = Vec::new();
    for (serial, subject) in subjects.iter().enumerate() {
        let short = unit::Entity::find_by_id(*subject).one(db).await.unwrap().unwrap();
        let name = short.short_name.clone().unwrap_or(short.name.clone());
        officials.push(insert_official(app, &name, "王测试", 900 + serial as u64).await);
    }
    Cast { subjects, villages: villages.iter().map(|v| v.id).collect(), townships, officials }
}

type Counts = BTreeMap<String, i64>;

/// Both rollups as stored (rows at zero left out).
async fn stored(app: &TestApp) -> (Counts, Counts) {
    let db = &app.state.db;
    let rows = record_rollup::Entity::find().all(db).await.unwrap();
    let months = record_month_rollup::Entity::find().all(db).await.unwrap();
    let rows = rows
        .into_iter()
        .filter(|r| r.records != 0)
        .map(|r| {
            let key = format!(
                "{} {} {:?} {:?} {:?} {:?} {:?} {:?}",
                r.unit_id, r.subtree, r.subject_type, r.polarity, r.severity, r.status, r.sector, r.disclosure
            );
            (key, r.records)
        })
        .collect();
    let months = months
        .into_iter()
        .filter(|m| m.records != 0)
        .map(|m| {
            let key = format!(
                "{} {} {} {:?} {:?} {:?} {:?}",
                m.unit_id, m.subtree, m.month, m.subject_type, m.polarity, m.severity, m.disclosure
            );
            (key, m.records)
        })
        .collect();
    (rows, months)
}

/// Both rollups counted afresh from the records and the unit tree.
async fn fresh(app: &TestApp) -> (Counts, Counts) {
    let db = &app.state.db;
    let records = credit_record::Entity::find().all(db).await.unwrap();
    let closure = unit_closure::Entity::find().all(db).await.unwrap();
    let (mut rows, mut months) = (Counts::new(), Counts::new());
    for r in &records {
        let holders = std::iter::once((r.unit_id, false))
            .chain(closure.iter().filter(|c| c.descendant_id == r.unit_id).map(|c| (c.ancestor_id, true)));
        for (unit, subtree) in holders {
            let key = format!(
                "{} {} {:?} {:?} {:?} {:?} {:?} {:?}",
                unit, subtree, r.subject_type, r.polarity, r.severity, r.status, r.sector, r.disclosure
            );
            *rows.entry(key).or_default() += 1;
            if r.status != RecordStatus::Revoked {
                let key = format!(
                    "{} {} {} {:?} {:?} {:?} {:?}",
                    unit,
                    subtree,
                    month_of(r.decided_on),
                    r.subject_type,
                    r.polarity,
                    r.severity,
                    r.disclosure
                );
                *months.entry(key).or_default() += 1;
            }
        }
    }
    (rows, months)
}

/// How many writes of each kind were accepted over the whole run.
type Accepted = std::cell::RefCell<BTreeMap<&'static str, usize>>;

fn kind(write: &Write) -> &'static str {
    match write {
        Write::Create { .. } => "create",
        Write::Correct { .. } => "correct",
        Write::Revoke { .. } => "revoke",
        Write::Rectify { .. } => "rectify",
        Write::Move { .. } => "move",
    }
}

async fn play(app: &TestApp, cast: &Cast, accepted: &Accepted, writes: Vec<Write>) -> Result<(), TestCaseError> {
    let office = viewer_for(app, "office").await;
    let admin = viewer_for(app, "admin").await;
    let trace = trace();
    let today = app.clock.today();
    let mut created: Vec<i32> = Vec::new();
    for step in writes {
        let by = actor(app, &office, &trace);
        let latest = |pick: usize| created.get(pick % created.len().max(1)).copied();
        let record =
            |id: i32| async move { credit_record::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap() };
        let outcome = match step.clone() {
            Write::Create { unit, official, honour, severity, disclosure, sector, days_ago } => {
                let decided = today - Duration::days(days_ago);
                let command = service::credit_records::CreateRecord {
                    unit_id: cast.subjects[unit],
                    official_id: official.then(|| cast.officials[unit]),
                    polarity: if honour { Polarity::Honor } else { Polarity::Dishonesty },
                    category: if honour { RecordCategory::Commendation } else { RecordCategory::AdministrativePenalty },
                    sector: SECTORS[sector],
                    severity,
                    title: "属性测试记录".into(),
                    facts: "事实".into(),
                    document_number: Some("德政罚〔2026〕1号".into()),
                    deciding_authority: "德化县人民政府".into(),
                    occurred_on: decided - Duration::days(3),
                    decided_on: decided,
                    disclosure: Some(disclosure),
                    sanction: None,
                };
                service::credit_records::create(&app.state, &by, command).await.map(|r| created.push(r.id)).is_ok()
            }
            Write::Correct { pick, severity, sector, disclosure, days_ago } => match latest(pick) {
                Some(id) => {
                    let before = record(id).await;
                    let decided = today - Duration::days(days_ago);
                    let change = service::credit_records::CorrectRecord {
                        severity: Some(severity),
                        sector: Some(SECTORS[sector]),
                        disclosure: Some(disclosure),
                        occurred_on: Some(decided - Duration::days(1)),
                        decided_on: Some(decided),
                        ..Default::default()
                    };
                    service::credit_records::correct(&app.state, &by, id, before.version, change).await.is_ok()
                }
                None => false,
            },
            Write::Revoke { pick } => match latest(pick) {
                Some(id) => {
                    let before = record(id).await;
                    service::credit_records::revoke(&app.state, &by, id, before.version, "录入错误").await.is_ok()
                }
                None => false,
            },
            Write::Rectify { pick } => match latest(pick) {
                Some(id) => {
                    let before = record(id).await;
                    let deadline = today + Duration::days(30);
                    service::rectifications::open(&app.state, &by, id, before.version, deadline).await.is_ok()
                }
                None => false,
            },
            Write::Move { village, township } => {
                let by = actor(app, &admin, &trace);
                let moving =
                    unit::Entity::find_by_id(cast.villages[village]).one(&app.state.db).await.unwrap().unwrap();
                let change =
                    service::units::UnitChange { parent_id: Some(cast.townships[township]), ..Default::default() };
                service::units::update(&app.state, &by, moving.id, moving.version, change).await.is_ok()
            }
        };
        if outcome {
            *accepted.borrow_mut().entry(kind(&step)).or_default() += 1;
        }
        let (rows, months) = stored(app).await;
        let (expected_rows, expected_months) = fresh(app).await;
        prop_assert_eq!(rows, expected_rows, "record_rollup after {:?}", step);
        prop_assert_eq!(months, expected_months, "record_month_rollup after {:?}", step);
    }
    Ok(())
}

#[test]
fn rollups_equal_a_fresh_count_after_every_write() {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let app = runtime.block_on(spawn_app());
    let cast = runtime.block_on(cast(&app));
    let config = Config { cases: CASES, failure_persistence: None, max_shrink_iters: 32, ..Config::default() };
    let strategy = prop::collection::vec(write(), 1..12);
    let accepted = Accepted::default();
    let result =
        TestRunner::new(config).run(&strategy, |writes| runtime.block_on(play(&app, &cast, &accepted, writes)));
    if let Err(failure) = result {
        panic!("{failure}");
    }
    let accepted = accepted.into_inner();
    for kind in ["create", "correct", "revoke", "rectify", "move"] {
        assert!(accepted.get(kind).copied().unwrap_or(0) > 0, "no {kind} was accepted: {accepted:?}");
    }
    let records = runtime.block_on(credit_record::Entity::find().all(&app.state.db)).unwrap();
    assert!(records.iter().any(|r| r.subject_type == SubjectType::Official), "some record was an official's");
}

#[tokio::test]
async fn rebuild_recounts_what_a_direct_insert_left_out() {
    let app = spawn_app().await;
    let office = viewer_for(&app, "office").await;
    let trace = trace();
    let by = actor(&app, &office, &trace);
    let command = penalty(&app, app.unit_row("浔中镇").await, Severity::General);
    service::credit_records::create(&app.state, &by, command).await.expect("create");
    assert_eq!(stored(&app).await, fresh(&app).await, "kept by the write");
    // A row written behind the service layer's back is not counted until a rebuild.
    record_rollup::Entity::delete_many().exec(&app.state.db).await.unwrap();
    assert_ne!(stored(&app).await, fresh(&app).await);
    let (rows, months) = chengxin::store::rollups::rebuild(&app.state.db).await.expect("rebuild");
    assert!(rows > 0 && months > 0);
    assert_eq!(stored(&app).await, fresh(&app).await, "rebuilt");
}
