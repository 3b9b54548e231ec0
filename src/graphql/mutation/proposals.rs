//! `registerProposal`, `replyToProposal`, `recordProposalSatisfaction`: People's Congress
//! suggestions and CPPCC proposals handled by units, with late replies visible as such.

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::{
            proposal::{ProposalKind, Satisfaction},
            Proposal,
        },
    },
    service::proposals::{self, NewProposal},
};

/// A proposal to register.
#[derive(InputObject)]
pub struct RegisterProposalInput {
    /// Suggestion or proposal.
    pub kind: ProposalKind,
    /// Its number (unique per kind, at most 32 characters).
    pub number: String,
    /// Its title (at most 300 characters).
    pub title: String,
    /// The deputy or member (at most 100 characters).
    pub proposer: Option<String>,
    /// The unit that handles it.
    pub handling_unit_id: ID,
    /// When it was assigned (default today).
    pub assigned_on: Option<Date>,
    /// The reply is due by this day: default three months after `assignedOn`; later, up to six
    /// months, only with `extensionReason`; anything later is refused.
    pub due_on: Option<Date>,
    /// Why a complex matter gets more than three months (涉及面广、处理难度大).
    pub extension_reason: Option<String>,
}

/// The office's extension of the open round.
#[derive(InputObject)]
pub struct ExtendProposalDeadlineInput {
    /// The proposal.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// The new due date: after the current one, at most six months after the round's assignment.
    pub due_on: Date,
    /// Why (at most 1000 characters).
    pub reason: String,
}

/// The handling unit's reply.
#[derive(InputObject)]
pub struct ReplyToProposalInput {
    /// The proposal.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// The reply (at most 10000 characters).
    pub reply: String,
}

/// The proposer's satisfaction.
#[derive(InputObject)]
pub struct RecordProposalSatisfactionInput {
    /// The proposal.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// SATISFIED or BASICALLY_SATISFIED closes it; UNSATISFIED sends it back to the unit.
    pub satisfaction: Satisfaction,
    /// With UNSATISFIED: the new round's due date (after today, at most three months; default three
    /// months — a longer one by `extendProposalDeadline`).
    pub new_due_on: Option<Date>,
}

/// The proposal as saved.
#[derive(SimpleObject)]
pub struct ProposalPayload {
    /// The proposal.
    pub proposal: Proposal,
}

#[derive(Default)]
pub struct ProposalMutation;

#[Object]
impl ProposalMutation {
    /// The credit office registers a suggestion or proposal with its handling unit and due date.
    #[graphql(visible = "crate::graphql::visibility::manage_proposals")]
    async fn register_proposal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The proposal.")] input: RegisterProposalInput,
    ) -> AppResult<ProposalPayload> {
        let new = NewProposal {
            kind: input.kind.into(),
            number: input.number,
            title: input.title,
            proposer: input.proposer,
            handling_unit_id: expect_id(&input.handling_unit_id, NodeType::Unit, "input.handlingUnitId")?,
            assigned_on: input.assigned_on.map(|d| d.0),
            due_on: input.due_on.map(|d| d.0),
            extension_reason: input.extension_reason,
        };
        let saved = proposals::register(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(ProposalPayload { proposal: Proposal(saved) })
    }

    /// The office extends the open round's due date for a complex matter, with a reason (at most
    /// six months after the round's assignment). Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_proposals")]
    async fn extend_proposal_deadline(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The extension.")] input: ExtendProposalDeadlineInput,
    ) -> AppResult<ProposalPayload> {
        let id = expect_id(&input.id, NodeType::Proposal, "input.id")?;
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let saved = proposals::extend(state, &actor, id, input.version, input.due_on.0, &input.reason).await?;
        Ok(ProposalPayload { proposal: Proposal(saved) })
    }

    /// The handling unit's clerk replies to the open round (a reply after its due date makes the
    /// proposal late for good; the first reply stays the proposal's `reply`).
    #[graphql(visible = "crate::graphql::visibility::reply_to_proposals")]
    async fn reply_to_proposal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The reply.")] input: ReplyToProposalInput,
    ) -> AppResult<ProposalPayload> {
        let id = expect_id(&input.id, NodeType::Proposal, "input.id")?;
        let saved = proposals::reply(ctx.state()?, &ctx.actor()?, id, input.version, &input.reply).await?;
        Ok(ProposalPayload { proposal: Proposal(saved) })
    }

    /// The credit office records the proposer's satisfaction with a reply: satisfied (or
    /// basically) closes it, unsatisfied opens a new handling round with the unit; earlier rounds
    /// stay as they were.
    #[graphql(visible = "crate::graphql::visibility::manage_proposals")]
    async fn record_proposal_satisfaction(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The satisfaction.")] input: RecordProposalSatisfactionInput,
    ) -> AppResult<ProposalPayload> {
        let id = expect_id(&input.id, NodeType::Proposal, "input.id")?;
        let (satisfaction, due) = (input.satisfaction.into(), input.new_due_on.map(|d| d.0));
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let saved = proposals::record_satisfaction(state, &actor, id, input.version, satisfaction, due).await?;
        Ok(ProposalPayload { proposal: Proposal(saved) })
    }
}
