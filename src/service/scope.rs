//! The lookups services share to ask the policy about a row: whether a unit lies in the actor's
//! subtree, and the record the actor may see (the same rule as every read path).

use chrono::NaiveDate;
use entity::{credit_record, enums::RecordCategory, recording_authority, unit_closure};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

use crate::{
    auth::{
        policy::{
            self,
            records::{can_read_record, RecordUse},
        },
        Viewer,
    },
    error::{AppError, AppResult, Reason},
};

/// Whether `unit` is the viewer's unit or lies under it.
pub async fn in_subtree(db: &DatabaseConnection, viewer: &Viewer, unit: i32) -> AppResult<bool> {
    let Some(root) = viewer.unit_id else { return Ok(false) };
    unit_within(db, root, unit).await
}

/// Whether `unit` is `root` or lies under it.
pub async fn unit_within(db: &DatabaseConnection, root: i32, unit: i32) -> AppResult<bool> {
    let inside = unit_closure::Entity::find()
        .filter(unit_closure::Column::AncestorId.eq(root))
        .filter(unit_closure::Column::DescendantId.eq(unit))
        .count(db)
        .await?;
    Ok(inside > 0)
}

/// The record with row id `id`, if the viewer may see it (`NOT_FOUND` otherwise, as on every read
/// path: what one may not see does not exist for one).
pub async fn visible_record(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: i32,
    today: NaiveDate,
) -> AppResult<credit_record::Model> {
    let record = credit_record::Entity::find_by_id(id).one(db).await?;
    let record = record.ok_or(AppError::NotFound(Reason::RecordNotFound))?;
    let in_scope = policy::reads_depend_on_subtree(viewer) && in_subtree(db, viewer, record.unit_id).await?;
    if can_read_record(viewer, &record, today, RecordUse::Rows, in_scope) {
        Ok(record)
    } else {
        Err(AppError::NotFound(Reason::RecordNotFound))
    }
}

/// A workflow row of record `record` as the viewer may see it (signed in, and the record
/// visible): returns the record; `NOT_FOUND` naming `what` otherwise.
pub async fn workflow_record(
    db: &DatabaseConnection,
    viewer: &Viewer,
    record: i32,
    today: NaiveDate,
    missing: Reason,
) -> AppResult<credit_record::Model> {
    if !policy::workflows::can_read_workflows(viewer) {
        return Err(AppError::NotFound(missing));
    }
    visible_record(db, viewer, record, today).await.map_err(|_| AppError::NotFound(missing))
}

/// The record categories `unit` is a recording authority for.
pub async fn authorised_categories(db: &DatabaseConnection, unit: Option<i32>) -> AppResult<Vec<RecordCategory>> {
    let Some(unit) = unit else { return Ok(Vec::new()) };
    Ok(recording_authority::Entity::find()
        .select_only()
        .column(recording_authority::Column::Category)
        .filter(recording_authority::Column::UnitId.eq(unit))
        .into_tuple()
        .all(db)
        .await?)
}

/// A unit's short name (its full name when it has none; empty if there is no such unit), for the
/// titles of records made from a workflow.
pub async fn unit_short_name(db: &DatabaseConnection, unit: i32) -> AppResult<String> {
    let row = entity::unit::Entity::find_by_id(unit).one(db).await?;
    Ok(row.map(|u| u.short_name.unwrap_or(u.name)).unwrap_or_default())
}

/// The full name of the acting viewer's unit: the deciding authority of a record it makes.
pub async fn unit_full_name(db: &DatabaseConnection, unit: Option<i32>) -> AppResult<Option<String>> {
    let Some(unit) = unit else { return Ok(None) };
    Ok(entity::unit::Entity::find_by_id(unit).one(db).await?.map(|u| u.name))
}
