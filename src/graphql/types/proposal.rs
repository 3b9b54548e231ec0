//! `Proposal` 人大代表建议 / 政协委员提案.

use crate::error::AppResult;
use async_graphql::{Context, Enum, Object, ID};
use entity::proposal;

use super::{ProposalRound, Unit};
use crate::{
    domain::proposal_rules::is_late,
    graphql::{
        connection::connection_types,
        context::ContextExt,
        ids::{global_id, NodeType},
        scalars::{Date, DateTime},
    },
};

/// Whose proposal.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ProposalKind")]
pub enum ProposalKind {
    /// 人大代表建议: a People's Congress deputy's suggestion.
    NpcSuggestion,
    /// 政协委员提案: a CPPCC member's proposal.
    CppccProposal,
}

/// Where a proposal stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ProposalStatus")]
pub enum ProposalStatus {
    /// With the handling unit, awaiting its reply.
    Assigned,
    /// Replied; awaiting the proposer's satisfaction.
    Replied,
    /// Closed with the proposer satisfied or basically satisfied.
    Closed,
}

/// The proposer's satisfaction with the reply.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Satisfaction")]
pub enum Satisfaction {
    /// 满意.
    Satisfied,
    /// 基本满意.
    BasicallySatisfied,
    /// 不满意: the unit handles it again.
    Unsatisfied,
}

/// A deputy's suggestion or a CPPCC member's proposal handled by a unit (plan task 2.3.2).
#[derive(Clone)]
pub struct Proposal(pub proposal::Model);

/// A deputy's suggestion or a CPPCC member's proposal handled by a unit (plan task 2.3.2).
#[Object]
impl Proposal {
    /// The proposal's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::Proposal, self.0.id)
    }

    /// Suggestion or proposal.
    async fn kind(&self) -> ProposalKind {
        self.0.kind.into()
    }

    /// Its number (e.g. `第12号`), unique per kind.
    async fn number(&self) -> &str {
        &self.0.number
    }

    /// Its title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The deputy or member who made it.
    async fn proposer(&self) -> Option<&str> {
        self.0.proposer.as_deref()
    }

    /// The unit that handles it.
    async fn handling_unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.handling_unit_id).await?))
    }

    /// When it was first assigned.
    async fn assigned_on(&self) -> Date {
        Date(self.0.assigned_on)
    }

    /// The first round's due date, as registered (never moved by re-handling).
    async fn due_on(&self) -> Date {
        Date(self.0.due_on)
    }

    /// The open (or last) round's due date, after any extension.
    async fn current_due_on(&self) -> Date {
        Date(self.0.current_due_on.unwrap_or(self.0.due_on))
    }

    /// When the unit first replied (later replies are in `rounds`).
    async fn replied_on(&self) -> Option<Date> {
        self.0.replied_on.map(Date)
    }

    /// The unit's first reply (later replies are in `rounds`).
    async fn reply(&self) -> Option<&str> {
        self.0.reply.as_deref()
    }

    /// The current handling round: 1, then one more after each unsatisfied answer.
    async fn round(&self) -> i32 {
        self.0.round
    }

    /// Every handling round, first to last.
    #[graphql(visible = "crate::graphql::visibility::list_proposals")]
    async fn rounds(&self, ctx: &Context<'_>) -> AppResult<Vec<ProposalRound>> {
        let rows = ctx.loaders()?.proposal_rounds().load_one(self.0.id).await?.unwrap_or_default();
        Ok(rows.into_iter().map(ProposalRound).collect())
    }

    /// Where it stands.
    async fn status(&self) -> ProposalStatus {
        self.0.status.into()
    }

    /// The proposer's latest satisfaction, once recorded.
    async fn satisfaction(&self) -> Option<Satisfaction> {
        self.0.satisfaction.map(Into::into)
    }

    /// Late: some round was replied after its due date, or the open round is unreplied past it.
    /// A late round stays late after re-handling.
    async fn is_late(&self, ctx: &Context<'_>) -> AppResult<bool> {
        Ok(is_late(&self.0, ctx.state()?.clock.today()))
    }

    /// Send back with the next change.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was registered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(ProposalConnection, ProposalEdge, Proposal, "proposals");
