//! `audit_log` — Append-only audit log: who did what to which entity, before and after.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub actor: String,
    pub actor_user_id: Option<i32>,
    pub role: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub before: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub after: Option<String>,
    pub request_id: Option<String>,
    /// The client's own `X-Request-Id`, kept only when it is ≤ 64 of `[A-Za-z0-9._-]`: untrusted.
    pub client_request_id: Option<String>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
