//! `investment_agreement` — 招商引资: an investment promotion agreement and its fulfilment.

use sea_orm::entity::prelude::*;

use crate::enums::{AgreementStatus, ChangeGround};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "investment_agreement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    pub agreement_number: String,
    pub investor_name: String,
    pub investor_uscc: String,
    pub investor_uscc_valid: bool,
    pub project_name: String,
    pub agreed_investment_fen: i64,
    pub signed_on: Date,
    pub status: AgreementStatus,
    #[sea_orm(column_type = "Text")]
    pub change_reason: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub legal_basis: Option<String>,
    pub compensation_fen: Option<i64>,
    /// For a lawful change or termination: its ground (优化营商环境条例 art. 31).
    pub change_ground: Option<ChangeGround>,
    /// The statutory procedure the change followed.
    #[sea_orm(column_type = "Text")]
    pub change_procedure: Option<String>,
    /// The day of the change or termination.
    pub changed_on: Option<Date>,
    /// The lawful change ended the agreement (a termination).
    pub terminated: bool,
    /// The day it was fulfilled.
    pub fulfilled_on: Option<Date>,
    pub record_id: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
