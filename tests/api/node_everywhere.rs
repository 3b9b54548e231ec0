//! Issue 11 items 8 and 10: every object type with an id resolves through `node(id)` for whoever
//! may read it (and for no one else), and `me` tells the interface who is asking and what it may do.

use serde_json::{json, Value};

use crate::helpers::spawn_demo_app;

const NODE: &str = "query($id: ID!) { node(id: $id) { __typename id } }";

async fn node(app: &crate::helpers::TestApp, token: Option<&str>, id: &Value) -> Value {
    let body = app.graphql(token, NODE, json!({ "id": id })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["node"].clone()
}

/// The first id at `path` in the answer to `query`.
async fn first_id(app: &crate::helpers::TestApp, token: Option<&str>, query: &str, path: &[&str]) -> Value {
    let body = app.graphql(token, query, json!({})).await;
    let mut value = &body["data"];
    for key in path {
        value = if let Ok(index) = key.parse::<usize>() { &value[index] } else { &value[*key] };
    }
    assert!(value.is_string(), "{path:?} in {body}");
    value.clone()
}

#[tokio::test]
async fn every_type_with_an_id_resolves_through_node_for_its_readers_only() {
    let app = spawn_demo_app().await;
    let admin = app.token_for("admin").await;
    let clerk = app.token_for("xunzhong").await;
    let office = app.token_for("office").await;
    let edges = |field: &str, extra: &str| format!("{{ {field}(first: 1{extra}) {{ edges {{ node {{ id }} }} }} }}");
    let node_path = |field: &'static str| [field, "edges", "0", "node", "id"];
    // One audited act, queued for the platform, so the audit log and the deliveries have a row.
    let day = app.state.clock.today().to_string();
    let input = json!({ "unitId": app.unit_id("浔中镇").await, "polarity": "DISHONESTY", "category": "CONTRACT_BREACH",
        "severity": "GENERAL", "title": "逾期未付", "facts": "逾期未支付货款", "decidingAuthority": "德化县财政局",
        "occurredOn": day, "decidedOn": day });
    let created = app
        .graphql(
            Some(&office),
            "mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }",
            json!({ "i": input }),
        )
        .await;
    assert!(created["errors"].is_null(), "{created}");
    // Admin-only types: the administrator reads them, a clerk and the public get null.
    for (field, typename) in
        [("users", "User"), ("apiTokens", "ApiToken"), ("auditLog", "AuditEntry"), ("platformPushes", "PlatformPush")]
    {
        let id = first_id(&app, Some(&admin), &edges(field, ""), &node_path(field)).await;
        assert_eq!(node(&app, Some(&admin), &id).await["__typename"], typename, "{field}");
        assert_eq!(node(&app, Some(&admin), &id).await["id"], id, "{field}");
        assert!(node(&app, Some(&clerk), &id).await.is_null(), "{field} for a clerk");
        assert!(node(&app, None, &id).await.is_null(), "{field} for the public");
    }
    // A delivery links to its record.
    let push = first_id(&app, Some(&admin), &edges("platformPushes", ""), &node_path("platformPushes")).await;
    let linked = app
        .graphql(
            Some(&admin),
            "query($id: ID!) { node(id: $id) { ... on PlatformPush { recordId record { id } } } }",
            json!({ "id": push }),
        )
        .await;
    assert_eq!(linked["data"]["node"]["record"]["id"], linked["data"]["node"]["recordId"], "{linked}");
    // A published record, for everyone.
    let public = first_id(&app, None, &edges("publicRecords", ""), &node_path("publicRecords")).await;
    assert_eq!(node(&app, None, &public).await["__typename"], "PublicRecord");
    // Accountability proposals: the credit office follows them; a clerk does not.
    let accountability =
        first_id(&app, Some(&office), &edges("accountabilityProposals", ""), &node_path("accountabilityProposals"))
            .await;
    assert_eq!(node(&app, Some(&office), &accountability).await["__typename"], "AccountabilityProposal");
    assert!(node(&app, Some(&clerk), &accountability).await.is_null());
    // A proposal's round, through the proposal's own rule.
    let round = first_id(
        &app,
        Some(&office),
        "{ proposals(first: 1) { edges { node { rounds { id } } } } }",
        &["proposals", "edges", "0", "node", "rounds", "0", "id"],
    )
    .await;
    assert_eq!(node(&app, Some(&office), &round).await["__typename"], "ProposalRound");
    assert!(node(&app, None, &round).await.is_null());
    // A listing event of a 失信被执行人 record.
    let event = first_id(
        &app,
        Some(&office),
        "{ creditRecords(first: 1, filter: { category: DEFAULTED_JUDGMENT_DEBTOR, status: REMOVED }) { edges { node { listingEvents { id } } } } }",
        &["creditRecords", "edges", "0", "node", "listingEvents", "0", "id"],
    )
    .await;
    assert_eq!(node(&app, Some(&office), &event).await["__typename"], "ListingEvent");
    assert!(node(&app, None, &event).await.is_null());
}

#[tokio::test]
async fn me_names_the_caller_and_lists_its_permissions_and_its_id_is_a_node_for_it_alone() {
    let app = spawn_demo_app().await;
    let query = "{ me { id displayName role permissions unit { name } } }";
    let clerk = app.token_for("xunzhong").await;
    let me = app.graphql(Some(&clerk), query, json!({})).await["data"]["me"].clone();
    assert_eq!(me["displayName"], "浔中镇信用联络员", "{me}");
    assert_eq!(me["role"], "UNIT_CLERK");
    assert_eq!(me["unit"]["name"].as_str().map(|n| n.contains("浔中镇")), Some(true), "{me}");
    let permissions: Vec<&str> = me["permissions"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(permissions.contains(&"SUBMIT_RECTIFICATIONS"), "{permissions:?}");
    assert!(!permissions.contains(&"DECIDE_OBJECTIONS"), "{permissions:?}");
    assert!(!permissions.contains(&"READ_AUDIT_LOG"), "{permissions:?}");
    assert_eq!(node(&app, Some(&clerk), &me["id"]).await["__typename"], "Viewer");
    let office = app.token_for("office").await;
    assert!(node(&app, Some(&office), &me["id"]).await.is_null(), "another caller's id is no node for it");
    let public = app.graphql(None, query, json!({})).await["data"]["me"].clone();
    assert!(public["displayName"].is_null(), "{public}");
    let expected = [
        "ME",
        "NODE",
        "LIST_UNITS",
        "LIST_PUBLIC_RECORDS",
        "LOGIN",
        "LIST_COMMITMENTS",
        "SUBMIT_COMPLAINT",
        "FOLLOW_COMPLAINT",
        "LIST_EVALUATIONS",
    ];
    assert_eq!(public["permissions"], json!(expected), "{public}");
    let evaluator = app.evaluator_token();
    let firm = app.graphql(Some(&evaluator), query, json!({})).await["data"]["me"].clone();
    assert!(firm["displayName"].as_str().is_some_and(|name| !name.is_empty()), "{firm}");
}
