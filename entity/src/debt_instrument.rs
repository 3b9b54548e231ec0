//! `debt_instrument` — 地方政府债务: a bond or loan of a unit.

use sea_orm::entity::prelude::*;

use crate::enums::{DebtKind, DebtStatus};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "debt_instrument")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    pub code: String,
    pub kind: DebtKind,
    pub principal_fen: i64,
    pub outstanding_fen: i64,
    pub rate_bp: i32,
    pub issued_on: Date,
    pub maturity_on: Date,
    pub credit_rating: Option<String>,
    pub status: DebtStatus,
    pub record_id: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
