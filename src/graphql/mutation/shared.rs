//! Lookups the workflow mutations share: the record or unit an input names, whether a unit lies
//! in the viewer's subtree, and which categories a unit may record.

use async_graphql::{Context, ID};
use entity::{credit_record, unit};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::{
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_record,
        types::CreditRecord,
    },
};

/// The record `id` names, if the viewer may see it (`NOT_FOUND` otherwise).
pub async fn visible_record(ctx: &Context<'_>, id: &ID, field: &str) -> AppResult<credit_record::Model> {
    let row = expect_id(id, NodeType::CreditRecord, field)?;
    let CreditRecord(record) = load_record(ctx, row).await?.ok_or_else(|| AppError::not_found("credit record"))?;
    Ok(record)
}

/// The record behind a workflow row (it exists: the row's foreign key says so).
pub async fn record_of(ctx: &Context<'_>, record: i32) -> AppResult<credit_record::Model> {
    let CreditRecord(record) = load_record(ctx, record).await?.ok_or_else(|| AppError::not_found("credit record"))?;
    Ok(record)
}

/// Whether `unit` lies in the viewer's subtree.
pub async fn in_scope(ctx: &Context<'_>, unit: i32) -> AppResult<bool> {
    Ok(ctx.loaders()?.unit_scope.load_one(unit).await?.unwrap_or(false))
}

/// The unit `id` names (`BAD_USER_INPUT` on `field` when there is none).
pub async fn existing_unit(db: &DatabaseConnection, id: &ID, field: &str) -> AppResult<unit::Model> {
    let row = expect_id(id, NodeType::Unit, field)?;
    unit::Entity::find_by_id(row).one(db).await?.ok_or_else(|| AppError::bad_input(field, "no such unit"))
}
