//! Subscriptions over graphql-transport-ws on `/graphql`, with a real WebSocket client: each
//! subscriber receives exactly the events its role may see, a revoked token ends the subscription
//! within a second or two, and a connection without a token is refused.

use std::{collections::BTreeSet, time::Duration};

use chengxin::{auth::Role, service};
use entity::enums::{Disclosure, RecordStatus, RectificationStatus, Severity};
use futures::{SinkExt, StreamExt};
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::{json, Value};
use tokio_tungstenite::{
    connect_async,
    tungstenite::{client::IntoClientRequest, http::HeaderValue, Message},
    MaybeTlsStream, WebSocketStream,
};

use crate::{
    helpers::{insert_record, spawn_app, RecordFixture, TestApp},
    service_harness::{actor, penalty, trace, viewer_for},
    workflow_fixtures::insert_rectification,
};

type Socket = WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>;

const RECORDS: &str = "subscription { recordEvents { kind title recordId disclosure } }";
const DEADLINES: &str = "subscription { deadlineEvents { kind subjectId unitId } }";

/// Opens a graphql-transport-ws connection with `init` as the `connection_init` payload.
async fn connect(app: &TestApp, init: Value) -> (Socket, Option<Value>) {
    let url = app.address.replace("http://", "ws://") + "/graphql";
    let mut request = url.into_client_request().unwrap();
    request.headers_mut().insert("sec-websocket-protocol", HeaderValue::from_static("graphql-transport-ws"));
    let (mut socket, _) = connect_async(request).await.expect("websocket");
    socket.send(Message::text(json!({ "type": "connection_init", "payload": init }).to_string())).await.unwrap();
    let answer = next_message(&mut socket, Duration::from_secs(5)).await;
    (socket, answer)
}

/// A signed-in subscription running `query`.
async fn subscribe(app: &TestApp, token: &str, query: &str) -> Socket {
    let (mut socket, ack) = connect(app, json!({ "authorization": format!("Bearer {token}") })).await;
    assert_eq!(ack.expect("an answer")["type"], "connection_ack");
    let start = json!({ "id": "1", "type": "subscribe", "payload": { "query": query } });
    socket.send(Message::text(start.to_string())).await.unwrap();
    // Let the server start the subscription (and its poller) before anything is written.
    tokio::time::sleep(Duration::from_millis(600)).await;
    socket
}

/// The next JSON message within `wait` (pings answered, closes as `None`).
async fn next_message(socket: &mut Socket, wait: Duration) -> Option<Value> {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let message = tokio::time::timeout_at(deadline, socket.next()).await.ok()??.ok()?;
        match message {
            Message::Text(text) => {
                let value: Value = serde_json::from_str(&text).unwrap();
                if value["type"] == "ping" {
                    socket.send(Message::text(json!({ "type": "pong" }).to_string())).await.ok()?;
                    continue;
                }
                return Some(value);
            }
            Message::Close(_) => return None,
            _ => continue,
        }
    }
}

/// Every message until none comes for `quiet`.
async fn drain(socket: &mut Socket, quiet: Duration) -> Vec<Value> {
    let mut all = Vec::new();
    while let Some(message) = next_message(socket, quiet).await {
        all.push(message);
    }
    all
}

fn titles(messages: &[Value]) -> BTreeSet<String> {
    messages
        .iter()
        .filter(|m| m["type"] == "next")
        .filter_map(|m| m["payload"]["data"]["recordEvents"]["title"].as_str().map(str::to_owned))
        .collect()
}

async fn create(app: &TestApp, unit: &str, title: &str, disclosure: Disclosure) {
    let office = viewer_for(app, "office").await;
    let trace = trace();
    let mut record = penalty(app, app.unit_row(unit).await, Severity::General);
    record.title = title.into();
    record.disclosure = Some(disclosure);
    service::credit_records::create(&app.state, &actor(app, &office, &trace), record).await.expect("record");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_subscriber_receives_exactly_the_record_events_its_role_may_see() {
    let app = spawn_app().await;
    let mut leader = subscribe(&app, &app.token_for("leader").await, RECORDS).await;
    let mut clerk = subscribe(&app, &app.token_for("xunzhong").await, RECORDS).await;
    let mut firm = subscribe(&app, &app.evaluator_token(), RECORDS).await;
    create(&app, "县财政局", "财政局共享记录", Disclosure::Shared).await;
    create(&app, "浔中镇", "浔中镇共享记录", Disclosure::Shared).await;
    create(&app, "浔中镇", "浔中镇受限记录", Disclosure::Restricted).await;
    let quiet = Duration::from_millis(1_500);
    let set = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(titles(&drain(&mut leader, quiet).await), set(&["财政局共享记录", "浔中镇共享记录", "浔中镇受限记录"]));
    assert_eq!(titles(&drain(&mut clerk, quiet).await), set(&["浔中镇共享记录", "浔中镇受限记录"]), "its subtree only");
    assert_eq!(
        titles(&drain(&mut firm, quiet).await),
        set(&["财政局共享记录", "浔中镇共享记录"]),
        "no RESTRICTED record"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_ends_the_subscription() {
    let app = spawn_app().await;
    let token = app.api_token(Role::Evaluator, None).await;
    let row = entity::api_token::Entity::find()
        .order_by_desc(entity::api_token::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut firm = subscribe(&app, &token, RECORDS).await;
    create(&app, "县财政局", "撤销前", Disclosure::Shared).await;
    let before = drain(&mut firm, Duration::from_millis(1_200)).await;
    assert_eq!(titles(&before), BTreeSet::from(["撤销前".to_owned()]));
    let admin = viewer_for(&app, "admin").await;
    let trace = trace();
    service::api_tokens::revoke(&app.state, &actor(&app, &admin, &trace), row.id).await.expect("revoke");
    let ended = drain(&mut firm, Duration::from_millis(2_500)).await;
    let error = ended.iter().find(|m| m["type"] == "next" || m["type"] == "error").expect("told it ended");
    let code = if error["type"] == "error" { &error["payload"][0] } else { &error["payload"]["errors"][0] };
    assert_eq!(code["extensions"]["code"], "UNAUTHENTICATED", "{ended:?}");
    create(&app, "县财政局", "撤销后", Disclosure::Shared).await;
    let after = drain(&mut firm, Duration::from_millis(1_500)).await;
    assert!(titles(&after).is_empty(), "nothing after revocation: {after:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_without_a_valid_token_is_refused() {
    let app = spawn_app().await;
    for init in [json!({}), json!({ "authorization": "Bearer not-a-token" })] {
        let (_, answer) = connect(&app, init.clone()).await;
        assert!(answer.as_ref().is_none_or(|a| a["type"] != "connection_ack"), "{init}: {answer:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadline_events_reach_those_who_may_list_the_row() {
    let app = spawn_app().await;
    let mut fixture = RecordFixture::new("浔中镇", "逾期整改", Disclosure::Shared);
    fixture.status = RecordStatus::Rectifying;
    let record = insert_record(&app, fixture).await;
    let rectification = insert_rectification(&app, record, RectificationStatus::Pending, None).await;
    // Its deadline passed yesterday.
    let mut row: entity::rectification::ActiveModel =
        entity::rectification::Entity::find_by_id(rectification).one(&app.state.db).await.unwrap().unwrap().into();
    row.deadline = sea_orm::Set(chrono::Utc::now().date_naive() - chrono::Duration::days(1));
    sea_orm::ActiveModelTrait::update(row, &app.state.db).await.unwrap();
    let mut leader = subscribe(&app, &app.token_for("leader").await, DEADLINES).await;
    let mut own_clerk = subscribe(&app, &app.token_for("xunzhong").await, DEADLINES).await;
    let other_clerk = app.api_token(Role::UnitClerk, Some("县财政局")).await;
    let mut other_clerk = subscribe(&app, &other_clerk, DEADLINES).await;
    let office = viewer_for(&app, "office").await;
    let trace = trace();
    let report = service::deadlines::sweep(&app.state, &actor(&app, &office, &trace)).await.expect("sweep");
    assert_eq!(report.rectifications_overdue, 1);
    let quiet = Duration::from_millis(1_500);
    let subject = chengxin::ids::public_id(chengxin::ids::NodeType::Rectification, rectification);
    let overdue = |messages: &[Value]| -> Vec<String> {
        messages
            .iter()
            .filter(|m| m["payload"]["data"]["deadlineEvents"]["kind"] == "RECTIFICATION")
            .map(|m| m["payload"]["data"]["deadlineEvents"]["subjectId"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(overdue(&drain(&mut leader, quiet).await), vec![subject.clone()]);
    assert_eq!(overdue(&drain(&mut own_clerk, quiet).await), vec![subject]);
    assert!(overdue(&drain(&mut other_clerk, quiet).await).is_empty(), "another unit's SHARED record");
}
