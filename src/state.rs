//! What every request shares: the pools, configuration, keys, metrics and the clock.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::{
    auth::{session_cache::SessionCache, JwtKeys},
    clock::Clock,
    config::Config,
    live::LiveFeed,
    metrics::Metrics,
    read_routing::ReadRouting,
};

/// Shared, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The primary: every write, and the reads that must see the latest state.
    pub db: DatabaseConnection,
    /// Where read-only requests read (a replica, when configured).
    pub reads: Arc<ReadRouting>,
    pub config: Arc<Config>,
    pub keys: Arc<JwtKeys>,
    pub metrics: Arc<Metrics>,
    pub clock: Arc<dyn Clock>,
    pub sessions: Arc<SessionCache>,
    /// Audited changes for subscriptions (`live`).
    pub live: Arc<LiveFeed>,
}
