//! `ListingEvent`: a 失信被执行人 listing's extension or its removal by the court.

use async_graphql::{Enum, Object, ID};
use entity::listing_event;

use crate::graphql::{
    ids::{global_id, NodeType},
    scalars::{Date, DateTime},
};

/// What the court did to a listing.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ListingEventKind")]
pub enum ListingEventKind {
    /// The term was extended (延长公布期限).
    Extension,
    /// The listing was removed (移出名单).
    Removal,
}

/// Why the court removed a listing (法释〔2017〕7号 art. 10).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ListingRemovalGrounds")]
pub enum ListingRemovalGrounds {
    /// The obligation in the judgment was performed (履行完毕).
    ObligationPerformed,
    /// A settlement was reached and performed (执行和解履行完毕).
    SettlementPerformed,
    /// The creditor asked for the removal (申请执行人申请).
    CreditorRequest,
    /// Enforcement ended, or a ruling said not to enforce (终结执行、裁定不予执行).
    EnforcementEnded,
    /// The listing term expired (期限届满).
    TermExpired,
}

/// A listing's extension or removal, as the court recorded it.
#[derive(Clone)]
pub struct ListingEvent(pub listing_event::Model);

/// A listing's extension or removal, as the court recorded it.
#[Object(visible = "crate::graphql::visibility::list_credit_records")]
impl ListingEvent {
    /// The event's id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::ListingEvent, self.0.id)
    }

    /// Extension or removal.
    async fn kind(&self) -> ListingEventKind {
        self.0.kind.into()
    }

    /// An extension: by how many years.
    async fn years(&self) -> Option<i32> {
        self.0.years
    }

    /// An extension's reason, or a removal's remarks.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }

    /// A removal: its grounds.
    async fn grounds(&self) -> Option<ListingRemovalGrounds> {
        self.0.grounds.map(Into::into)
    }

    /// A removal: the day its grounds arose.
    async fn grounds_on(&self) -> Option<Date> {
        self.0.grounds_on.map(Date)
    }

    /// The day it took effect.
    async fn effective_on(&self) -> Date {
        Date(self.0.effective_on)
    }

    /// A removal recorded more than 3 working days after its grounds arose (法释〔2017〕7号
    /// art. 10).
    async fn late(&self) -> bool {
        self.0.late
    }

    /// When it was recorded.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}
