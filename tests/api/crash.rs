//! The crash test: the real binary is killed with SIGKILL in the middle of a write burst, then
//! started again. Every write it acknowledged is there, the audit log and the outbox agree with
//! the records row for row, and the outbox is delivered after the restart.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use chengxin::graphql::ids::{global_id, NodeType};
use entity::{audit_log, credit_record, enums::PushStatus, platform_push};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::{
    helpers::spawn_app,
    server_process::{create_record, free_port, platform_receiver, start_server, wait_until_up},
};

#[tokio::test]
async fn a_killed_server_loses_no_acknowledged_write_and_delivers_after_restart() {
    let app = spawn_app().await;
    let token = app.token_for("office").await;
    let unit = app.unit_id("浔中镇").await;
    let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_server(&app, port, None);
    wait_until_up(&client, &base).await;

    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let (client, base, token, unit, acknowledged) =
                (client.clone(), base.clone(), token.clone(), unit.clone(), acknowledged.clone());
            tokio::spawn(async move {
                for n in 0..10_000 {
                    match create_record(&client, &base, &token, &unit, writer * 10_000 + n).await {
                        Some(row) => acknowledged.lock().unwrap().push(row),
                        None => break,
                    }
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().unwrap().len() < 60 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill().expect("SIGKILL");
    server.wait().expect("reaped");
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 60, "the burst was under way: {}", acknowledged.len());

    let records = credit_record::Entity::find().all(&app.state.db).await.unwrap();
    let stored: HashSet<i32> = records.iter().map(|r| r.id).collect();
    let lost: Vec<&i32> = acknowledged.iter().filter(|id| !stored.contains(id)).collect();
    assert!(lost.is_empty(), "acknowledged and lost: {lost:?}");
    for record in &records {
        let id = global_id(NodeType::CreditRecord, record.id).0;
        let audited = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("credit_record.create"))
            .filter(audit_log::Column::EntityId.eq(id.as_str()))
            .count(&app.state.db);
        assert_eq!(audited.await.unwrap(), 1, "record {} has its audit entry", record.id);
        let queued =
            platform_push::Entity::find().filter(platform_push::Column::RecordId.eq(record.id)).count(&app.state.db);
        assert_eq!(queued.await.unwrap(), 1, "record {} has its outbox row", record.id);
    }
    let creations =
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("credit_record.create")).count(&app.state.db);
    assert_eq!(creations.await.unwrap(), records.len() as u64, "no audit entry without its record");

    let (url, keys) = platform_receiver().await;
    let mut restarted = start_server(&app, port, Some(&url));
    wait_until_up(&client, &base).await;
    let deadline = Instant::now() + Duration::from_secs(120);
    let pending = || {
        platform_push::Entity::find().filter(platform_push::Column::Status.ne(PushStatus::Sent)).count(&app.state.db)
    };
    while pending().await.unwrap() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = restarted.kill();
    let _ = restarted.wait();
    assert_eq!(pending().await.unwrap(), 0, "the outbox was delivered after the restart");
    let distinct: HashSet<String> = keys.lock().unwrap().iter().cloned().collect();
    assert_eq!(distinct.len(), records.len(), "each record version arrived");
    let still_up = create_record(&client, &base, &token, &unit, 0).await;
    assert!(still_up.is_none(), "the server is gone");
}
