//! The audit log: every mutation writes one entry in its own transaction; so do unmasked
//! identifier reads and credit checks. Append-only: nothing in the API edits or deletes it.

use chrono::{DateTime, Utc};
use entity::audit_log;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use serde_json::Value;

use crate::auth::Viewer;

/// One thing that happened.
pub struct AuditEntry<'a> {
    /// What was done, e.g. `credit_record.create`.
    pub action: &'a str,
    /// The table it was done to.
    pub entity: &'a str,
    /// The API id of the row.
    pub entity_id: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Writes `entry` for `viewer` with the request id, on `db` (pass the mutation's transaction).
pub async fn write_audit<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    request_id: &str,
    at: DateTime<Utc>,
    entry: AuditEntry<'_>,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        actor: Set(viewer.subject.clone()),
        actor_user_id: Set(viewer.user_id),
        role: Set(viewer.role_label().to_owned()),
        action: Set(entry.action.to_owned()),
        entity: Set(entry.entity.to_owned()),
        entity_id: Set(entry.entity_id),
        before: Set(entry.before.map(|v| v.to_string())),
        after: Set(entry.after.map(|v| v.to_string())),
        request_id: Set((!request_id.is_empty()).then(|| request_id.to_owned())),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
