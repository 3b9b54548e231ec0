//! Per-request DataLoaders: every nested field goes through one, so a page of N objects costs a
//! constant number of statements. They are built per request, so no cache crosses viewers; those
//! over scoped tables apply the policy module's condition.

mod by_id;
mod official_counts;
mod official_pages;
mod request_activity;
mod task_lead_units;
mod unit_children;
mod unit_scope;

use std::{sync::Arc, time::Duration};

use async_graphql::dataloader::{DataLoader, HashMapCache};
use futures::future::BoxFuture;
use sea_orm::DatabaseConnection;

pub use by_id::{ById, HasId};
pub use official_counts::OfficialCounts;
pub use official_pages::{OfficialPageKey, OfficialPages};
pub use request_activity::{RequestActivity, Tracked};
pub use task_lead_units::TaskLeadUnits;
pub use unit_children::UnitChildren;
pub use unit_scope::UnitScope;

use crate::auth::Viewer;

/// A loader of one request: batches wait for the request to go idle; answers are cached for the
/// rest of the request.
pub type RequestLoader<T> = DataLoader<T, HashMapCache>;

/// The loaders of one request.
pub struct Loaders {
    pub units: RequestLoader<ById<entity::unit::Entity>>,
    pub officials: RequestLoader<ById<entity::official::Entity>>,
    pub plan_tasks: RequestLoader<ById<entity::plan_task::Entity>>,
    pub unit_children: RequestLoader<UnitChildren>,
    pub unit_scope: RequestLoader<UnitScope>,
    pub official_counts: RequestLoader<OfficialCounts>,
    pub official_pages: RequestLoader<OfficialPages>,
    pub task_lead_units: RequestLoader<TaskLeadUnits>,
}

impl Loaders {
    /// Loaders for one request by `viewer`, whose execution reports to `activity`.
    pub fn new(db: &DatabaseConnection, viewer: &Viewer, activity: Arc<RequestActivity>) -> Self {
        Self {
            units: loader(ById::new(db), &activity),
            officials: loader(ById::new(db), &activity),
            plan_tasks: loader(ById::new(db), &activity),
            unit_children: loader(UnitChildren::new(db), &activity),
            unit_scope: loader(UnitScope::new(db, viewer), &activity),
            official_counts: loader(OfficialCounts::new(db, viewer), &activity),
            official_pages: loader(OfficialPages::new(db, viewer), &activity),
            task_lead_units: loader(TaskLeadUnits::new(db), &activity),
        }
    }
}

fn loader<T: Send + Sync + 'static>(inner: T, activity: &Arc<RequestActivity>) -> RequestLoader<T> {
    let activity = activity.clone();
    let spawner = move |batch: BoxFuture<'static, ()>| {
        let activity = activity.clone();
        tokio::spawn(async move {
            activity.wait_until_idle().await;
            batch.await;
        })
    };
    DataLoader::with_cache(inner, spawner, HashMapCache::default()).delay(Duration::ZERO)
}
