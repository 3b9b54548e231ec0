//! `record_month_rollup` — the credit records of a unit (own or whole subtree) decided in each
//! month (`YYYYMM`), revoked ones left out, per subject, polarity, severity and disclosure. Kept in
//! the transaction of every record write.

use sea_orm::entity::prelude::*;

use crate::enums::{Disclosure, Polarity, Severity, SubjectType};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "record_month_rollup")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subtree: bool,
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject_type: SubjectType,
    #[sea_orm(primary_key, auto_increment = false)]
    pub polarity: Polarity,
    #[sea_orm(primary_key, auto_increment = false)]
    pub severity: Severity,
    #[sea_orm(primary_key, auto_increment = false)]
    pub disclosure: Disclosure,
    pub records: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
