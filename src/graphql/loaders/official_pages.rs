//! `Unit.officials` edges: the first N officials (by name) of many units in one statement, using
//! `ROW_NUMBER() OVER (PARTITION BY unit_id …)`, among those the viewer may see.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use entity::official;
use sea_orm::{
    sea_query::{Alias, Asterisk, Expr, ExprTrait, Query},
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, QueryTrait,
};

use crate::{
    auth::{policy, Viewer},
    error::AppError,
};

/// One unit's page: rows after position `offset`, at most `limit` (one more is fetched to tell
/// whether there is a next page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OfficialPageKey {
    pub unit_id: i32,
    pub offset: u64,
    pub limit: u64,
}

pub struct OfficialPages {
    db: DatabaseConnection,
    viewer: Viewer,
}

impl OfficialPages {
    pub fn new(db: &DatabaseConnection, viewer: &Viewer) -> Self {
        Self {
            db: db.clone(),
            viewer: viewer.clone(),
        }
    }

    async fn load_window(
        &self,
        units: Vec<i32>,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<official::Model>, AppError> {
        let visible = policy::officials_visible_to(&self.viewer)?;
        let numbered = official::Entity::find()
            .filter(official::Column::UnitId.is_in(units))
            .filter(visible)
            .expr_as(
                Expr::cust("ROW_NUMBER() OVER (PARTITION BY unit_id ORDER BY name, id)"),
                "row_number",
            )
            .into_query();
        let page = Query::select()
            .column(Asterisk)
            .from_subquery(numbered, Alias::new("numbered"))
            .and_where(Expr::col(Alias::new("row_number")).gt(offset as i64))
            .and_where(Expr::col(Alias::new("row_number")).lte((offset + limit + 1) as i64))
            .order_by(Alias::new("unit_id"), sea_orm::Order::Asc)
            .order_by(Alias::new("row_number"), sea_orm::Order::Asc)
            .to_owned();
        let statement = self.db.get_database_backend().build(&page);
        Ok(official::Entity::find()
            .from_raw_sql(statement)
            .all(&self.db)
            .await?)
    }
}

impl Loader<OfficialPageKey> for OfficialPages {
    type Value = Vec<official::Model>;
    type Error = AppError;

    async fn load(
        &self,
        keys: &[OfficialPageKey],
    ) -> Result<HashMap<OfficialPageKey, Self::Value>, Self::Error> {
        let mut windows: HashMap<(u64, u64), Vec<i32>> = HashMap::new();
        for key in keys {
            windows
                .entry((key.offset, key.limit))
                .or_default()
                .push(key.unit_id);
        }
        let mut answer: HashMap<OfficialPageKey, Self::Value> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for ((offset, limit), units) in windows {
            for row in self.load_window(units, offset, limit).await? {
                let key = OfficialPageKey {
                    unit_id: row.unit_id,
                    offset,
                    limit,
                };
                answer.entry(key).or_default().push(row);
            }
        }
        Ok(answer)
    }
}
