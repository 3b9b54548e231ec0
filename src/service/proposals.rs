//! People's Congress suggestions and CPPCC proposals (建议提案): registered by the credit office,
//! replied to by the handling unit, with the proposer's satisfaction recorded.

use chrono::NaiveDate;
use entity::{
    enums::{ProposalKind, ProposalStatus as Status, Satisfaction},
    proposal::{self, Column},
    unit,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::{save_alone, scope, Actor};
use crate::{
    auth::policy::{
        may,
        proposals::{can_read_proposal, can_reply_to_proposal},
        reads_depend_on_subtree, Operation,
    },
    domain::{proposal_rules as rules, record_rules::require_text},
    error::{AppError, AppResult},
    state::AppState,
    store::versioned::{expect_version, insert_audited},
};

/// A proposal to register.
pub struct NewProposal {
    pub kind: ProposalKind,
    pub number: String,
    pub title: String,
    pub proposer: Option<String>,
    pub handling_unit_id: i32,
    pub assigned_on: Option<NaiveDate>,
    pub due_on: NaiveDate,
}

/// The proposal as the actor may see it, at the version they read.
async fn proposal_of(state: &AppState, actor: &Actor<'_>, id: i32, version: i32) -> AppResult<proposal::Model> {
    let viewer = actor.viewer;
    let missing = || AppError::not_found("proposal");
    if may(viewer, Operation::ListProposals).is_err() {
        return Err(missing());
    }
    let row = proposal::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(missing)?;
    let in_scope =
        reads_depend_on_subtree(viewer) && scope::in_subtree(&state.db, viewer, row.handling_unit_id).await?;
    if !can_read_proposal(viewer, in_scope) {
        return Err(missing());
    }
    expect_version("proposal", row.version, version)?;
    Ok(row)
}

/// Registers a suggestion or proposal with its handling unit and due date.
pub async fn register(state: &AppState, actor: &Actor<'_>, new: NewProposal) -> AppResult<proposal::Model> {
    may(actor.viewer, Operation::ManageProposals)?;
    require_text(&new.number, "number", 32)?;
    require_text(&new.title, "title", 300)?;
    if let Some(proposer) = &new.proposer {
        require_text(proposer, "proposer", 100)?;
    }
    let unit = unit::Entity::find_by_id(new.handling_unit_id).one(&state.db).await?;
    let unit = unit.ok_or_else(|| AppError::bad_input("handlingUnitId", "no such unit"))?;
    let assigned_on = new.assigned_on.unwrap_or(state.clock.today());
    if new.due_on < assigned_on {
        return Err(AppError::bad_input("dueOn", "must not be before assignedOn"));
    }
    let number = new.number.trim().to_owned();
    let taken = proposal::Entity::find().filter(Column::Kind.eq(new.kind)).filter(Column::Number.eq(number.as_str()));
    if taken.count(&state.db).await? > 0 {
        return Err(AppError::bad_input("number", "already registered for this kind"));
    }
    let row = proposal::ActiveModel {
        kind: Set(new.kind),
        number: Set(number),
        title: Set(new.title.trim().to_owned()),
        proposer: Set(new.proposer.map(|p| p.trim().to_owned())),
        handling_unit_id: Set(unit.id),
        assigned_on: Set(assigned_on),
        due_on: Set(new.due_on),
        status: Set(Status::Assigned),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    // Every transaction writes before it reads (SQLite upgrades a reading transaction to a
    // writing one only if nobody wrote meanwhile); a concurrent twin meets the unique index.
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = insert_audited::<proposal::Entity, _>(&txn, &at, "proposal.register", row).await?;
    txn.commit().await?;
    Ok(saved)
}

/// The handling unit's clerk replies (a reply after the due date shows as late).
pub async fn reply(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    reply: &str,
) -> AppResult<proposal::Model> {
    let viewer = actor.viewer;
    may(viewer, Operation::ReplyToProposals)?;
    let before = proposal_of(state, actor, id, version).await?;
    can_reply_to_proposal(viewer, scope::in_subtree(&state.db, viewer, before.handling_unit_id).await?)?;
    rules::check_transition(before.status, Status::Replied)?;
    require_text(reply, "reply", 10_000)?;
    let changed = proposal::Model {
        status: Status::Replied,
        reply: Some(reply.trim().to_owned()),
        replied_on: Some(state.clock.today()),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    save_alone::<proposal::Entity>(state, actor, "proposal.reply", &before, changed).await
}

/// Records the proposer's satisfaction: satisfied (or basically) closes the proposal, unsatisfied
/// sends it back to the unit, perhaps with a new due date.
pub async fn record_satisfaction(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    satisfaction: Satisfaction,
    new_due_on: Option<NaiveDate>,
) -> AppResult<proposal::Model> {
    may(actor.viewer, Operation::ManageProposals)?;
    let before = proposal_of(state, actor, id, version).await?;
    let to = rules::after_satisfaction(satisfaction);
    rules::check_transition(before.status, to)?;
    let due_on = match new_due_on {
        Some(_) if to != Status::Assigned => return Err(AppError::bad_input("newDueOn", "only with UNSATISFIED")),
        Some(day) if day <= state.clock.today() => return Err(AppError::bad_input("newDueOn", "must be after today")),
        Some(day) => day,
        None => before.due_on,
    };
    let changed = proposal::Model {
        status: to,
        satisfaction: Some(satisfaction),
        due_on,
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    save_alone::<proposal::Entity>(state, actor, "proposal.satisfaction", &before, changed).await
}
