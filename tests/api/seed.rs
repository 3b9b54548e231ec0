use entity::{enums::UnitKind, official, plan_task, plan_task_lead_unit, recording_authority, unit, unit_closure};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{spawn_app, spawn_demo_app};

#[tokio::test]
async fn the_base_seed_holds_the_county_as_the_plan_names_it() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let count = |kind: UnitKind| unit::Entity::find().filter(unit::Column::Kind.eq(kind)).count(db);
    assert_eq!(count(UnitKind::CountyGovernment).await.unwrap(), 1);
    assert_eq!(count(UnitKind::Township).await.unwrap(), 18);
    assert!(count(UnitKind::Department).await.unwrap() >= 25);
    let villages = count(UnitKind::VillageCommittee).await.unwrap();
    assert!((18 * 3..=18 * 8).contains(&villages), "3–8 villages per township, got {villages}");
    let xunzhong =
        unit::Entity::find().filter(unit::Column::DivisionCode.eq("350526100")).one(db).await.unwrap().unwrap();
    assert_eq!(xunzhong.short_name.as_deref(), Some("浔中镇"));
    let chunmei =
        unit::Entity::find().filter(unit::Column::DivisionCode.eq("350526209")).one(db).await.unwrap().unwrap();
    assert_eq!(chunmei.short_name.as_deref(), Some("春美乡"));
    assert_eq!(plan_task::Entity::find().count(db).await.unwrap(), 23);
    assert!(plan_task_lead_unit::Entity::find().count(db).await.unwrap() > 23);
    let court = app.unit_row("县人民法院").await;
    let court_categories = recording_authority::Entity::find()
        .filter(recording_authority::Column::UnitId.eq(court))
        .count(db)
        .await
        .unwrap();
    assert_eq!(court_categories, 2);
    let all_units = unit::Entity::find().all(db).await.unwrap();
    for u in &all_units {
        let code = u.uscc.as_deref().expect("every seeded unit has a USCC");
        assert_eq!(chengxin::domain::uscc::validate_uscc(code), Ok(()), "{} {code}", u.name);
    }
    let self_rows = unit_closure::Entity::find().filter(unit_closure::Column::Depth.eq(0)).count(db).await.unwrap();
    assert_eq!(self_rows, all_units.len() as u64, "every unit is its own depth-0 ancestor");
}

#[tokio::test]
async fn the_demo_seed_fills_every_table_with_valid_codes() {
    let app = spawn_demo_app().await;
    let db = &app.state.db;
    let today = chrono::Utc::now().date_naive();
    let officials = official::Entity::find().all(db).await.unwrap();
    assert_eq!(officials.len(), 1_200);
    for person in &officials {
        assert_eq!(chengxin::domain::id_number::validate_id_number(&person.id_number, today), Ok(()));
    }
    use entity::*;
    assert_eq!(credit_record::Entity::find().count(db).await.unwrap(), 2_000);
    assert!(rectification::Entity::find().count(db).await.unwrap() > 0);
    assert!(objection::Entity::find().count(db).await.unwrap() > 0);
    assert!(repair_application::Entity::find().count(db).await.unwrap() > 0);
    assert_eq!(commitment::Entity::find().count(db).await.unwrap(), 400);
    assert_eq!(complaint::Entity::find().count(db).await.unwrap(), 300);
    assert_eq!(proposal::Entity::find().count(db).await.unwrap(), 120);
    assert_eq!(procurement_contract::Entity::find().count(db).await.unwrap(), 150);
    assert!(ppp_stage_assignment::Entity::find().count(db).await.unwrap() >= 12);
    assert_eq!(debt_instrument::Entity::find().count(db).await.unwrap(), 40);
    assert!(fiscal_capacity::Entity::find().count(db).await.unwrap() > 0);
    assert_eq!(evaluation_period::Entity::find().count(db).await.unwrap(), 3);
    assert!(evaluation::Entity::find().count(db).await.unwrap() > 0);
    assert!(task_progress::Entity::find().count(db).await.unwrap() > 0);
    assert_eq!(training_record::Entity::find().count(db).await.unwrap(), 2_000);
    // No official-subject record is PUBLIC, and no MINOR record is.
    let leaked = credit_record::Entity::find()
        .filter(credit_record::Column::Disclosure.eq(entity::enums::Disclosure::Public))
        .filter(
            sea_orm::Condition::any()
                .add(credit_record::Column::SubjectType.eq(entity::enums::SubjectType::Official))
                .add(credit_record::Column::Severity.eq(entity::enums::Severity::Minor)),
        )
        .count(db)
        .await
        .unwrap();
    assert_eq!(leaked, 0);
    // Every category, severity, sector and status appears.
    for category in <entity::enums::RecordCategory as sea_orm::Iterable>::iter() {
        let n =
            credit_record::Entity::find().filter(credit_record::Column::Category.eq(category)).count(db).await.unwrap();
        assert!(n > 0, "{category:?} missing");
    }
    for status in <entity::enums::RecordStatus as sea_orm::Iterable>::iter() {
        let n = credit_record::Entity::find().filter(credit_record::Column::Status.eq(status)).count(db).await.unwrap();
        assert!(n > 0, "{status:?} missing");
    }
    for sector in <entity::enums::Sector as sea_orm::Iterable>::iter() {
        let n = credit_record::Entity::find().filter(credit_record::Column::Sector.eq(sector)).count(db).await.unwrap();
        assert!(n > 0, "{sector:?} missing");
    }
}

#[tokio::test]
async fn seeding_twice_changes_nothing() {
    let app = spawn_app().await;
    let before = unit::Entity::find().count(&app.state.db).await.unwrap();
    let options = chengxin::seed::SeedOptions {
        demo: true,
        scale: None,
        password_hash: "x".into(),
        now: chrono::Utc::now(),
        rng_seed: 1,
    };
    let summary = chengxin::seed::seed(&app.state.db, &options).await.unwrap();
    assert!(summary.skipped);
    assert_eq!(unit::Entity::find().count(&app.state.db).await.unwrap(), before);
    assert_eq!(official::Entity::find().count(&app.state.db).await.unwrap(), 0);
}
