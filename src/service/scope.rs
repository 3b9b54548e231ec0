//! The lookups services share to ask the policy about a row: whether a unit lies in the actor's
//! subtree, the record the actor may see (the same rule as every read path), and whether the
//! actor keeps a sector's row.

use chrono::NaiveDate;
use entity::{
    credit_record,
    enums::{RecordCategory, Sector},
    recording_authority, unit_closure,
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    auth::{
        policy::{
            self,
            records::{can_read_record, RecordUse},
            sectors,
        },
        Viewer,
    },
    error::{AppError, AppResult, Reason},
    service::Actor,
    state::AppState,
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

/// Whether the viewer's unit leads `sector` (its lead departments keep the whole sector).
pub async fn leads_sector(db: &DatabaseConnection, unit: Option<i32>, sector: Sector) -> AppResult<bool> {
    let Some(unit) = unit else { return Ok(false) };
    let row = entity::unit::Entity::find_by_id(unit).one(db).await?;
    Ok(sectors::unit_leads(row.as_ref().and_then(|u| u.short_name.as_deref()), sector))
}

/// Whether the actor may keep a row of `sector` whose government-side unit is `unit`
/// (`FORBIDDEN` otherwise).
pub async fn may_keep_sector_row(state: &AppState, actor: &Actor<'_>, unit: i32, sector: Sector) -> AppResult<()> {
    let in_scope = in_subtree(&state.db, actor.viewer, unit).await?;
    let leads = leads_sector(&state.db, actor.viewer.unit_id, sector).await?;
    sectors::can_keep_sector_row(actor.viewer, in_scope, leads)
}

/// A row of `sector` (government-side unit `unit`) the actor is about to change: `missing` when
/// they may not see it, `FORBIDDEN` when they see it but may not keep it.
pub async fn sector_row_to_keep(
    state: &AppState,
    actor: &Actor<'_>,
    unit: i32,
    sector: Sector,
    missing: Reason,
) -> AppResult<()> {
    let in_scope = in_subtree(&state.db, actor.viewer, unit).await?;
    let leads = leads_sector(&state.db, actor.viewer.unit_id, sector).await?;
    if !sectors::can_read_sector_row(actor.viewer, in_scope, leads) {
        return Err(AppError::NotFound(missing));
    }
    sectors::can_keep_sector_row(actor.viewer, in_scope, leads)
}

/// The sector's (first) lead department: the deciding authority of the breach records the
/// sector's rules make.
pub async fn lead_department(db: &DatabaseConnection, sector: Sector) -> AppResult<Option<entity::unit::Model>> {
    Ok(entity::unit::Entity::find()
        .filter(entity::unit::Column::ShortName.is_in(sectors::lead_departments(sector).iter().copied()))
        .order_by_asc(entity::unit::Column::Id)
        .one(db)
        .await?)
}
