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
    /// A small or medium enterprise: paid within 30 days, or an agreed term of at most 60.
    pub supplier_is_sme: bool,
    /// The agreed payment term, in days from acceptance.
    pub payment_term_days: i32,
    pub amount_fen: i64,
    pub signed_on: Date,
    pub acceptance: Acceptance,
    /// The day of the acceptance (履约验收), passed or failed.
    pub accepted_on: Option<Date>,
    /// Who accepted (the acceptance panel or person).
    pub accepted_by: Option<String>,
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
