//! Issue 10, item 8: the push payload is a documented format (docs/push-format.schema.json,
//! printed in the README), not the database row: subject, decision, disclosure, status, version.
//! Court removals, corrections and repairs push their new versions in it too.

use chengxin::graphql::ids::{global_id, NodeType};
use chrono::Duration;
use entity::{
    enums::{Disclosure, RecordStatus, Severity},
    official, platform_push,
};
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::{json, Value};

use crate::{
    helpers::{insert_official, insert_record, spawn_app, RecordFixture},
    workflow_fixtures::insert_objection,
};

const CREATE: &str = r#"mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }"#;
const REMOVE: &str = r#"mutation($i: RemoveListingInput!) { removeListing(input: $i) { record { status version } } }"#;
const CORRECT: &str =
    r#"mutation($i: DecideObjectionInput!) { decideObjection(input: $i) { record { severity version } } }"#;
const APPLY: &str = r#"mutation($i: ApplyForRepairInput!) { applyForRepair(input: $i) { repairApplication { id } } }"#;
const DECIDE: &str = r#"mutation($i: DecideRepairInput!) { decideRepair(input: $i) { record { status version } } }"#;

fn schema() -> Value {
    serde_json::from_str(include_str!("../../docs/push-format.schema.json")).expect("the schema is JSON")
}

/// The parts of JSON Schema the format uses: type, const, enum, required, properties,
/// additionalProperties: false, minimum. (Patterns are asserted by the test itself.)
fn conforms(value: &Value, schema: &Value, path: &str) -> Result<(), String> {
    let type_name = |v: &Value| match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if let Some(expected) = schema.get("type") {
        let allowed: Vec<&str> = match expected {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !allowed.contains(&type_name(value)) {
            return Err(format!("{path}: {} is not {allowed:?}", type_name(value)));
        }
    }
    if let Some(constant) = schema.get("const").filter(|c| *c != value) {
        return Err(format!("{path}: {value} is not {constant}"));
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array).filter(|o| !o.contains(value)) {
        return Err(format!("{path}: {value} is not one of {options:?}"));
    }
    if let (Some(minimum), Some(number)) = (schema.get("minimum").and_then(Value::as_i64), value.as_i64()) {
        if number < minimum {
            return Err(format!("{path}: {number} < {minimum}"));
        }
    }
    if let (Some(object), Some(properties)) = (value.as_object(), schema.get("properties").and_then(Value::as_object)) {
        for required in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let key = required.as_str().unwrap_or_default();
            if !object.contains_key(key) {
                return Err(format!("{path}: missing {key}"));
            }
        }
        for (key, field) in object {
            match properties.get(key) {
                Some(sub) => conforms(field, sub, &format!("{path}.{key}"))?,
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return Err(format!("{path}: unexpected {key}"))
                }
                None => {}
            }
        }
    }
    Ok(())
}

#[test]
fn the_readme_prints_the_schema_it_documents() {
    let readme = include_str!("../../README.md");
    assert!(readme.contains(include_str!("../../docs/push-format.schema.json").trim()), "README and schema differ");
}

#[tokio::test]
async fn every_push_follows_the_documented_format_through_removal_correction_and_repair() {
    let app = spawn_app().await;
    let (court, office, clerk) =
        (app.token_for("court").await, app.token_for("office").await, app.token_for("xunzhong").await);
    let today = chengxin::clock::Clock::today(app.clock.as_ref());
    let day = (today - Duration::days(3)).to_string();

    // A listing, made and removed by the court.
    let listing = app
        .graphql(
            Some(&court),
            CREATE,
            json!({ "i": { "unitId": app.unit_id("浔中镇").await, "polarity": "DISHONESTY",
            "category": "DEFAULTED_JUDGMENT_DEBTOR", "severity": "SERIOUS", "title": "失信被执行人",
            "facts": "拒不履行生效判决", "documentNumber": "（2026）闽0526执7号", "decidingAuthority": "德化县人民法院",
            "occurredOn": day, "decidedOn": day } }),
        )
        .await;
    let listing = listing["data"]["createCreditRecord"]["record"]["id"].as_str().expect("listed").to_owned();
    let removed = app
        .graphql(
            Some(&court),
            REMOVE,
            json!({ "i": { "recordId": listing, "recordVersion": 1,
            "grounds": "OBLIGATION_PERFORMED", "groundsOn": today.to_string() } }),
        )
        .await;
    assert_eq!(removed["data"]["removeListing"]["record"], json!({ "status": "REMOVED", "version": 2 }), "{removed}");

    // An official's sanction: the 身份证号 goes masked.
    let official_row = insert_official(&app, "浔中镇", "郑处分", 77).await;
    let official_id = global_id(NodeType::Official, official_row).0;
    let sanction = app
        .graphql(
            Some(&office),
            CREATE,
            json!({ "i": { "unitId": app.unit_id("浔中镇").await, "officialId": official_id,
            "polarity": "DISHONESTY", "category": "DISCIPLINARY_SANCTION", "sanction": "DEMERIT", "severity": "GENERAL",
            "title": "政务处分", "facts": "违反工作纪律", "decidingAuthority": "德化县监察委员会",
            "occurredOn": day, "decidedOn": day } }),
        )
        .await;
    assert!(sanction["errors"].is_null(), "{sanction}");

    // A correction (an upheld objection) and a repair.
    let corrected = insert_record(&app, RecordFixture::new("浔中镇", "待更正", Disclosure::Shared)).await;
    let objection = global_id(NodeType::Objection, insert_objection(&app, corrected).await).0;
    let correction = app
        .graphql(
            Some(&office),
            CORRECT,
            json!({ "i": { "id": objection, "version": 1, "status": "UPHELD",
            "decision": "情节较轻，予以更正", "remedy": "CORRECT", "correction": { "severity": "MINOR" } } }),
        )
        .await;
    assert_eq!(correction["data"]["decideObjection"]["record"], json!({ "severity": "MINOR", "version": 2 }));
    let mut rectified = RecordFixture::new("浔中镇", "已整改", Disclosure::Shared);
    (rectified.status, rectified.severity) = (RecordStatus::Rectified, Severity::Minor);
    let repaired = global_id(NodeType::CreditRecord, insert_record(&app, rectified).await).0;
    let applied = app
        .graphql(Some(&clerk), APPLY, json!({ "i": { "recordId": repaired, "measures": "已履行义务并消除影响" } }))
        .await;
    let application =
        applied["data"]["applyForRepair"]["repairApplication"]["id"].as_str().expect("applied").to_owned();
    let decided = app
        .graphql(
            Some(&office),
            DECIDE,
            json!({ "i": { "id": application, "version": 1, "verdict": "APPROVE", "decision": "同意修复" } }),
        )
        .await;
    assert_eq!(decided["data"]["decideRepair"]["record"], json!({ "status": "REPAIRED", "version": 2 }), "{decided}");

    let pushes =
        platform_push::Entity::find().order_by_asc(platform_push::Column::Id).all(&app.state.db).await.unwrap();
    let payloads: Vec<Value> = pushes.iter().map(|p| serde_json::from_str(&p.payload).unwrap()).collect();
    let schema = schema();
    for payload in &payloads {
        conforms(payload, &schema, "$").unwrap_or_else(|e| panic!("{e}: {payload:#}"));
    }
    let find = |record: &str, version: i64| {
        payloads
            .iter()
            .find(|p| p["recordId"] == record && p["version"] == version)
            .cloned()
            .unwrap_or_else(|| panic!("no push of {record} v{version}"))
    };
    let listed = find(&listing, 1);
    assert_eq!(
        (listed["subject"]["type"].as_str(), listed["subject"]["name"].as_str()),
        (Some("UNIT"), Some("德化县浔中镇人民政府"))
    );
    assert_eq!(listed["subject"]["divisionCode"].as_str().map(str::len), Some(9), "{listed}");
    assert_eq!(listed["subject"]["uscc"].as_str().map(str::len), Some(18));
    assert_eq!(
        listed["decision"],
        json!({ "documentNumber": "（2026）闽0526执7号", "decidingAuthority": "德化县人民法院", "occurredOn": day, "decidedOn": day })
    );
    assert_eq!((listed["disclosure"]["level"].as_str(), listed["status"].as_str()), (Some("PUBLIC"), Some("ACTIVE")));
    assert_eq!(listed["idempotencyKey"], format!("{}:1", pushes[0].record_id));
    assert_eq!(find(&listing, 2)["status"], "REMOVED");

    let sanctioned = payloads.iter().find(|p| p["subject"]["type"] == "OFFICIAL").expect("the sanction was pushed");
    let number = official::Entity::find_by_id(official_row).one(&app.state.db).await.unwrap().unwrap().id_number;
    let masked = sanctioned["subject"]["idNumberMasked"].as_str().unwrap();
    assert_eq!(
        (masked.len(), &masked[..6], &masked[6..14], &masked[14..]),
        (18, &number[..6], "********", &number[14..])
    );
    assert!(!pushes.iter().any(|p| p.payload.contains(&number)), "no unmasked 身份证号 leaves");
    assert_eq!(
        (sanctioned["sanction"].as_str(), sanctioned["subject"]["name"].as_str()),
        (Some("DEMERIT"), Some("郑处分"))
    );

    let corrected = global_id(NodeType::CreditRecord, corrected).0;
    assert_eq!(find(&corrected, 2)["severity"], "MINOR", "a correction pushes its new version");
    assert_eq!(find(&repaired, 2)["status"], "REPAIRED", "a repair pushes its new version");
}
