//! `registerProposal`, `replyToProposal`, `recordProposalSatisfaction`: People's Congress
//! suggestions and CPPCC proposals handled by units, with late replies visible as such.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use entity::{
    enums::ProposalStatus as Stored,
    proposal::{self, Column},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::shared::{existing_unit, in_scope};
use crate::{
    auth::policy::{may, proposals::can_reply_to_proposal, Operation},
    domain::{proposal_rules as rules, record_rules::require_text},
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_proposal,
        scalars::Date,
        types::{
            proposal::{ProposalKind, Satisfaction},
            Proposal,
        },
    },
    store::versioned::{expect_version, insert_audited, save_versioned},
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
    /// The reply is due by this day (not before `assignedOn`).
    pub due_on: Date,
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
    /// With UNSATISFIED: a new due date for the second reply (after today).
    pub new_due_on: Option<Date>,
}

/// The proposal as saved.
#[derive(SimpleObject)]
pub struct ProposalPayload {
    /// The proposal.
    pub proposal: Proposal,
}

async fn proposal_of(ctx: &Context<'_>, id: &ID, version: i32) -> AppResult<proposal::Model> {
    let row = expect_id(id, NodeType::Proposal, "input.id")?;
    let Proposal(model) = load_proposal(ctx, row).await?.ok_or_else(|| AppError::not_found("proposal"))?;
    expect_version("proposal", model.version, version)?;
    Ok(model)
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
    ) -> Result<ProposalPayload> {
        let state = ctx.state()?;
        may(ctx.viewer()?, Operation::ManageProposals)?;
        require_text(&input.number, "input.number", 32)?;
        require_text(&input.title, "input.title", 300)?;
        if let Some(proposer) = &input.proposer {
            require_text(proposer, "input.proposer", 100)?;
        }
        let unit = existing_unit(&state.db, &input.handling_unit_id, "input.handlingUnitId").await?;
        let assigned_on = input.assigned_on.map_or(state.clock.today(), |d| d.0);
        if input.due_on.0 < assigned_on {
            return Err(AppError::bad_input("input.dueOn", "must not be before assignedOn").into());
        }
        let kind: entity::enums::ProposalKind = input.kind.into();
        let number = input.number.trim().to_owned();
        let taken = proposal::Entity::find()
            .filter(Column::Kind.eq(kind))
            .filter(Column::Number.eq(number.as_str()))
            .count(&state.db)
            .await
            .map_err(AppError::from)?;
        if taken > 0 {
            return Err(AppError::bad_input("input.number", "already registered for this kind").into());
        }
        let at = ctx.write_context()?;
        let row = proposal::ActiveModel {
            kind: Set(kind),
            number: Set(number),
            title: Set(input.title.trim().to_owned()),
            proposer: Set(input.proposer.map(|p| p.trim().to_owned())),
            handling_unit_id: Set(unit.id),
            assigned_on: Set(assigned_on),
            due_on: Set(input.due_on.0),
            status: Set(Stored::Assigned),
            version: Set(1),
            created_at: Set(at.now),
            updated_at: Set(at.now),
            ..Default::default()
        };
        // Every transaction writes before it reads (SQLite upgrades a reading transaction to a
        // writing one only if nobody wrote meanwhile); a concurrent twin meets the unique index.
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved = insert_audited::<proposal::Entity, _>(&txn, &at, "proposal.register", row).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(ProposalPayload { proposal: Proposal(saved) })
    }

    /// The handling unit's clerk replies (a reply after the due date shows as late).
    #[graphql(visible = "crate::graphql::visibility::reply_to_proposals")]
    async fn reply_to_proposal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The reply.")] input: ReplyToProposalInput,
    ) -> Result<ProposalPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::ReplyToProposals)?;
        let before = proposal_of(ctx, &input.id, input.version).await?;
        can_reply_to_proposal(viewer, in_scope(ctx, before.handling_unit_id).await?)?;
        rules::check_transition(before.status, Stored::Replied)?;
        require_text(&input.reply, "input.reply", 10_000)?;
        let at = ctx.write_context()?;
        let changed = proposal::Model {
            status: Stored::Replied,
            reply: Some(input.reply.trim().to_owned()),
            replied_on: Some(state.clock.today()),
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved = save_versioned::<proposal::Entity, _>(&txn, &at, "proposal.reply", &before, changed).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(ProposalPayload { proposal: Proposal(saved) })
    }

    /// The credit office records the proposer's satisfaction with a reply: satisfied (or
    /// basically) closes it, unsatisfied sends it back to the unit for a second reply.
    #[graphql(visible = "crate::graphql::visibility::manage_proposals")]
    async fn record_proposal_satisfaction(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The satisfaction.")] input: RecordProposalSatisfactionInput,
    ) -> Result<ProposalPayload> {
        let state = ctx.state()?;
        may(ctx.viewer()?, Operation::ManageProposals)?;
        let before = proposal_of(ctx, &input.id, input.version).await?;
        let satisfaction: entity::enums::Satisfaction = input.satisfaction.into();
        let to = rules::after_satisfaction(satisfaction);
        rules::check_transition(before.status, to)?;
        let due_on = match input.new_due_on {
            Some(_) if to != Stored::Assigned => {
                return Err(AppError::bad_input("input.newDueOn", "only with UNSATISFIED").into())
            }
            Some(day) if day.0 <= state.clock.today() => {
                return Err(AppError::bad_input("input.newDueOn", "must be after today").into())
            }
            Some(day) => day.0,
            None => before.due_on,
        };
        let at = ctx.write_context()?;
        let changed = proposal::Model {
            status: to,
            satisfaction: Some(satisfaction),
            due_on,
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved = save_versioned::<proposal::Entity, _>(&txn, &at, "proposal.satisfaction", &before, changed).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(ProposalPayload { proposal: Proposal(saved) })
    }
}
