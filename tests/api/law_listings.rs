//! Issue 10, item 2: 失信被执行人 listings (法释〔2017〕7号): SERIOUS and PUBLIC, a two-year term
//! the court may extend by 1–3 years with a reason, and removal by the court at any time on its
//! grounds — off the portal at once, ended (REMOVED, not repaired), pushed, and flagged late after
//! 3 working days.

use chengxin::clock::Clock;
use chrono::{Duration, Months};
use entity::platform_push;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const CREATE: &str = r#"mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id version severity disclosure disclosureUntil } } }"#;
const EXTEND: &str = r#"mutation($i: ExtendListingInput!) { extendListing(input: $i) { record { version disclosureUntil } event { kind years reason } } }"#;
const REMOVE: &str = r#"mutation($i: RemoveListingInput!) { removeListing(input: $i) { record { status version } event { kind grounds groundsOn effectiveOn late } } }"#;
const PORTAL: &str = r#"{ publicRecords(first: 100) { edges { node { creditRecordId } } } }"#;

async fn listing_input(app: &TestApp, severity: &str, disclosure: Option<&str>) -> Value {
    let day = (app.clock.today() - Duration::days(3)).to_string();
    let mut input = json!({ "unitId": app.unit_id("浔中镇").await, "polarity": "DISHONESTY",
        "category": "DEFAULTED_JUDGMENT_DEBTOR", "severity": severity, "title": "失信被执行人",
        "facts": "有履行能力而拒不履行生效法律文书确定的义务", "documentNumber": "（2026）闽0526执99号",
        "decidingAuthority": "德化县人民法院", "occurredOn": day, "decidedOn": day });
    if let Some(disclosure) = disclosure {
        input["disclosure"] = json!(disclosure);
    }
    input
}

async fn on_portal(app: &TestApp, id: &str) -> bool {
    let body = app.graphql(None, PORTAL, json!({})).await;
    body["data"]["publicRecords"]["edges"].as_array().unwrap().iter().any(|e| e["node"]["creditRecordId"] == id)
}

async fn pushed_versions(app: &TestApp, id: &str) -> Vec<i32> {
    let (_, row) = chengxin::ids::parse_global_id(id).unwrap();
    let mut versions: Vec<i32> = platform_push::Entity::find()
        .filter(platform_push::Column::RecordId.eq(row))
        .all(&app.state.db)
        .await
        .unwrap()
        .iter()
        .map(|p| p.record_version)
        .collect();
    versions.sort();
    versions
}

#[tokio::test]
async fn a_listing_is_serious_public_for_two_years_extendable_and_removed_by_the_court_at_any_time() {
    let app = spawn_app().await;
    let (court, office) = (app.token_for("court").await, app.token_for("office").await);

    // SERIOUS and PUBLIC: anything else is refused, PUBLIC is the default.
    let minor = app.graphql(Some(&court), CREATE, json!({ "i": listing_input(&app, "GENERAL", None).await })).await;
    assert_eq!(
        (error_code(&minor), minor["errors"][0]["extensions"]["field"].as_str()),
        ("BAD_USER_INPUT", Some("input.severity"))
    );
    let shared =
        app.graphql(Some(&court), CREATE, json!({ "i": listing_input(&app, "SERIOUS", Some("SHARED")).await })).await;
    assert_eq!(shared["errors"][0]["extensions"]["field"], "input.disclosure", "{shared}");
    let made = app.graphql(Some(&court), CREATE, json!({ "i": listing_input(&app, "SERIOUS", None).await })).await;
    let record = &made["data"]["createCreditRecord"]["record"];
    let decided = app.clock.today() - Duration::days(3);
    let term_end = |years: u32| decided.checked_add_months(Months::new(12 * years)).unwrap().to_string();
    assert_eq!(record["disclosure"], "PUBLIC", "{made}");
    assert_eq!(record["disclosureUntil"], term_end(2).as_str(), "a two-year term");
    let id = record["id"].as_str().unwrap().to_owned();
    assert!(on_portal(&app, &id).await);

    // The court extends the term by 1–3 years in all, with a reason; each extension is pushed.
    let extend = |version: i64, years: i64, reason: &str| json!({ "i": { "recordId": id, "recordVersion": version, "years": years, "reason": reason } });
    assert_eq!(error_code(&app.graphql(Some(&office), EXTEND, extend(1, 2, "理由")).await), "FORBIDDEN");
    let blank = app.graphql(Some(&court), EXTEND, extend(1, 2, " ")).await;
    assert_eq!(blank["errors"][0]["extensions"]["field"], "input.reason", "{blank}");
    let extended = app.graphql(Some(&court), EXTEND, extend(1, 2, "隐匿财产，情节严重")).await;
    let e = &extended["data"]["extendListing"];
    assert_eq!(e["record"], json!({ "version": 2, "disclosureUntil": term_end(4) }), "{extended}");
    assert_eq!(e["event"], json!({ "kind": "EXTENSION", "years": 2, "reason": "隐匿财产，情节严重" }));
    let too_long = app.graphql(Some(&court), EXTEND, extend(2, 2, "再延长")).await;
    assert_eq!(too_long["errors"][0]["extensions"]["field"], "input.years", "at most 3 years in all: {too_long}");

    // A rectification is open; the court removes the listing anyway, ten days after the debt was
    // paid: late, REMOVED, off the portal at once, pushed, and the rectification closed with it.
    let deadline = (app.clock.today() + Duration::days(30)).to_string();
    let open = app
        .graphql(
            Some(&office),
            r#"mutation($i: OpenRectificationInput!) { openRectification(input: $i) { rectification { id } record { version } } }"#,
            json!({ "i": { "recordId": id, "recordVersion": 2, "deadline": deadline } }),
        )
        .await;
    let rectification = open["data"]["openRectification"]["rectification"]["id"].as_str().expect("opened").to_owned();
    let grounds_on = (app.clock.today() - Duration::days(10)).to_string();
    let remove = |version: i64| json!({ "i": { "recordId": id, "recordVersion": version, "grounds": "OBLIGATION_PERFORMED", "groundsOn": grounds_on } });
    assert_eq!(error_code(&app.graphql(Some(&office), REMOVE, remove(3)).await), "FORBIDDEN", "only the court removes");
    let removed = app.graphql(Some(&court), REMOVE, remove(3)).await;
    let r = &removed["data"]["removeListing"];
    assert_eq!(r["record"], json!({ "status": "REMOVED", "version": 4 }), "{removed}");
    assert_eq!(
        r["event"],
        json!({ "kind": "REMOVAL", "grounds": "OBLIGATION_PERFORMED", "groundsOn": grounds_on,
            "effectiveOn": app.clock.today().to_string(), "late": true })
    );
    assert!(!on_portal(&app, &id).await, "off the portal at once");
    assert_eq!(pushed_versions(&app, &id).await, vec![1, 2, 3, 4], "every version pushed, the removal too");
    let closed = app
        .graphql(
            Some(&office),
            "query($id: ID!) { node(id: $id) { ... on Rectification { status courtRemovedOn } } }",
            json!({ "id": rectification }),
        )
        .await;
    assert_eq!(closed["data"]["node"]["status"], "ACCEPTED", "{closed}");
    let again = app.graphql(Some(&court), REMOVE, remove(4)).await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION", "{again}");
    let history = app
        .graphql(
            Some(&office),
            "query($id: ID!) { creditRecord(id: $id) { status listingEvents { kind late } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        history["data"]["creditRecord"],
        json!({ "status": "REMOVED", "listingEvents": [{ "kind": "EXTENSION", "late": false }, { "kind": "REMOVAL", "late": true }] })
    );
}

#[tokio::test]
async fn a_removal_on_the_day_its_grounds_arise_is_on_time() {
    let app = spawn_app().await;
    let court = app.token_for("court").await;
    let made = app.graphql(Some(&court), CREATE, json!({ "i": listing_input(&app, "SERIOUS", None).await })).await;
    let id = made["data"]["createCreditRecord"]["record"]["id"].as_str().unwrap().to_owned();
    let today = app.clock.today().to_string();
    let future = (app.clock.today() + Duration::days(1)).to_string();
    let early = app
        .graphql(
            Some(&court),
            REMOVE,
            json!({ "i": { "recordId": id, "recordVersion": 1, "grounds": "CREDITOR_REQUEST", "groundsOn": future } }),
        )
        .await;
    assert_eq!(early["errors"][0]["extensions"]["field"], "input.groundsOn", "{early}");
    let removed = app
        .graphql(
            Some(&court),
            REMOVE,
            json!({ "i": { "recordId": id, "recordVersion": 1, "grounds": "CREDITOR_REQUEST", "groundsOn": today } }),
        )
        .await;
    assert_eq!(removed["data"]["removeListing"]["event"]["late"], false, "{removed}");
    assert_eq!(removed["data"]["removeListing"]["record"]["status"], "REMOVED");
}
