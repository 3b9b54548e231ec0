//! Issue 10, item 9: the register. Units (ADMIN: USCC by GB 32100, the closure table right after a
//! move), officials (PERSONNEL: 身份证号 by GB 11643; a transfer keeps the records and shows the
//! move) and recording authorities (ADMIN), all audited.

use std::collections::{BTreeSet, HashMap};

use chengxin::seed::synthetic::{id_number_for, uscc_for};
use entity::{audit_log, unit, unit_closure};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, TestApp};

const CREATE_UNIT: &str =
    r#"mutation($i: CreateUnitInput!) { createUnit(input: $i) { unit { id version kind parent { shortName } } } }"#;
const UPDATE_UNIT: &str =
    r#"mutation($i: UpdateUnitInput!) { updateUnit(input: $i) { unit { id version parent { shortName } } } }"#;
const CREATE_OFFICIAL: &str = r#"mutation($i: CreateOfficialInput!) { createOfficial(input: $i) { official { id version idNumber unit { shortName } } } }"#;
const UPDATE_OFFICIAL: &str = r#"mutation($i: UpdateOfficialInput!) { updateOfficial(input: $i) { official { version position unit { shortName } transfers { fromUnit { shortName } toUnit { shortName } fromPosition effectiveOn } creditRecords { edges { node { title unit { shortName } } } } } } }"#;

fn field(body: &Value) -> (&str, &str) {
    (error_code(body), body["errors"][0]["extensions"]["field"].as_str().unwrap_or(""))
}

fn id_of(body: &Value, root: &str, node: &str) -> String {
    body["data"][root][node]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_owned()
}

/// The closure table must equal the one the parent pointers imply.
async fn assert_closure_exact(app: &TestApp) {
    let units = unit::Entity::find().all(&app.state.db).await.unwrap();
    let parents: HashMap<i32, Option<i32>> = units.iter().map(|u| (u.id, u.parent_id)).collect();
    let mut implied = BTreeSet::new();
    for unit in &units {
        let (mut current, mut depth) = (Some(unit.id), 0);
        while let Some(ancestor) = current {
            implied.insert((ancestor, unit.id, depth));
            current = parents[&ancestor];
            depth += 1;
        }
    }
    let stored: BTreeSet<(i32, i32, i32)> = unit_closure::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.ancestor_id, r.descendant_id, r.depth))
        .collect();
    assert_eq!(stored, implied, "the closure table follows the tree");
}

#[tokio::test]
async fn units_are_registered_with_valid_codes_and_moved_with_their_subtree() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let county = app.unit_id("县政府").await;
    let uscc = uscc_for("11", 9_001);
    let mut wrong = uscc.clone();
    wrong.replace_range(17.., if uscc.ends_with('0') { "1" } else { "0" });
    let input = |name: &str, code: &str, parent: &str, kind: &str| json!({ "i": { "name": name, "kind": kind, "parentId": parent, "uscc": code, "divisionCode": "350526" } });
    let bad = app.graphql(Some(&admin), CREATE_UNIT, input("德化县数据管理局", &wrong, &county, "DEPARTMENT")).await;
    assert_eq!(field(&bad), ("BAD_USER_INPUT", "input.uscc"), "{bad}");
    let village =
        app.graphql(Some(&admin), CREATE_UNIT, input("某村民委员会", &uscc, &county, "VILLAGE_COMMITTEE")).await;
    assert_eq!(field(&village), ("BAD_USER_INPUT", "input.parentId"), "{village}");
    let made = app.graphql(Some(&admin), CREATE_UNIT, input("德化县数据管理局", &uscc, &county, "DEPARTMENT")).await;
    assert_eq!(made["data"]["createUnit"]["unit"]["parent"]["shortName"], "县政府", "{made}");
    let bureau = id_of(&made, "createUnit", "unit");
    let twin = app.graphql(Some(&admin), CREATE_UNIT, input("另一个局", &uscc, &county, "DEPARTMENT")).await;
    assert_eq!(field(&twin), ("BAD_USER_INPUT", "input.uscc"), "one code, one unit");
    let centre = app
        .graphql(
            Some(&admin),
            CREATE_UNIT,
            input("德化县大数据中心", &uscc_for("12", 9_002), &bureau, "PUBLIC_INSTITUTION"),
        )
        .await;
    let centre = id_of(&centre, "createUnit", "unit");
    assert_closure_exact(&app).await;

    // Move the bureau (and its centre) under 浔中镇; not under itself; not at a stale version.
    let township = app.unit_id("浔中镇").await;
    let loop_move = app
        .graphql(Some(&admin), UPDATE_UNIT, json!({ "i": { "id": bureau, "version": 1, "parentId": centre } }))
        .await;
    assert_eq!(field(&loop_move), ("BAD_USER_INPUT", "input.parentId"), "{loop_move}");
    let moved = app
        .graphql(Some(&admin), UPDATE_UNIT, json!({ "i": { "id": bureau, "version": 1, "parentId": township } }))
        .await;
    assert_eq!(
        moved["data"]["updateUnit"]["unit"],
        json!({ "id": bureau, "version": 2, "parent": { "shortName": "浔中镇" } }),
        "{moved}"
    );
    let stale =
        app.graphql(Some(&admin), UPDATE_UNIT, json!({ "i": { "id": bureau, "version": 1, "name": "改名" } })).await;
    assert_eq!(error_code(&stale), "CONFLICT");
    assert_closure_exact(&app).await;
    let within = app
        .graphql(
            Some(&admin),
            r#"query($u: ID!) { units(filter: { withinId: $u }, first: 100) { edges { node { id } } } }"#,
            json!({ "u": township }),
        )
        .await;
    let inside: Vec<&str> =
        within["data"]["units"]["edges"].as_array().unwrap().iter().filter_map(|e| e["node"]["id"].as_str()).collect();
    assert!(inside.contains(&bureau.as_str()) && inside.contains(&centre.as_str()), "{within}");
    let audited =
        audit_log::Entity::find().filter(audit_log::Column::Entity.eq("unit")).count(&app.state.db).await.unwrap();
    assert_eq!(audited, 3, "two units created, one moved");
    assert_eq!(
        error_code(
            &app.graphql(Some(&app.token_for("office").await), CREATE_UNIT, input("x", &uscc, &county, "DEPARTMENT"))
                .await
        ),
        "FORBIDDEN"
    );
}

#[tokio::test]
async fn officials_are_entered_by_personnel_and_a_transfer_keeps_their_records() {
    let app = spawn_app().await;
    let (personnel, office) = (app.token_for("personnel").await, app.token_for("office").await);
    let number = id_number_for(4_242);
    let mut wrong = number.clone();
    wrong.replace_range(17.., if number.ends_with('1') { "2" } else { "1" });
    let township = app.unit_id("浔中镇").await;
    let input = |id_number: &str| {
        json!({ "i": { "unitId": township, "name": "黄调动", "idNumber": id_number, "phone": "13859012345",
            "category": "CIVIL_SERVANT", "position": "副镇长" } })
    };
    let bad = app.graphql(Some(&personnel), CREATE_OFFICIAL, input(&wrong)).await;
    assert_eq!(field(&bad), ("BAD_USER_INPUT", "input.idNumber"), "{bad}");
    let made = app.graphql(Some(&personnel), CREATE_OFFICIAL, input(&number)).await;
    let official = &made["data"]["createOfficial"]["official"];
    assert_eq!(
        (official["idNumber"].as_str(), official["version"].as_i64()),
        (Some(number.as_str()), Some(1)),
        "{made}"
    );
    let id = official["id"].as_str().unwrap().to_owned();
    let twin = app.graphql(Some(&personnel), CREATE_OFFICIAL, input(&number)).await;
    assert_eq!(field(&twin), ("BAD_USER_INPUT", "input.idNumber"));
    assert!(!twin.to_string().contains(&number), "the refusal does not echo the number");
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("official.create"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let after = logged.after.clone().unwrap_or_default();
    assert!(
        !after.contains(&number) && !after.contains("13859012345"),
        "identifiers stay out of the audit log: {after}"
    );

    // A record while at 浔中镇, then a transfer to 龙浔镇: the record stays, naming 浔中镇.
    let day = (chengxin::clock::Clock::today(app.clock.as_ref()) - chrono::Duration::days(5)).to_string();
    let record = app
        .graphql(
            Some(&office),
            r#"mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }"#,
            json!({ "i": { "unitId": app.unit_id("浔中镇").await, "officialId": id, "polarity": "DISHONESTY",
                "category": "ACCOUNTABILITY", "severity": "GENERAL", "title": "履职不力被问责", "facts": "事实",
                "decidingAuthority": "德化县纪委监委", "occurredOn": day, "decidedOn": day } }),
        )
        .await;
    assert!(record["errors"].is_null(), "{record}");
    let transfer =
        json!({ "i": { "id": id, "version": 1, "unitId": app.unit_id("龙浔镇").await, "position": "镇长" } });
    assert_eq!(error_code(&app.graphql(Some(&office), UPDATE_OFFICIAL, transfer.clone()).await), "FORBIDDEN");
    let moved = app.graphql(Some(&personnel), UPDATE_OFFICIAL, transfer).await;
    let today = chengxin::clock::Clock::today(app.clock.as_ref()).to_string();
    assert_eq!(
        moved["data"]["updateOfficial"]["official"],
        json!({ "version": 2, "position": "镇长", "unit": { "shortName": "龙浔镇" },
            "transfers": [{ "fromUnit": { "shortName": "浔中镇" }, "toUnit": { "shortName": "龙浔镇" }, "fromPosition": "副镇长", "effectiveOn": today }],
            "creditRecords": { "edges": [{ "node": { "title": "履职不力被问责", "unit": { "shortName": "浔中镇" } } }] } }),
        "{moved}"
    );
    // The transfer is a node, for whoever sees the official (the personnel office; not the public).
    let transfers = app
        .graphql(Some(&personnel), "query($id: ID!) { official(id: $id) { transfers { id } } }", json!({ "id": id }))
        .await;
    let transfer_id = transfers["data"]["official"]["transfers"][0]["id"].clone();
    let node = "query($id: ID!) { node(id: $id) { __typename } }";
    let found = app.graphql(Some(&personnel), node, json!({ "id": transfer_id })).await;
    assert_eq!(found["data"]["node"]["__typename"], "OfficialTransfer", "{found}");
    assert!(app.graphql(None, node, json!({ "id": transfer_id })).await["data"]["node"].is_null());
    let stale = app
        .graphql(Some(&personnel), UPDATE_OFFICIAL, json!({ "i": { "id": id, "version": 1, "name": "黄某" } }))
        .await;
    assert_eq!(error_code(&stale), "CONFLICT");
}

#[tokio::test]
async fn the_administrator_grants_and_revokes_recording_authorities() {
    let app = spawn_app().await;
    let (admin, court) = (app.token_for("admin").await, app.token_for("court").await);
    let court_unit = app.unit_id("县人民法院").await;
    let list = r#"query($u: ID) { recordingAuthorities(unitId: $u) { category unit { shortName } } }"#;
    let categories = |body: &Value| -> Vec<String> {
        body["data"]["recordingAuthorities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["category"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = categories(&app.graphql(Some(&court), list, json!({ "u": court_unit })).await);
    assert!(
        before.contains(&"DEFAULTED_JUDGMENT_DEBTOR".to_owned())
            && !before.contains(&"ADMINISTRATIVE_PENALTY".to_owned())
    );
    let grant = r#"mutation($i: RecordingAuthorityInput!) { grantRecordingAuthority(input: $i) { authority { category unit { shortName } } } }"#;
    let revoke =
        r#"mutation($i: RecordingAuthorityInput!) { revokeRecordingAuthority(input: $i) { authority { category } } }"#;
    let pair = json!({ "i": { "unitId": court_unit, "category": "ADMINISTRATIVE_PENALTY" } });
    assert_eq!(error_code(&app.graphql(Some(&court), grant, pair.clone()).await), "FORBIDDEN");
    let granted = app.graphql(Some(&admin), grant, pair.clone()).await;
    assert_eq!(
        granted["data"]["grantRecordingAuthority"]["authority"],
        json!({ "category": "ADMINISTRATIVE_PENALTY", "unit": { "shortName": "县人民法院" } }),
        "{granted}"
    );
    assert_eq!(field(&app.graphql(Some(&admin), grant, pair.clone()).await), ("BAD_USER_INPUT", "input.category"));
    assert_eq!(categories(&app.graphql(Some(&court), list, json!({ "u": court_unit })).await).len(), before.len() + 1);
    let revoked = app.graphql(Some(&admin), revoke, pair.clone()).await;
    assert_eq!(revoked["data"]["revokeRecordingAuthority"]["authority"]["category"], "ADMINISTRATIVE_PENALTY");
    assert_eq!(error_code(&app.graphql(Some(&admin), revoke, pair).await), "NOT_FOUND");
    assert_eq!(categories(&app.graphql(Some(&court), list, json!({ "u": court_unit })).await), before);
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("recording_authority"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audited, 2, "one grant, one revocation");
}
