//! `record_status_rollup` — the credit records of a unit (own or whole subtree) per subject,
//! polarity, severity, status and disclosure: `record_rollup` without the sector, for tallies.
//! Kept in the transaction of every record write.

use sea_orm::entity::prelude::*;

use crate::enums::{Disclosure, Polarity, RecordStatus, Severity, SubjectType};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "record_status_rollup")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subtree: bool,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject_type: SubjectType,
    #[sea_orm(primary_key, auto_increment = false)]
    pub polarity: Polarity,
    #[sea_orm(primary_key, auto_increment = false)]
    pub severity: Severity,
    #[sea_orm(primary_key, auto_increment = false)]
    pub status: RecordStatus,
    #[sea_orm(primary_key, auto_increment = false)]
    pub disclosure: Disclosure,
    pub records: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
