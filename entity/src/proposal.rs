//! `proposal` — 人大代表建议 / 政协委员提案 handled by a unit.

use sea_orm::entity::prelude::*;

use crate::enums::{ProposalKind, ProposalStatus, Satisfaction};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "proposal")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: ProposalKind,
    pub number: String,
    pub title: String,
    pub proposer: Option<String>,
    pub handling_unit_id: i32,
    /// The first assignment and its due date: never overwritten (a lawful extension moves the
    /// round's due date, see `proposal_round`).
    pub assigned_on: Date,
    pub due_on: Date,
    /// The first reply: never overwritten by re-handling.
    pub replied_on: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub reply: Option<String>,
    pub status: ProposalStatus,
    /// The latest satisfaction recorded.
    pub satisfaction: Option<Satisfaction>,
    /// The current handling round (1, 2 …) and its due date.
    pub round: i32,
    pub current_due_on: Option<Date>,
    /// Some finished round was replied after its due date.
    pub was_late: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
