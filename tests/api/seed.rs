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

/// A province's 15 M records are planned and written a chunk at a time (each chunk the records of
/// its own share of the units). Seeded in four chunks, the demo's rows keep ids without gaps,
/// every accountability proposal names its record's unit, and the rollups equal a fresh count.
#[tokio::test]
async fn a_seed_written_in_chunks_is_whole() {
    use entity::*;
    use sea_orm::{ConnectionTrait, Statement};

    let (url, _database) = crate::helpers::fresh_database().await;
    let config = chengxin::config::Config::for_database(&url, crate::helpers::TEST_SECRET);
    let state = chengxin::startup::build_default_state(config).await.unwrap();
    let options = chengxin::seed::SeedOptions {
        demo: true,
        scale: None,
        password_hash: "x".into(),
        now: chrono::Utc::now(),
        rng_seed: 7,
    };
    let summary = chengxin::seed::seed_in_chunks(&state.db, &options, 500).await.unwrap();
    assert_eq!(summary.credit_records, 2_000);
    let db = &state.db;
    for table in ["credit_record", "rectification", "objection", "repair_application", "listing_event"] {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) AS n, CAST(COALESCE(MAX(id), 0) AS BIGINT) AS top FROM {table}"),
            ))
            .await
            .unwrap()
            .unwrap();
        let (n, top): (i64, i64) = (row.try_get("", "n").unwrap(), row.try_get("", "top").unwrap());
        assert!(n > 0, "{table} is empty");
        assert_eq!(n, top, "{table}: ids 1..={top} without a gap");
    }
    let proposals = accountability_proposal::Entity::find().all(db).await.unwrap();
    assert!(!proposals.is_empty());
    assert_eq!(proposals.iter().map(|p| p.id).max(), Some(proposals.len() as i32));
    for proposal in &proposals {
        let record = credit_record::Entity::find_by_id(proposal.record_id).one(db).await.unwrap().unwrap();
        assert_eq!(proposal.unit_id, record.unit_id, "proposal {}", proposal.id);
    }
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        // The indexes and foreign keys set aside for the load are all back, as migrated.
        let (other_url, _other) = crate::helpers::fresh_database().await;
        let config = chengxin::config::Config::for_database(&other_url, crate::helpers::TEST_SECRET);
        let migrated = chengxin::startup::build_default_state(config).await.unwrap();
        let (loaded, as_migrated) = (schema_objects(db).await, schema_objects(&migrated.db).await);
        let missing: Vec<_> = as_migrated.iter().filter(|o| !loaded.contains(o)).collect();
        let extra: Vec<_> = loaded.iter().filter(|o| !as_migrated.contains(o)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
    }
    let app = crate::helpers::spawn_app_over(&url, |_| {}).await;
    assert_eq!(crate::rollup_properties::stored(&app).await, crate::rollup_properties::fresh(&app).await);
    assert_eq!(
        crate::rollup_properties::stored_statuses(&app).await,
        crate::rollup_properties::fresh_statuses(&app).await
    );
    assert_eq!(
        crate::rollup_properties::stored_workflows(&app).await,
        crate::rollup_properties::fresh_workflows(&app).await
    );
}

/// Every index and constraint of the database's tables, with its definition.
async fn schema_objects(db: &sea_orm::DatabaseConnection) -> Vec<(String, String)> {
    use sea_orm::{ConnectionTrait, Statement};
    let sql = "SELECT tablename || '.' || indexname AS name, indexdef AS definition FROM pg_indexes \
               WHERE schemaname = current_schema() \
               UNION ALL SELECT conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid) \
               FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1";
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap();
    let objects: Vec<(String, String)> = rows
        .iter()
        .map(|row| {
            let definition: String = row.try_get("", "definition").unwrap();
            // A partial index's predicate reads back with its casts placed otherwise once made
            // again from its own definition; the index is the same.
            let unpredicated = definition.split(" WHERE ").next().unwrap_or_default().to_owned();
            (row.try_get("", "name").unwrap(), unpredicated)
        })
        .collect();
    assert!(objects.iter().any(|(name, _)| name.starts_with("credit_record.")));
    objects
}
