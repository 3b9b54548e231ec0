//! Whether units lie in the viewer's own subtree (its unit and everything under it).

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use entity::unit_closure;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use crate::{auth::Viewer, error::AppError};

pub struct UnitScope {
    db: DatabaseConnection,
    root: Option<i32>,
}

impl UnitScope {
    pub fn new(db: &DatabaseConnection, viewer: &Viewer) -> Self {
        Self { db: db.clone(), root: viewer.unit_id }
    }
}

impl Loader<i32> for UnitScope {
    type Value = bool;
    type Error = AppError;

    async fn load(&self, units: &[i32]) -> Result<HashMap<i32, bool>, Self::Error> {
        let mut answer: HashMap<i32, bool> = units.iter().map(|u| (*u, false)).collect();
        let Some(root) = self.root else {
            return Ok(answer);
        };
        let inside: Vec<i32> = unit_closure::Entity::find()
            .select_only()
            .column(unit_closure::Column::DescendantId)
            .filter(unit_closure::Column::AncestorId.eq(root))
            .filter(unit_closure::Column::DescendantId.is_in(units.iter().copied()))
            .into_tuple()
            .all(&self.db)
            .await?;
        for unit in inside {
            answer.insert(unit, true);
        }
        Ok(answer)
    }
}
