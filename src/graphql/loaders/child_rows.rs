//! All children of many parents in one statement — for short lists that need no paging (a
//! record's rectifications, objections and repair applications).

use std::{collections::HashMap, marker::PhantomData};

use async_graphql::dataloader::Loader;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::child_table::ChildTable;
use crate::error::AppError;

/// Loads every row of `C` under each parent, in `C`'s order. Unscoped: the parent's visibility
/// decides.
pub struct ChildRows<C> {
    db: DatabaseConnection,
    _table: PhantomData<fn() -> C>,
}

impl<C> ChildRows<C> {
    pub fn new(db: &DatabaseConnection) -> Self {
        Self { db: db.clone(), _table: PhantomData }
    }
}

impl<C: ChildTable> Loader<i32> for ChildRows<C>
where
    <C::Table as EntityTrait>::Model: Send + Sync + Clone,
{
    type Value = Vec<<C::Table as EntityTrait>::Model>;
    type Error = AppError;

    async fn load(&self, parents: &[i32]) -> Result<HashMap<i32, Self::Value>, Self::Error> {
        let mut select = <C::Table as EntityTrait>::find().filter(C::parent_column().is_in(parents.iter().copied()));
        for (column, order) in C::order() {
            select = select.order_by(column, order);
        }
        let mut answer: HashMap<i32, Self::Value> = parents.iter().map(|p| (*p, Vec::new())).collect();
        for row in select.all(&self.db).await? {
            if let Some(parent) = C::parent_of(&row) {
                answer.entry(parent).or_default().push(row);
            }
        }
        Ok(answer)
    }
}
