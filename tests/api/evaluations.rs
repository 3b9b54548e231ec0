//! Issue 13, evaluation (plan tasks 2.1.1, 2.1.3): the design's formula per indicator against a
//! hand-computed fixture, every point naming its rows; recomputing is idempotent; publishing
//! freezes the period and opens the results to the portal and evaluation firms.

use chengxin::{
    auth::Role,
    clock::Clock,
    graphql::ids::{global_id, NodeType},
};
use chrono::Datelike;
use entity::enums::{Disclosure, RectificationStatus, Severity};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, PaginatorTrait, Set};
use serde_json::{json, Value};

use crate::{
    helpers::{bad_fields, error_code, insert_official, insert_record, spawn_app, RecordFixture, TestApp},
    workflow_fixtures::insert_rectification,
};

const CREATE: &str = "mutation($i: CreateEvaluationPeriodInput!) { createEvaluationPeriod(input: $i) { period { id year published weights { serious thirdPartyPercent } } } }";
const COMPUTE: &str =
    "mutation($p: ID!) { computeEvaluations(input: { periodId: $p }) { evaluated period { published } } }";
const PUBLISH: &str = "mutation($p: ID!) { publishEvaluations(input: { periodId: $p }) { period { published } } }";
const RATE: &str = "mutation($i: RecordThirdPartyRatingInput!) { recordThirdPartyRating(input: $i) { grade } }";
const OF_UNIT: &str = "query($p: ID!, $u: ID!) { evaluations(filter: { periodId: $p, unitId: $u }) { totalCount nodes { id score grade thirdPartyGrade published breakdown { base ownScore finalScore thirdParty { grade score sharePercent } lines { indicator count points sources } } } } }";

async fn open_period(app: &TestApp, office: &str) -> String {
    let year = app.clock.today().year();
    let input = json!({ "i": { "name": format!("{year}年度政务诚信评价（测试）"), "startsOn": format!("{year}-01-01"), "endsOn": format!("{year}-12-31") } });
    let made = app.graphql(Some(office), CREATE, input).await;
    made["data"]["createEvaluationPeriod"]["period"]["id"].as_str().unwrap_or_else(|| panic!("{made}")).to_owned()
}

async fn evaluation_of(app: &TestApp, token: Option<&str>, period: &str, unit: &str) -> Value {
    let body = app.graphql(token, OF_UNIT, json!({ "p": period, "u": unit })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["evaluations"].clone()
}

#[tokio::test]
async fn the_formula_counts_each_indicator_names_its_rows_and_blends_the_published_rating() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let period = open_period(&app, &office).await;
    // 浔中镇 this year: its own SERIOUS record (−15) whose rectification is overdue (−3), and one
    // of its officials' GENERAL records (half of −5); a firm rated it B (85, a 20 % share).
    let mut serious = RecordFixture::new("浔中镇", "严重失信", Disclosure::Shared);
    serious.severity = Severity::Serious;
    serious.days_ago = 0;
    let serious = insert_record(&app, serious).await;
    let rectification = insert_rectification(&app, serious, RectificationStatus::Overdue, None).await;
    let mut late = entity::rectification::Entity::find_by_id(rectification)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    late.deadline = Set(app.clock.today());
    late.update(&app.state.db).await.unwrap();
    let mut official = RecordFixture::new("浔中镇", "公职人员失信", Disclosure::Restricted);
    official.official = Some(insert_official(&app, "浔中镇", "评价对象", 851).await);
    official.days_ago = 0;
    let official = insert_record(&app, official).await;
    let unit = app.unit_id("浔中镇").await;
    let rating = json!({ "i": { "periodId": period, "unitId": unit, "firm": "泉州诚信评价有限公司", "grade": "B", "reportReference": "QZCX-T-1" } });
    assert_eq!(app.graphql(Some(&office), RATE, rating).await["data"]["recordThirdPartyRating"]["grade"], "B");

    let computed = app.graphql(Some(&office), COMPUTE, json!({ "p": period })).await;
    let evaluated =
        computed["data"]["computeEvaluations"]["evaluated"].as_u64().unwrap_or_else(|| panic!("{computed}"));
    let units = entity::unit::Entity::find().all(&app.state.db).await.unwrap();
    let expected = units
        .iter()
        .filter(|u| matches!(u.kind, entity::enums::UnitKind::Department | entity::enums::UnitKind::Township))
        .count();
    assert_eq!(evaluated as usize, expected, "every department and township");

    let shown = evaluation_of(&app, Some(&office), &period, &unit).await;
    let evaluation = &shown["nodes"][0];
    // own = 100 − 15 − 2.5 − 3 = 79.5; final = 79.5 × 0.8 + 85 × 0.2 = 80.6 → B.
    assert_eq!((evaluation["score"].as_str(), evaluation["grade"].as_str()), (Some("80.6"), Some("B")), "{evaluation}");
    let breakdown = &evaluation["breakdown"];
    assert_eq!(
        (breakdown["base"].as_str(), breakdown["ownScore"].as_str(), breakdown["finalScore"].as_str()),
        (Some("100"), Some("79.5"), Some("80.6"))
    );
    assert_eq!(breakdown["thirdParty"], json!({ "grade": "B", "score": "85", "sharePercent": 20 }));
    assert_eq!(
        breakdown["lines"],
        json!([
            { "indicator": "DISHONESTY_SERIOUS", "count": 1, "points": "-15", "sources": [global_id(NodeType::CreditRecord, serious).0] },
            { "indicator": "OFFICIAL_DISHONESTY_GENERAL", "count": 1, "points": "-2.5", "sources": [global_id(NodeType::CreditRecord, official).0] },
            { "indicator": "OVERDUE_RECTIFICATION", "count": 1, "points": "-3", "sources": [global_id(NodeType::Rectification, rectification).0] },
        ])
    );
    // A unit with nothing against it scores 100.
    let clean = evaluation_of(&app, Some(&office), &period, &app.unit_id("龙浔镇").await).await;
    assert_eq!((clean["nodes"][0]["score"].as_str(), clean["nodes"][0]["grade"].as_str()), (Some("100"), Some("A")));

    // Recomputing gives the same scores, one evaluation per unit.
    let again = app.graphql(Some(&office), COMPUTE, json!({ "p": period })).await;
    assert!(again["errors"].is_null(), "{again}");
    assert_eq!(evaluation_of(&app, Some(&office), &period, &unit).await["nodes"][0]["score"], "80.6");
    assert_eq!(entity::evaluation::Entity::find().count(&app.state.db).await.unwrap() as usize, expected);
}

#[tokio::test]
async fn publishing_freezes_the_period_and_opens_it_to_the_portal_and_evaluation_firms() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let period = open_period(&app, &office).await;
    let early = app.graphql(Some(&office), PUBLISH, json!({ "p": period })).await;
    assert_eq!(
        (error_code(&early), early["errors"][0]["extensions"]["reason"].as_str()),
        ("INVALID_TRANSITION", Some("NOT_COMPUTED")),
        "{early}"
    );
    assert!(app.graphql(Some(&office), COMPUTE, json!({ "p": period })).await["errors"].is_null());
    // Before publishing: the public and an evaluation firm see none; 浔中镇's clerk its own.
    let unit = app.unit_id("浔中镇").await;
    let evaluator = app.api_token(Role::Evaluator, None).await;
    assert_eq!(evaluation_of(&app, None, &period, &unit).await["totalCount"], 0);
    assert_eq!(evaluation_of(&app, Some(&evaluator), &period, &unit).await["totalCount"], 0);
    let clerk = app.token_for("xunzhong").await;
    assert_eq!(evaluation_of(&app, Some(&clerk), &period, &unit).await["totalCount"], 1);
    assert_eq!(evaluation_of(&app, Some(&clerk), &period, &app.unit_id("龙浔镇").await).await["totalCount"], 0);

    let published = app.graphql(Some(&office), PUBLISH, json!({ "p": period })).await;
    assert_eq!(published["data"]["publishEvaluations"]["period"]["published"], true, "{published}");
    assert_eq!(evaluation_of(&app, None, &period, &unit).await["nodes"][0]["published"], true);
    assert_eq!(evaluation_of(&app, Some(&evaluator), &period, &unit).await["totalCount"], 1);
    // Frozen: no recomputation, no new rating, no second publication.
    for (query, vars) in [
        (COMPUTE, json!({ "p": period })),
        (PUBLISH, json!({ "p": period })),
        (
            RATE,
            json!({ "i": { "periodId": period, "unitId": unit, "firm": "某评价机构", "grade": "A", "reportReference": "R-1" } }),
        ),
    ] {
        let refused = app.graphql(Some(&office), query, vars).await;
        assert_eq!(error_code(&refused), "INVALID_TRANSITION", "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["reason"], "PERIOD_PUBLISHED");
    }
}

#[tokio::test]
async fn a_period_lies_within_one_year_and_its_name_is_unique() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let bad = json!({ "i": { "name": "跨年度", "startsOn": "2025-07-01", "endsOn": "2026-06-30" } });
    assert_eq!(
        bad_fields(&app.graphql(Some(&office), CREATE, bad).await),
        vec![("input.endsOn".to_owned(), "PERIOD_WITHIN_A_YEAR".to_owned())]
    );
    let period =
        json!({ "i": { "name": "2025年度政务诚信评价（测试）", "startsOn": "2025-01-01", "endsOn": "2025-12-31" } });
    let made = app.graphql(Some(&office), CREATE, period.clone()).await;
    assert_eq!(
        made["data"]["createEvaluationPeriod"]["period"]["weights"],
        json!({ "serious": "15", "thirdPartyPercent": 20 }),
        "{made}"
    );
    assert_eq!(
        bad_fields(&app.graphql(Some(&office), CREATE, period).await),
        vec![("input.name".to_owned(), "NAME_TAKEN".to_owned())]
    );
}
