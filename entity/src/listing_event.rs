//! `listing_event` — a 失信被执行人 listing's extension (延长期限) or removal (移出名单) by the court.

use sea_orm::entity::prelude::*;

use crate::enums::{ListingEventKind, ListingRemovalGrounds};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "listing_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub record_id: i32,
    pub kind: ListingEventKind,
    /// An extension: by how many years (1 to 3 in all).
    pub years: Option<i32>,
    /// An extension's reason, or a removal's remarks.
    #[sea_orm(column_type = "Text")]
    pub reason: Option<String>,
    /// A removal: its grounds, and the day they arose.
    pub grounds: Option<ListingRemovalGrounds>,
    pub grounds_on: Option<Date>,
    /// The day it took effect (the extension's decision, or the removal).
    pub effective_on: Date,
    /// A removal recorded more than 3 working days after its grounds arose.
    pub late: bool,
    pub by_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
