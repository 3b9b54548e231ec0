//! `proposal_round` — one handling round of a proposal (办理轮次): assigned, due (perhaps
//! extended, with the reason), replied, and the proposer's satisfaction with that reply.

use sea_orm::entity::prelude::*;

use crate::enums::Satisfaction;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "proposal_round")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub proposal_id: i32,
    /// 1 for the first handling, 2 after the first unsatisfied answer …
    pub number: i32,
    pub assigned_on: Date,
    /// The round's due date, after any extension.
    pub due_on: Date,
    /// The due date before the office extended it.
    pub extended_from: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub extension_reason: Option<String>,
    pub replied_on: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub reply: Option<String>,
    pub satisfaction: Option<Satisfaction>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
