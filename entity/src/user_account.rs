//! `user_account` — A person who logs in: argon2id password hash, role and unit.

use sea_orm::entity::prelude::*;

use crate::enums::Role;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "user_account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub username: String,
    pub display_name: String,
    #[serde(skip)]
    pub password_hash: String,
    pub role: Role,
    pub unit_id: Option<i32>,
    pub active: bool,
    /// Tokens issued before this instant are refused for good (deactivation, a role or unit
    /// change, a password reset, logout).
    pub tokens_valid_after: Option<DateTimeUtc>,
    /// Optimistic concurrency: every update is conditional on it.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
