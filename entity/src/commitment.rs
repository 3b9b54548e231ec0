//! `commitment` — 承诺: a unit's public or internal commitment and whether it was kept.

use sea_orm::entity::prelude::*;

use crate::enums::{ChangeGround, CommitmentKind, CommitmentStatus, Sector};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "commitment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    pub kind: CommitmentKind,
    pub sector: Sector,
    pub service_area: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub is_public: bool,
    pub due_on: Option<Date>,
    pub status: CommitmentStatus,
    #[sea_orm(column_type = "Text")]
    pub evidence: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub legal_basis: Option<String>,
    /// For CHANGED_LAWFULLY: why it was changed.
    pub change_ground: Option<ChangeGround>,
    /// For CHANGED_LAWFULLY: the compensation paid to those who relied on it, in fen.
    pub compensation_fen: Option<i64>,
    pub record_id: Option<i32>,
    /// A prior credit pledge's investment agreement (事前信用承诺, plan task 3.4).
    pub investment_agreement_id: Option<i32>,
    /// Set by the deadline sweeper once it is past due and still PENDING.
    pub overdue: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
