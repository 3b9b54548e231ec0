//! Issue 11 item 9: the work queues (`rectifications`, `objections`, `repairApplications`) with
//! their filters and order, `orderBy` on commitments, complaints and proposals, `assignedUnitId`
//! with `includeSubunits`, and the portal's date range and sort.

use std::collections::BTreeSet;

use entity::{enums::RectificationStatus, rectification};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::helpers::{spawn_demo_app, TestApp};

async fn data(app: &TestApp, token: Option<&str>, query: &str, variables: Value) -> Value {
    let body = app.graphql(token, query, variables).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"].clone()
}

fn strings<'a>(connection: &'a Value, path: &[&str]) -> Vec<&'a str> {
    connection["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|edge| path.iter().fold(&edge["node"], |value, key| &value[*key]).as_str().unwrap_or(""))
        .collect()
}

fn sorted(values: &[&str], ascending: bool) -> bool {
    values.windows(2).all(|w| if ascending { w[0] <= w[1] } else { w[0] >= w[1] })
}

#[tokio::test]
async fn the_rectification_queue_filters_by_status_overdue_deadline_and_subtree_and_sorts() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let clerk = app.token_for("xunzhong").await;
    let db = &app.state.db;
    let query = r#"query($f: RectificationFilter, $o: QueueOrder) { rectifications(filter: $f, orderBy: $o, first: 100) {
        totalCount edges { node { status deadline record { unit { id } } } } } }"#;
    let open = data(&app, Some(&office), query, json!({ "f": { "status": ["PENDING", "REJECTED"] } })).await;
    let expected = rectification::Entity::find()
        .filter(rectification::Column::Status.is_in([RectificationStatus::Pending, RectificationStatus::Rejected]))
        .count(db)
        .await
        .unwrap();
    assert_eq!(open["rectifications"]["totalCount"], expected, "every open rectification, in one request");
    assert!(expected > 0);
    let deadlines = strings(&open["rectifications"], &["deadline"]);
    assert!(sorted(&deadlines, true), "nearest deadline first: {deadlines:?}");
    let overdue = data(&app, Some(&office), query, json!({ "f": { "overdue": true } })).await;
    let overdue_rows = rectification::Entity::find()
        .filter(rectification::Column::Status.eq(RectificationStatus::Overdue))
        .count(db)
        .await
        .unwrap();
    assert_eq!(overdue["rectifications"]["totalCount"], overdue_rows);
    assert!(strings(&overdue["rectifications"], &["status"]).iter().all(|s| *s == "OVERDUE"));
    // A deadline range, newest deadline first.
    let (from, to) = (deadlines[0], deadlines[deadlines.len() / 2]);
    let ranged = data(
        &app,
        Some(&office),
        query,
        json!({ "f": { "deadlineFrom": from, "deadlineTo": to }, "o": { "field": "DEADLINE", "direction": "DESC" } }),
    )
    .await;
    let in_range = strings(&ranged["rectifications"], &["deadline"]);
    assert!(!in_range.is_empty() && in_range.iter().all(|d| (from..=to).contains(d)), "{in_range:?}");
    assert!(sorted(&in_range, false));
    // 浔中镇 and its villages: the office's filter and the clerk's own view agree.
    let township = app.unit_id("浔中镇").await;
    let subtree =
        data(&app, Some(&office), query, json!({ "f": { "unitId": township, "includeSubunits": true } })).await;
    let own = data(&app, Some(&office), query, json!({ "f": { "unitId": township } })).await;
    // The clerk's own subtree as the clerk sees it: the same rows (it may also read shared
    // records' rectifications elsewhere, as it reads those records).
    let mine = data(&app, Some(&clerk), query, json!({ "f": { "unitId": township, "includeSubunits": true } })).await;
    assert_eq!(subtree["rectifications"]["totalCount"], mine["rectifications"]["totalCount"]);
    assert!(own["rectifications"]["totalCount"].as_u64() <= subtree["rectifications"]["totalCount"].as_u64());
    assert!(strings(&own["rectifications"], &["record", "unit", "id"]).iter().all(|u| *u == township));
    // The public has no queue.
    let public = app.graphql(None, query, json!({})).await;
    assert_eq!(crate::helpers::error_code(&public), "UNAUTHENTICATED", "{public}");
}

#[tokio::test]
async fn objection_and_repair_queues_and_ordered_lists() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let objections = data(
        &app,
        Some(&office),
        r#"{ all: objections(first: 100) { totalCount }
             late: objections(first: 100, filter: { overdue: true }) { totalCount edges { node { overdue handlingDeadline } } }
             open: objections(first: 100, filter: { status: [FILED, UNDER_REVIEW] }, orderBy: { field: CREATED_AT, direction: DESC }) {
               edges { node { status createdAt } } } }"#,
        json!({}),
    )
    .await;
    assert!(objections["all"]["totalCount"].as_u64() > Some(0), "{objections}");
    assert!(
        strings(&objections["late"], &["overdue"]).is_empty()
            || objections["late"]["edges"].as_array().unwrap().iter().all(|e| e["node"]["overdue"] == true)
    );
    let statuses: BTreeSet<&str> = strings(&objections["open"], &["status"]).into_iter().collect();
    assert!(statuses.is_subset(&BTreeSet::from(["FILED", "UNDER_REVIEW"])), "{statuses:?}");
    assert!(sorted(&strings(&objections["open"], &["createdAt"]), false));
    let repairs = data(
        &app,
        Some(&office),
        r#"{ applied: repairApplications(first: 100, filter: { status: [SUBMITTED] }) { totalCount edges { node { status createdAt } } } }"#,
        json!({}),
    )
    .await;
    assert!(strings(&repairs["applied"], &["status"]).iter().all(|s| *s == "SUBMITTED"), "{repairs}");
    assert!(sorted(&strings(&repairs["applied"], &["createdAt"]), true), "oldest first");
    // orderBy on commitments, complaints and proposals.
    let lists = data(
        &app,
        Some(&office),
        r#"{ commitments(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { createdAt } } }
             complaints(first: 50, orderBy: { field: RECEIVED_AT, direction: ASC }) { edges { node { receivedAt } } }
             proposals(first: 50, orderBy: { field: ASSIGNED_ON, direction: DESC }) { edges { node { assignedOn } } } }"#,
        json!({}),
    )
    .await;
    assert!(sorted(&strings(&lists["commitments"], &["createdAt"]), false));
    assert!(sorted(&strings(&lists["complaints"], &["receivedAt"]), true));
    assert!(sorted(&strings(&lists["proposals"], &["assignedOn"]), false));
}

#[tokio::test]
async fn assigned_unit_honours_include_subunits_and_the_portal_filters_dates_and_sorts() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let township = app.unit_id("浔中镇").await;
    let counts = data(
        &app,
        Some(&office),
        r#"query($u: ID!) { own: complaints(filter: { assignedUnitId: $u }) { totalCount }
             subtree: complaints(filter: { assignedUnitId: $u, includeSubunits: true }) { totalCount } }"#,
        json!({ "u": township }),
    )
    .await;
    assert!(counts["subtree"]["totalCount"].as_u64() > counts["own"]["totalCount"].as_u64(), "{counts}");
    let portal = data(&app, None, "{ publicRecords(first: 100) { edges { node { decidedOn } } } }", json!({})).await;
    let days = strings(&portal["publicRecords"], &["decidedOn"]);
    let (from, to) = (days[days.len() - 1], days[days.len() / 2]);
    let ranged = data(
        &app,
        None,
        r#"query($f: Date, $t: Date) { publicRecords(first: 100, filter: { decidedFrom: $f, decidedTo: $t },
             orderBy: { field: DISCLOSURE_UNTIL, direction: ASC }) { edges { node { decidedOn disclosureUntil } } } }"#,
        json!({ "f": from, "t": to }),
    )
    .await;
    let decided = strings(&ranged["publicRecords"], &["decidedOn"]);
    assert!(!decided.is_empty() && decided.iter().all(|d| (from..=to).contains(d)), "{decided:?}");
    let until: Vec<&str> =
        strings(&ranged["publicRecords"], &["disclosureUntil"]).into_iter().filter(|d| !d.is_empty()).collect();
    assert!(sorted(&until, true), "{until:?}");
}

#[tokio::test]
async fn nested_connections_take_the_filters_and_orders_of_their_lists() {
    let app = spawn_demo_app().await;
    let office = app.token_for("office").await;
    let township = app.unit_id("浔中镇").await;
    let answer = data(
        &app,
        Some(&office),
        r#"query($u: ID!) { unit(id: $u) {
             all: creditRecords { totalCount }
             serious: creditRecords(filter: { severity: SERIOUS }, first: 100) { totalCount edges { node { severity } } }
             subtree: creditRecords(filter: { includeSubunits: true }) { totalCount }
             oldest: creditRecords(orderBy: { field: DECIDED_ON, direction: ASC }, first: 20) { edges { node { decidedOn } } }
             commitments(orderBy: { field: CREATED_AT, direction: DESC }, first: 50) { edges { node { createdAt } } }
             complaints(filter: { includeSubunits: true }) { totalCount }
             proposals(filter: { includeSubunits: true }, orderBy: { field: ASSIGNED_ON, direction: ASC }) { edges { node { assignedOn } } } }
           top: creditRecords(filter: { unitId: $u, includeSubunits: true }) { totalCount }
           complaintsTop: complaints(filter: { unitId: $u, includeSubunits: true }) { totalCount } }"#,
        json!({ "u": township }),
    )
    .await;
    let unit = &answer["unit"];
    let count = |v: &Value| v["totalCount"].as_u64().unwrap();
    assert!(count(&unit["serious"]) < count(&unit["all"]) && count(&unit["all"]) < count(&unit["subtree"]), "{unit}");
    assert!(strings(&unit["serious"], &["severity"]).iter().all(|s| *s == "SERIOUS"));
    assert_eq!(unit["subtree"]["totalCount"], answer["top"]["totalCount"], "the same rows as the top-level list");
    assert_eq!(unit["complaints"]["totalCount"], answer["complaintsTop"]["totalCount"]);
    assert!(sorted(&strings(&unit["oldest"], &["decidedOn"]), true));
    assert!(sorted(&strings(&unit["commitments"], &["createdAt"]), false));
    assert!(sorted(&strings(&unit["proposals"], &["assignedOn"]), true));
    // An official's records, filtered the same way.
    let official = data(
        &app,
        Some(&office),
        r#"{ creditRecords(first: 1, filter: { subjectType: OFFICIAL, status: ACTIVE }) { edges { node { official {
             all: creditRecords { totalCount } active: creditRecords(filter: { status: ACTIVE }) { totalCount edges { node { status } } } } } } } }"#,
        json!({}),
    )
    .await;
    let node = &official["creditRecords"]["edges"][0]["node"]["official"];
    assert!(count(&node["active"]) >= 1 && count(&node["active"]) <= count(&node["all"]), "{node}");
    assert!(strings(&node["active"], &["status"]).iter().all(|s| *s == "ACTIVE"));
}
