//! `tender_project` — 招标投标: a government body's tender, its agency, bid opening, the winning
//! bidder and the third-party credit report (第三方信用报告) the bidder was checked with.

use sea_orm::entity::prelude::*;

use crate::enums::{TenderMethod, TenderStatus};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "tender_project")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The tenderer (招标人): the government body.
    pub unit_id: i32,
    pub project_number: String,
    pub name: String,
    /// The tendering agency (招标代理机构); none when the body tenders itself.
    pub agency_name: Option<String>,
    pub method: TenderMethod,
    pub budget_fen: i64,
    pub bid_opening_on: Date,
    pub status: TenderStatus,
    pub winning_bidder_name: Option<String>,
    pub winning_bidder_uscc: Option<String>,
    pub winning_bidder_uscc_valid: Option<bool>,
    pub award_amount_fen: Option<i64>,
    /// The third-party credit report the winning bidder was checked with.
    pub credit_report_reference: Option<String>,
    /// The day it was awarded or failed.
    pub concluded_on: Option<Date>,
    /// Why it failed (流标).
    pub failure_reason: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
