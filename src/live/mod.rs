//! Live updates for subscriptions. Every write leaves an audit entry in the database in its own
//! transaction, so the audit log is the event log every API process shares: while anyone here
//! subscribes, one poller per process reads the entries after the last it saw (every
//! `POLL_INTERVAL`, on SQLite and PostgreSQL alike) and broadcasts them to this process's
//! subscriptions, which filter them by kind and by each subscriber's policy. With no subscriber
//! the poller stops, so an idle server asks nothing.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use chrono::{DateTime, Utc};
use entity::audit_log;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::broadcast;

/// How often the poller reads the audit log.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// Entries read per round at most.
const BATCH: u64 = 500;

/// One audited change, as the subscriptions hear of it.
#[derive(Debug, Clone)]
pub struct LiveEvent {
    /// e.g. `credit_record.create`, `rectification.overdue`.
    pub action: String,
    /// The changed row's global id.
    pub entity_id: Option<String>,
    /// The audit entry's before and after (JSON), for events that depend on what changed.
    pub before: Option<String>,
    pub after: Option<String>,
    pub at: DateTime<Utc>,
}

/// The process's feed of audited changes.
pub struct LiveFeed {
    db: DatabaseConnection,
    sender: broadcast::Sender<LiveEvent>,
    polling: AtomicBool,
}

impl LiveFeed {
    pub fn new(db: DatabaseConnection) -> Arc<Self> {
        let (sender, _) = broadcast::channel(4_096);
        Arc::new(Self { db, sender, polling: AtomicBool::new(false) })
    }

    /// The changes from now on; starts the poller if it is not running.
    pub fn subscribe(self: &Arc<Self>) -> broadcast::Receiver<LiveEvent> {
        let receiver = self.sender.subscribe();
        if !self.polling.swap(true, Ordering::SeqCst) {
            tokio::spawn(poll(self.clone()));
        }
        receiver
    }
}

async fn poll(feed: Arc<LiveFeed>) {
    let mut last = match newest(&feed.db).await {
        Ok(id) => id,
        Err(error) => {
            tracing::error!(%error, "live feed: cannot read the audit log");
            feed.polling.store(false, Ordering::SeqCst);
            return;
        }
    };
    loop {
        tokio::time::sleep(POLL_INTERVAL).await;
        if feed.sender.receiver_count() == 0 {
            feed.polling.store(false, Ordering::SeqCst);
            // A subscriber that came meanwhile found the flag still set: keep serving it.
            if feed.sender.receiver_count() == 0 || feed.polling.swap(true, Ordering::SeqCst) {
                return;
            }
        }
        let entries = audit_log::Entity::find()
            .filter(audit_log::Column::Id.gt(last))
            .order_by_asc(audit_log::Column::Id)
            .limit(BATCH)
            .all(&feed.db)
            .await;
        match entries {
            Ok(entries) => {
                for entry in entries {
                    last = entry.id;
                    let _ = feed.sender.send(LiveEvent {
                        action: entry.action,
                        entity_id: entry.entity_id,
                        before: entry.before,
                        after: entry.after,
                        at: entry.at,
                    });
                }
            }
            Err(error) => tracing::warn!(%error, "live feed: reading the audit log failed; retrying"),
        }
    }
}

async fn newest(db: &DatabaseConnection) -> Result<i32, sea_orm::DbErr> {
    let id: Option<i32> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::Id)
        .order_by_desc(audit_log::Column::Id)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(id.unwrap_or(0))
}
