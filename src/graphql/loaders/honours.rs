//! `Unit.honoursEligibility` and `Official.honoursEligibility`: what bars honours, for many units
//! or officials in a constant number of statements (the service's own query).

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use chrono::NaiveDate;
use sea_orm::DatabaseConnection;

use crate::{domain::honours_rules::Bar, error::AppError, service::honours};

/// Units' bars on the request's day.
pub struct UnitHonours {
    db: DatabaseConnection,
    today: NaiveDate,
}

impl UnitHonours {
    pub fn new(db: &DatabaseConnection, today: NaiveDate) -> Self {
        Self { db: db.clone(), today }
    }
}

impl Loader<i32> for UnitHonours {
    type Value = Vec<Bar>;
    type Error = AppError;

    async fn load(&self, units: &[i32]) -> Result<HashMap<i32, Vec<Bar>>, Self::Error> {
        honours::unit_bars(&self.db, units, self.today).await
    }
}

/// Officials' bars on the request's day.
pub struct OfficialHonours {
    db: DatabaseConnection,
    today: NaiveDate,
}

impl OfficialHonours {
    pub fn new(db: &DatabaseConnection, today: NaiveDate) -> Self {
        Self { db: db.clone(), today }
    }
}

impl Loader<i32> for OfficialHonours {
    type Value = Vec<Bar>;
    type Error = AppError;

    async fn load(&self, officials: &[i32]) -> Result<HashMap<i32, Vec<Bar>>, Self::Error> {
        honours::official_bars(&self.db, officials, self.today).await
    }
}
