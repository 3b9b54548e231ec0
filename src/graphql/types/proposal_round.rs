//! `ProposalRound` 办理轮次: one handling of a proposal, from assignment to the proposer's verdict.

use async_graphql::{Context, Object, ID};
use entity::proposal_round;

use super::proposal::Satisfaction;
use crate::{
    domain::proposal_rules::round_is_late,
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{global_id, NodeType},
        scalars::Date,
    },
};

/// One handling round of a proposal: the first, and one more after each unsatisfied answer.
#[derive(Clone)]
pub struct ProposalRound(pub proposal_round::Model);

/// One handling round of a proposal: the first, and one more after each unsatisfied answer.
#[Object(visible = "crate::graphql::visibility::list_proposals")]
impl ProposalRound {
    /// The round's id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::ProposalRound, self.0.id)
    }

    /// 1 for the first handling, 2 after the first unsatisfied answer …
    async fn number(&self) -> i32 {
        self.0.number
    }

    /// When this round was assigned to the unit.
    async fn assigned_on(&self) -> Date {
        Date(self.0.assigned_on)
    }

    /// The reply was due by this day (after any extension).
    async fn due_on(&self) -> Date {
        Date(self.0.due_on)
    }

    /// The due date before the office extended it.
    async fn extended_from(&self) -> Option<Date> {
        self.0.extended_from.map(Date)
    }

    /// Why the office extended it (a complex matter, up to six months).
    async fn extension_reason(&self) -> Option<&str> {
        self.0.extension_reason.as_deref()
    }

    /// When the unit replied in this round.
    async fn replied_on(&self) -> Option<Date> {
        self.0.replied_on.map(Date)
    }

    /// The unit's reply in this round.
    async fn reply(&self) -> Option<&str> {
        self.0.reply.as_deref()
    }

    /// The proposer's satisfaction with this round's reply.
    async fn satisfaction(&self) -> Option<Satisfaction> {
        self.0.satisfaction.map(Into::into)
    }

    /// Replied after its due date, or still unreplied after it.
    async fn is_late(&self, ctx: &Context<'_>) -> AppResult<bool> {
        Ok(round_is_late(self.0.due_on, self.0.replied_on, ctx.state()?.clock.today()))
    }
}
