//! `procurement_tally` — the procurement contracts per acceptance state, method and payment state,
//! with the due day (`YYYYMMDD`) of the unpaid ones (0 for the others). Kept in the transaction of
//! every contract write.

use sea_orm::entity::prelude::*;

use crate::enums::{Acceptance, PaymentState, ProcurementMethod};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "procurement_tally")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub acceptance: Acceptance,
    #[sea_orm(primary_key, auto_increment = false)]
    pub method: ProcurementMethod,
    #[sea_orm(primary_key, auto_increment = false)]
    pub payment: PaymentState,
    #[sea_orm(primary_key, auto_increment = false)]
    pub due_day: i32,
    pub contracts: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
