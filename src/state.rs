//! What every request shares: the pool, configuration, keys, metrics and the clock.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::{
    auth::{session_cache::SessionCache, JwtKeys},
    clock::Clock,
    config::Config,
    live::LiveFeed,
    metrics::Metrics,
};

/// Shared, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub keys: Arc<JwtKeys>,
    pub metrics: Arc<Metrics>,
    pub clock: Arc<dyn Clock>,
    pub sessions: Arc<SessionCache>,
    /// Audited changes for subscriptions (`live`).
    pub live: Arc<LiveFeed>,
}
