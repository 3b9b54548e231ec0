//! `Unit.officials` edges: a page of officials (by name) for each of many units in one statement,
//! among those the viewer may see.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use entity::{official, unit};
use sea_orm::{
    sea_query::{Alias, Asterisk, Expr, ExprTrait, JoinType, Order, Query},
    DatabaseConnection, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
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

    /// One statement that reads, for each unit (`owner`), `limit + 1` entries of the
    /// `(unit_id, name)` index — so its cost follows the page size, not the units' sizes:
    /// `CROSS JOIN LATERAL` on PostgreSQL, a correlated `IN (… LIMIT)` on SQLite (which has no
    /// LATERAL; PostgreSQL plans that form as a nested loop over every official).
    async fn load_window(
        &self,
        units: &[i32],
        offset: u64,
        limit: u64,
    ) -> Result<Vec<official::Model>, AppError> {
        let visible = policy::officials_visible_to(&self.viewer)?;
        let (owner, member) = (Alias::new("owner"), Alias::new("member"));
        let postgres = self.db.get_database_backend() == DbBackend::Postgres;
        let mut page = official::Entity::find()
            .filter(
                Expr::col((official::Entity, official::Column::UnitId))
                    .equals((owner.clone(), unit::Column::Id)),
            )
            .filter(visible)
            .order_by_asc(official::Column::Name)
            .order_by_asc(official::Column::Id)
            .offset(offset)
            .limit(limit + 1);
        if !postgres {
            page = page.select_only().column(official::Column::Id);
        }
        let page = page.into_query();
        let mut statement = Query::select();
        statement
            .column((member.clone(), Asterisk))
            .from_as(unit::Entity, owner.clone());
        if postgres {
            statement.join_lateral(
                JoinType::InnerJoin,
                page,
                member.clone(),
                Expr::cust("TRUE"),
            );
        } else {
            let in_page = Expr::col((member.clone(), official::Column::Id)).in_subquery(page);
            statement.join_as(
                JoinType::InnerJoin,
                official::Entity,
                member.clone(),
                in_page,
            );
        }
        statement
            .and_where(Expr::col((owner.clone(), unit::Column::Id)).is_in(units.iter().copied()))
            .order_by((owner, unit::Column::Id), Order::Asc)
            .order_by((member.clone(), official::Column::Name), Order::Asc)
            .order_by((member, official::Column::Id), Order::Asc);
        let statement = self.db.get_database_backend().build(&statement);
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
            for row in self.load_window(&units, offset, limit).await? {
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
