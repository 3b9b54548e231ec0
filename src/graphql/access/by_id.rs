//! Rows by primary key, for any table with an `i32` id.

use std::{collections::HashMap, marker::PhantomData};

use async_graphql::dataloader::Loader;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::error::AppError;

/// A table whose rows are found by an `i32` id column.
pub(super) trait HasId: EntityTrait {
    fn id_column() -> Self::Column;
    fn id_of(model: &Self::Model) -> i32;
}

macro_rules! has_id {
    ($($table:ident),*) => {
        $(impl HasId for entity::$table::Entity {
            fn id_column() -> Self::Column {
                entity::$table::Column::Id
            }

            fn id_of(model: &Self::Model) -> i32 {
                model.id
            }
        })*
    };
}
has_id!(
    unit,
    official,
    plan_task,
    user_account,
    credit_record,
    api_token,
    commitment,
    rectification,
    objection,
    repair_application,
    complaint,
    proposal,
    audit_log,
    platform_push,
    listing_event,
    proposal_round,
    official_transfer,
    procurement_contract,
    investment_agreement,
    debt_instrument,
    ppp_project,
    ppp_stage_assignment,
    tender_project,
    evaluation_period,
    evaluation
);

/// Loads rows of `E` by id. Unscoped: callers check the policy predicate on what they get.
pub(super) struct ById<E> {
    db: DatabaseConnection,
    _table: PhantomData<fn() -> E>,
}

impl<E> ById<E> {
    pub(super) fn new(db: &DatabaseConnection) -> Self {
        Self { db: db.clone(), _table: PhantomData }
    }
}

impl<E> Loader<i32> for ById<E>
where
    E: HasId,
    E::Model: Send + Sync + Clone,
{
    type Value = E::Model;
    type Error = AppError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Self::Value>, Self::Error> {
        let rows = E::find().filter(E::id_column().is_in(keys.iter().copied())).all(&self.db).await?;
        Ok(rows.into_iter().map(|row| (E::id_of(&row), row)).collect())
    }
}
