//! `spawn_app()`: a migrated, seeded database and the real server on a free port, with request
//! helpers and tokens for every role.

use std::sync::{Arc, OnceLock};

use chengxin::{
    auth::{jwt::TokenRequest, password::hash_password, Role},
    clock::ManualClock,
    config::Config,
    graphql::ids::{global_id, NodeType},
    seed::{self, users::demo_user_id, SeedOptions},
    startup::{self, RunningServer},
    state::AppState,
};
use chrono::{Duration, Utc};
use entity::unit;
use sea_orm::{ColumnTrait, ConnectionTrait, Database, EntityTrait, QueryFilter, Statement};
use serde_json::{json, Value};

pub const TEST_SECRET: &str = "test-secret-that-is-long-enough-for-hs256-signing";
pub const TEST_PASSWORD: &str = "correct horse battery staple";

fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password(TEST_PASSWORD).expect("hash"))
}

/// Where the test's database lives, and how to throw it away.
pub enum TestDatabase {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres {
        admin_url: String,
        name: String,
    },
    /// A database the test made itself and throws away itself.
    Given,
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                runtime.block_on(async {
                    if let Ok(db) = Database::connect(&admin_url).await {
                        let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                        let _ = db.execute_unprepared(&sql).await;
                    }
                });
            })
            .join();
        }
    }
}

/// A new empty database (made and dropped by the returned guard), on the engine the run tests.
pub async fn fresh_database() -> (String, TestDatabase) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) if admin_url.starts_with("postgres") => {
            let name = format!("chengxin_test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(&admin_url).await.expect("connect to TEST_DATABASE_URL");
            admin
                .execute_raw(Statement::from_string(
                    admin.get_database_backend(),
                    format!("CREATE DATABASE \"{name}\""),
                ))
                .await
                .expect("create test database");
            let base = admin_url.rsplit_once('/').map(|(base, _)| base).unwrap_or(&admin_url);
            (format!("{base}/{name}"), TestDatabase::Postgres { admin_url: admin_url.clone(), name })
        }
        _ => {
            let dir = tempfile::tempdir().expect("tempdir");
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
            (url, TestDatabase::Sqlite(dir))
        }
    }
}

/// A running server over its own database.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub state: AppState,
    /// The server's clock: tests move it instead of sleeping.
    pub clock: Arc<ManualClock>,
    server: Option<RunningServer>,
    _database: TestDatabase,
}

/// The app with the base seed: the county's units, plan tasks and one account per role.
pub async fn spawn_app() -> TestApp {
    spawn_with(false).await
}

/// The app with the demo seed too (officials, records, … over three years).
pub async fn spawn_demo_app() -> TestApp {
    spawn_with(true).await
}

/// The app with the base seed, its configuration changed by `edit` first.
#[allow(dead_code)]
pub async fn spawn_app_configured(edit: impl FnOnce(&mut Config)) -> TestApp {
    spawn_configured(false, edit).await
}

/// The app with the base seed over a database the test made, its configuration changed by `edit`.
#[allow(dead_code)]
pub async fn spawn_app_over(url: &str, edit: impl FnOnce(&mut Config)) -> TestApp {
    spawn_over((url.to_owned(), TestDatabase::Given), false, edit).await
}

async fn spawn_with(demo: bool) -> TestApp {
    spawn_configured(demo, |_| {}).await
}

async fn spawn_configured(demo: bool, edit: impl FnOnce(&mut Config)) -> TestApp {
    if std::env::var("TEST_LOG").is_ok() {
        let _ = tracing_subscriber::fmt().with_env_filter("info,sqlx=warn").try_init();
    }
    spawn_over(fresh_database().await, demo, edit).await
}

async fn spawn_over((url, database): (String, TestDatabase), demo: bool, edit: impl FnOnce(&mut Config)) -> TestApp {
    let mut config = Config::for_database(&url, TEST_SECRET);
    edit(&mut config);
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let state = startup::build_state(config, clock.clone()).await.expect("build state");
    let options =
        SeedOptions { demo, scale: None, password_hash: password_hash().to_owned(), now: Utc::now(), rng_seed: 7 };
    seed::seed(&state.db, &options).await.expect("seed");
    let server = startup::spawn(state.clone(), chengxin::http::app).await.expect("spawn server");
    TestApp {
        address: format!("http://{}", server.address),
        client: reqwest::Client::new(),
        state,
        clock,
        server: Some(server),
        _database: database,
    }
}

impl TestApp {
    /// Stops the server gracefully (the database stays until the app is dropped).
    #[allow(dead_code)]
    pub async fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await.expect("stop");
        }
    }

    /// A token for a seeded account (`admin`, `office`, `court`, `personnel`, `xunzhong`, `leader`).
    pub async fn token_for(&self, username: &str) -> String {
        let id = demo_user_id(username).expect("seeded user");
        let (role, unit) = seeded_role_and_unit(username);
        let unit = self.unit_id(unit).await;
        self.mint(format!("user:{id}"), role, Some(unit), None, Duration::hours(1))
    }

    /// A token for an evaluation firm.
    pub fn evaluator_token(&self) -> String {
        self.mint("token:demo-evaluator".into(), Role::Evaluator, None, Some("评估公司".into()), Duration::hours(1))
    }

    /// A stored API token for `role` at the unit with this short name.
    pub async fn api_token(&self, role: Role, unit: Option<&str>) -> String {
        let (unit_id, unit) = match unit {
            Some(short) => (Some(self.unit_row(short).await), Some(self.unit_id(short).await)),
            None => (None, None),
        };
        let request = chengxin::auth::api_tokens::ApiTokenRequest {
            role,
            unit_id,
            unit,
            firm: "测试".into(),
            purpose: None,
            days: 1,
            created_by_user_id: None,
            now: Utc::now(),
        };
        chengxin::auth::api_tokens::issue_api_token(&self.state.db, &self.state.keys, &self.state.config, request)
            .await
            .expect("issue token")
            .0
    }

    pub fn mint(
        &self,
        subject: String,
        role: Role,
        unit: Option<String>,
        firm: Option<String>,
        lifetime: Duration,
    ) -> String {
        self.state
            .keys
            .mint(TokenRequest {
                subject,
                role,
                unit,
                firm,
                jti: uuid::Uuid::new_v4().to_string(),
                issued_at: Utc::now(),
                lifetime,
                config: &self.state.config,
            })
            .expect("mint")
            .0
    }

    /// The row id of a unit by its short name.
    pub async fn unit_row(&self, short_name: &str) -> i32 {
        unit::Entity::find()
            .filter(unit::Column::ShortName.eq(short_name))
            .one(&self.state.db)
            .await
            .expect("query")
            .unwrap_or_else(|| panic!("no unit {short_name}"))
            .id
    }

    /// The API id of a unit by its short name.
    pub async fn unit_id(&self, short_name: &str) -> String {
        global_id(NodeType::Unit, self.unit_row(short_name).await).0
    }

    /// POSTs one GraphQL operation; returns the JSON body (asserting HTTP 200).
    pub async fn graphql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let response = self.post_json(token, &json!({ "query": query, "variables": variables })).await;
        let status = response.status();
        let body: Value = response.json().await.expect("json body");
        assert_eq!(status, 200, "GraphQL over HTTP answers 200: {body}");
        body
    }

    /// POSTs any JSON body to /graphql.
    pub async fn post_json(&self, token: Option<&str>, body: &Value) -> reqwest::Response {
        let mut request = self.client.post(format!("{}/graphql", self.address)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request")
    }

    /// Statements executed so far, as `/metrics` reports them, less the token checks that went to
    /// the store (those are cached for a second, so whether a request makes one depends on timing,
    /// not on the query) and less the statements `/metrics` itself runs.
    pub async fn sql_statements(&self) -> u64 {
        let text = self
            .client
            .get(format!("{}/metrics", self.address))
            .send()
            .await
            .expect("metrics")
            .text()
            .await
            .expect("text");
        let counter = |name: &str| -> u64 {
            text.lines().find_map(|line| line.strip_prefix(name)).and_then(|n| n.trim().parse().ok()).expect("counter")
        };
        counter("chengxin_sql_statements_total ")
            - counter("chengxin_session_lookups_total ")
            - counter("chengxin_scrape_sql_statements_total ")
    }

    /// The `totalCount` of the connection `list` that `query` (with `$filter`) answers, and the
    /// statements the request cost.
    pub async fn list_total(&self, token: &str, query: &str, list: &str, filter: &Value) -> (u64, u64) {
        let before = self.sql_statements().await;
        let body = self.graphql(Some(token), query, json!({ "filter": filter })).await;
        let statements = self.sql_statements().await - before;
        assert!(body.get("errors").is_none(), "{filter}: {body}");
        (body["data"][list]["totalCount"].as_u64().expect("totalCount"), statements)
    }
}

pub fn seeded_role_and_unit(username: &str) -> (Role, &'static str) {
    chengxin::seed::users::DEMO_USERS
        .iter()
        .find(|(name, ..)| *name == username)
        .map(|(_, _, role, unit)| (*role, *unit))
        .expect("seeded user")
}

/// The `extensions.code` of the first error.
pub fn error_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or("")
}

/// Inserts an official straight into the database (the API's `createOfficial` comes with #3).
pub async fn insert_official(app: &TestApp, unit_short_name: &str, name: &str, serial: u64) -> i32 {
    use entity::{enums::*, official};
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let unit_id = app.unit_row(unit_short_name).await;
    let row = official::ActiveModel {
        unit_id: Set(unit_id),
        name: Set(name.into()),
        id_number: Set(chengxin::seed::synthetic::id_number_for(serial)),
        phone: Set(Some("13859001234".into())),
        category: Set(OfficialCategory::CivilServant),
        position: Set(Some("科员".into())),
        is_head_of_unit: Set(false),
        status: Set(OfficialStatus::Active),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    row.insert(&app.state.db).await.expect("insert official").id
}

/// A record to insert straight into the database for read tests.
pub struct RecordFixture<'a> {
    pub unit: &'a str,
    pub official: Option<i32>,
    pub title: &'a str,
    pub disclosure: entity::enums::Disclosure,
    pub status: entity::enums::RecordStatus,
    pub severity: entity::enums::Severity,
    pub recorded_by: &'a str,
    pub days_ago: i64,
    pub category: entity::enums::RecordCategory,
}

impl<'a> RecordFixture<'a> {
    /// An ACTIVE GENERAL judgment of `unit`, decided 10 days ago, recorded by the court.
    pub fn new(unit: &'a str, title: &'a str, disclosure: entity::enums::Disclosure) -> Self {
        Self {
            unit,
            official: None,
            title,
            disclosure,
            status: entity::enums::RecordStatus::Active,
            severity: entity::enums::Severity::General,
            recorded_by: "县人民法院",
            days_ago: 10,
            category: entity::enums::RecordCategory::JudicialJudgment,
        }
    }
}

/// Inserts a dishonesty record straight into the database (and into the rollups, as the record
/// writer would); returns its row id.
pub async fn insert_record(app: &TestApp, fixture: RecordFixture<'_>) -> i32 {
    use entity::{credit_record, enums::*};
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let decided = now.date_naive() - Duration::days(fixture.days_ago);
    let months = match fixture.severity {
        Severity::Minor => 3,
        Severity::General => 12,
        Severity::Serious => 36,
    };
    let row = credit_record::ActiveModel {
        subject_type: Set(if fixture.official.is_some() { SubjectType::Official } else { SubjectType::Unit }),
        unit_id: Set(app.unit_row(fixture.unit).await),
        official_id: Set(fixture.official),
        polarity: Set(Polarity::Dishonesty),
        category: Set(fixture.category),
        sector: Set(Sector::General),
        severity: Set(fixture.severity),
        title: Set(fixture.title.into()),
        facts: Set("事实".into()),
        document_number: Set(Some("（2026）闽0526民初1号".into())),
        deciding_authority: Set("德化县人民法院".into()),
        occurred_on: Set(decided - Duration::days(5)),
        decided_on: Set(decided),
        status: Set(fixture.status),
        disclosure: Set(fixture.disclosure),
        disclosure_until: Set(decided.checked_add_months(chrono::Months::new(months))),
        recorded_by_unit_id: Set(app.unit_row(fixture.recorded_by).await),
        recorded_by_user_id: Set(None),
        pushed_at: Set(None),
        source_type: Set(None),
        source_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let row = row.insert(&app.state.db).await.expect("insert record");
    chengxin::store::rollups::count_change(&app.state.db, None, Some(&row)).await.expect("count the record");
    row.id
}

/// A procurement contract of `unit` signed 100 days ago, inserted straight into the database;
/// accepted 60 days ago when `accepted` (payment due 30 days ago), with its payment on `paid_on`.
/// Returns its row id.
pub async fn insert_contract(
    app: &TestApp,
    unit: &str,
    serial: u32,
    accepted: bool,
    paid_on: Option<chrono::NaiveDate>,
) -> i32 {
    use entity::{enums::*, procurement_contract};
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let today = now.date_naive();
    let accepted_on = accepted.then(|| today - Duration::days(60));
    let row = procurement_contract::ActiveModel {
        purchaser_unit_id: Set(app.unit_row(unit).await),
        project_number: Set(format!("TEST-CG-{serial:05}")),
        title: Set("办公设备采购项目".into()),
        method: Set(ProcurementMethod::PublicTender),
        supplier_name: Set("福建德化测试供应有限公司".into()),
        supplier_uscc: Set(chengxin::seed::synthetic::uscc_for("91", 90_000 + u64::from(serial))),
        supplier_uscc_valid: Set(true),
        supplier_is_sme: Set(true),
        payment_term_days: Set(30),
        amount_fen: Set(12_345_600),
        signed_on: Set(today - Duration::days(100)),
        acceptance: Set(if accepted { Acceptance::Passed } else { Acceptance::Pending }),
        accepted_on: Set(accepted_on),
        accepted_by: Set(accepted_on.map(|_| "验收小组".into())),
        payment_due_on: Set(accepted_on.map(|d| d + Duration::days(30))),
        paid_on: Set(paid_on),
        record_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let contract = row.insert(&app.state.db).await.expect("insert contract");
    // Counted in the procurement tally as the service layer's insert would.
    let shape = chengxin::store::procurement_tally::shape(&contract);
    chengxin::store::procurement_tally::count_change(&app.state.db, None, Some(shape)).await.expect("tally");
    contract.id
}

/// An ACTIVE investment agreement of `unit` signed 200 days ago, inserted straight into the
/// database (`status` as given); returns its row id.
pub async fn insert_agreement(app: &TestApp, unit: &str, serial: u32, status: entity::enums::AgreementStatus) -> i32 {
    use entity::investment_agreement;
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let row = investment_agreement::ActiveModel {
        unit_id: Set(app.unit_row(unit).await),
        agreement_number: Set(format!("TEST-ZS-{serial:05}")),
        investor_name: Set("福建德化测试陶瓷有限公司".into()),
        investor_uscc: Set(chengxin::seed::synthetic::uscc_for("91", 95_000 + u64::from(serial))),
        investor_uscc_valid: Set(true),
        project_name: Set("高端日用陶瓷生产线项目".into()),
        agreed_investment_fen: Set(5_000_000_000),
        signed_on: Set(now.date_naive() - Duration::days(200)),
        status: Set(status),
        change_reason: Set(None),
        legal_basis: Set(None),
        compensation_fen: Set(None),
        change_ground: Set(None),
        change_procedure: Set(None),
        changed_on: Set(None),
        terminated: Set(false),
        fulfilled_on: Set(None),
        record_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    row.insert(&app.state.db).await.expect("insert agreement").id
}

/// A debt instrument of `unit`: `kind`, owing `outstanding_yuan`, issued `issued_days_ago`,
/// maturing in `matures_in_days` (negative: in the past), OUTSTANDING. Returns its row id.
pub async fn insert_debt(
    app: &TestApp,
    unit: &str,
    serial: u32,
    kind: entity::enums::DebtKind,
    outstanding_yuan: i64,
    issued_days_ago: i64,
    matures_in_days: i64,
) -> i32 {
    use entity::{debt_instrument, enums::DebtStatus};
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let today = now.date_naive();
    let row = debt_instrument::ActiveModel {
        unit_id: Set(app.unit_row(unit).await),
        code: Set(format!("TEST-ZQ-{serial:05}")),
        kind: Set(kind),
        principal_fen: Set(outstanding_yuan * 100),
        outstanding_fen: Set(outstanding_yuan * 100),
        rate_bp: Set(325),
        issued_on: Set(today - Duration::days(issued_days_ago)),
        maturity_on: Set(today + Duration::days(matures_in_days)),
        credit_rating: Set(Some("AAA".into())),
        status: Set(DebtStatus::Outstanding),
        record_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    row.insert(&app.state.db).await.expect("insert debt").id
}

/// Runs the README's GraphQL block that starts with `query <name>` as the credit office on the
/// demo data, with `$unit` the county government; returns `data.<root>.totalCount`.
pub async fn readme_query_total(name: &str, root: &str) -> u64 {
    let readme = include_str!("../../README.md");
    let start = readme.find(&format!("query {name}")).expect("the README's query");
    let query = &readme[start..start + readme[start..].find("```").expect("end of block")];
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let body = app.graphql(Some(&office), query, json!({ "unit": app.unit_id("县政府").await })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"][root]["totalCount"].as_u64().unwrap_or_else(|| panic!("{body}"))
}

/// A role's SDL as async-graphql's parser reads it: that parser predates descriptions on the
/// `schema` block (graphql-js reads them), so the schema's description is cut off first.
#[allow(dead_code)]
pub fn parse_role_sdl(
    sdl: &str,
) -> Result<async_graphql::parser::types::ServiceDocument, async_graphql::parser::Error> {
    let cut = match sdl.rfind("\"\"\"\nschema {") {
        Some(end) => {
            let start = sdl[..end].rfind("\"\"\"").unwrap_or(end);
            format!("{}{}", &sdl[..start], &sdl[end + 4..])
        }
        None => sdl.to_owned(),
    };
    async_graphql::parser::parse_schema(cut)
}

/// A PPP project of `unit` in `stage`, inserted straight into the database; returns its row id.
pub async fn insert_ppp(app: &TestApp, unit: &str, serial: u32, stage: entity::enums::PppStage) -> i32 {
    use entity::ppp_project;
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let row = ppp_project::ActiveModel {
        unit_id: Set(app.unit_row(unit).await),
        project_number: Set(format!("TEST-PPP-{serial:05}")),
        name: Set(format!("测试污水处理PPP项目{serial}")),
        total_investment_fen: Set(30_000_000_000),
        partner_name: Set("福建德化测试环保科技有限公司".into()),
        partner_uscc: Set(Some(chengxin::seed::synthetic::uscc_for("91", 96_000 + u64::from(serial)))),
        stage: Set(stage),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    row.insert(&app.state.db).await.expect("insert PPP project").id
}

/// An assignment of `official` to `stage` of `project`, from `from_days_ago` days ago until
/// `to_days_ago` (open when `None`); returns its row id.
pub async fn insert_assignment(
    app: &TestApp,
    project: i32,
    stage: entity::enums::PppStage,
    official: i32,
    from_days_ago: i64,
    to_days_ago: Option<i64>,
) -> i32 {
    use entity::ppp_stage_assignment;
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let today = now.date_naive();
    let row = ppp_stage_assignment::ActiveModel {
        project_id: Set(project),
        stage: Set(stage),
        official_id: Set(official),
        from_on: Set(today - Duration::days(from_days_ago)),
        to_on: Set(to_days_ago.map(|d| today - Duration::days(d))),
        created_at: Set(now),
        ..Default::default()
    };
    row.insert(&app.state.db).await.expect("insert assignment").id
}

/// A tender of `unit` whose bids opened 20 days ago, in `status` (an AWARDED one with its
/// winner and credit report); returns its row id.
pub async fn insert_tender(app: &TestApp, unit: &str, serial: u32, status: entity::enums::TenderStatus) -> i32 {
    use entity::{enums::TenderStatus, tender_project};
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let opened = now.date_naive() - Duration::days(20);
    let awarded = status == TenderStatus::Awarded;
    let row = tender_project::ActiveModel {
        unit_id: Set(app.unit_row(unit).await),
        project_number: Set(format!("TEST-ZB-{serial:05}")),
        name: Set(format!("测试道路改造工程{serial}")),
        agency_name: Set(Some("福建测试工程咨询有限公司".into())),
        method: Set(entity::enums::TenderMethod::PublicTender),
        budget_fen: Set(500_000_000),
        bid_opening_on: Set(opened),
        status: Set(status),
        winning_bidder_name: Set(awarded.then(|| "福建德化测试建设工程有限公司".into())),
        winning_bidder_uscc: Set(awarded.then(|| chengxin::seed::synthetic::uscc_for("91", 97_000 + u64::from(serial)))),
        winning_bidder_uscc_valid: Set(awarded.then_some(true)),
        award_amount_fen: Set(awarded.then_some(480_000_000)),
        credit_report_reference: Set(awarded.then(|| format!("XYBG-TEST-{serial}"))),
        concluded_on: Set((status != TenderStatus::Open).then_some(opened)),
        failure_reason: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    row.insert(&app.state.db).await.expect("insert tender").id
}

/// The bad fields of a `BAD_USER_INPUT` answer, as (field, reason) pairs in order.
pub fn bad_fields(body: &Value) -> Vec<(String, String)> {
    body["errors"][0]["extensions"]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|f| {
            (f["field"].as_str().unwrap_or_default().to_owned(), f["reason"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

/// An open evaluation period of the current year named `name`, with the default weights;
/// returns its row id.
pub async fn insert_period(app: &TestApp, name: &str) -> i32 {
    use chrono::Datelike;
    use entity::evaluation_period;
    use sea_orm::{ActiveModelTrait, Set};
    let year = Utc::now().date_naive().year();
    let row = evaluation_period::ActiveModel {
        name: Set(name.into()),
        year: Set(year),
        starts_on: Set(chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap()),
        ends_on: Set(chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap()),
        created_at: Set(Utc::now()),
        weights: Set(None),
        published_at: Set(None),
        ..Default::default()
    };
    row.insert(&app.state.db).await.expect("insert period").id
}
