//! Lookups the remaining workflow mutations share: the unit an input names, and whether a unit
//! lies in the viewer's subtree.

use async_graphql::{Context, ID};
use entity::unit;
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::{
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
    },
};

/// Whether `unit` lies in the viewer's subtree.
pub async fn in_scope(ctx: &Context<'_>, unit: i32) -> AppResult<bool> {
    Ok(ctx.loaders()?.unit_scope.load_one(unit).await?.unwrap_or(false))
}

/// The unit `id` names (`BAD_USER_INPUT` on `field` when there is none).
pub async fn existing_unit(db: &DatabaseConnection, id: &ID, field: &str) -> AppResult<unit::Model> {
    let row = expect_id(id, NodeType::Unit, field)?;
    unit::Entity::find_by_id(row).one(db).await?.ok_or_else(|| AppError::bad_input(field, "no such unit"))
}
