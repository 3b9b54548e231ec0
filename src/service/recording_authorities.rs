//! Who may record what (ADMIN): a recording authority lets a unit's recorders write records of one
//! category (the court: judgments and 失信被执行人 listings; the 监委: sanctions and
//! accountability …). Granting and revoking are audited under the unit.

use entity::{enums::RecordCategory, recording_authority, unit};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, ModelTrait, TransactionTrait};
use serde_json::json;

use super::Actor;
use crate::{
    auth::policy::{may, Operation},
    error::{AppError, AppResult, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::audit::{write_audit, AuditEntry},
};

/// Lets `unit` record `category`.
pub async fn grant(
    state: &AppState,
    actor: &Actor<'_>,
    unit: i32,
    category: RecordCategory,
) -> AppResult<recording_authority::Model> {
    may(actor.viewer, Operation::ManageRecordingAuthorities)?;
    if unit::Entity::find_by_id(unit).one(&state.db).await?.is_none() {
        return Err(AppError::bad_input("unitId", Reason::UnknownUnit));
    }
    if recording_authority::Entity::find_by_id((unit, category)).one(&state.db).await?.is_some() {
        return Err(AppError::bad_input("category", Reason::AlreadyGranted));
    }
    let row = recording_authority::Model { unit_id: unit, category };
    let txn = state.db.begin().await?;
    // A concurrent twin meets the primary key and rolls back.
    let saved = row.clone().into_active_model().insert(&txn).await?;
    audit(&txn, actor, "recording_authority.grant", None, Some(&saved)).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Takes `category` away from `unit`; records it already made stay.
pub async fn revoke(
    state: &AppState,
    actor: &Actor<'_>,
    unit: i32,
    category: RecordCategory,
) -> AppResult<recording_authority::Model> {
    may(actor.viewer, Operation::ManageRecordingAuthorities)?;
    let row = recording_authority::Entity::find_by_id((unit, category)).one(&state.db).await?;
    let row = row.ok_or(AppError::NotFound(Reason::AuthorityNotFound))?;
    let txn = state.db.begin().await?;
    let deleted = row.clone().delete(&txn).await?;
    if deleted.rows_affected != 1 {
        return Err(AppError::Conflict(Reason::AuthorityRevokedMeanwhile));
    }
    audit(&txn, actor, "recording_authority.revoke", Some(&row), None).await?;
    txn.commit().await?;
    Ok(row)
}

async fn audit<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor<'_>,
    action: &str,
    before: Option<&recording_authority::Model>,
    after: Option<&recording_authority::Model>,
) -> AppResult<()> {
    let unit = before.or(after).map(|row| row.unit_id).unwrap_or_default();
    let entry = AuditEntry {
        action,
        entity: "recording_authority",
        entity_id: Some(public_id(NodeType::Unit, unit)),
        before: before.map(|row| json!(row)),
        after: after.map(|row| json!(row)),
    };
    write_audit(db, actor.viewer, actor.trace, actor.now, entry).await?;
    Ok(())
}
