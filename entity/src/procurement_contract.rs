//! `procurement_contract` — 政府采购: a government procurement contract, its acceptance and payment.

use sea_orm::entity::prelude::*;

use crate::enums::{Acceptance, ProcurementMethod};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "procurement_contract")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub purchaser_unit_id: i32,
    pub project_number: String,
    pub title: String,
    pub method: ProcurementMethod,
    pub supplier_name: String,
    pub supplier_uscc: String,
    pub supplier_uscc_valid: bool,
    pub amount_fen: i64,
    pub signed_on: Date,
    pub acceptance: Acceptance,
    pub payment_due_on: Option<Date>,
    pub paid_on: Option<Date>,
    pub record_id: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
