//! People's Congress suggestions and CPPCC proposals (建议提案): registered by the credit office,
//! replied to by the handling unit, with the proposer's satisfaction recorded. Every handling round
//! is a `proposal_round`: re-handling after an unsatisfied answer adds one and overwrites nothing;
//! the office may extend the open round's due date, with a reason, up to six months.

use chrono::NaiveDate;
use entity::{
    enums::{ProposalKind, ProposalStatus as Status, Satisfaction},
    proposal::{self, Column},
    proposal_round, unit,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::{scope, Actor};
use crate::{
    auth::policy::{
        may,
        proposals::{can_read_proposal, can_reply_to_proposal},
        reads_depend_on_subtree, Operation,
    },
    domain::{proposal_rules as rules, record_rules::require_text},
    error::{text_problem, AppError, AppResult, FieldChecks, Reason},
    state::AppState,
    store::versioned::{expect_version, insert_audited, save_versioned},
};

/// A proposal to register.
pub struct NewProposal {
    pub kind: ProposalKind,
    pub number: String,
    pub title: String,
    pub proposer: Option<String>,
    pub handling_unit_id: i32,
    pub assigned_on: Option<NaiveDate>,
    /// Default: three months after the assignment.
    pub due_on: Option<NaiveDate>,
    /// Needed for a due date beyond three months (at most six).
    pub extension_reason: Option<String>,
}

/// The proposal as the actor may see it, at the version they read.
async fn proposal_of(state: &AppState, actor: &Actor<'_>, id: i32, version: i32) -> AppResult<proposal::Model> {
    let viewer = actor.viewer;
    let missing = || AppError::NotFound(Reason::ProposalNotFound);
    if may(viewer, Operation::ListProposals).is_err() {
        return Err(missing());
    }
    let row = proposal::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(missing)?;
    let in_scope =
        reads_depend_on_subtree(viewer) && scope::in_subtree(&state.db, viewer, row.handling_unit_id).await?;
    if !can_read_proposal(viewer, in_scope) {
        return Err(missing());
    }
    expect_version(row.version, version)?;
    Ok(row)
}

/// Registers a suggestion or proposal with its handling unit and due date.
pub async fn register(state: &AppState, actor: &Actor<'_>, new: NewProposal) -> AppResult<proposal::Model> {
    may(actor.viewer, Operation::ManageProposals)?;
    let mut checks = FieldChecks::new();
    checks
        .note("number", text_problem(&new.number, 32))
        .note("title", text_problem(&new.title, 300))
        .note("proposer", new.proposer.as_deref().and_then(|proposer| text_problem(proposer, 100)));
    let unit = unit::Entity::find_by_id(new.handling_unit_id).one(&state.db).await?;
    checks.refuse_if(unit.is_none(), "handlingUnitId", Reason::UnknownUnit);
    let assigned_on = new.assigned_on.unwrap_or(state.clock.today());
    let due = checks.take(rules::round_due(assigned_on, new.due_on, new.extension_reason.as_deref(), "dueOn"))?;
    let number = new.number.trim().to_owned();
    let taken = proposal::Entity::find().filter(Column::Kind.eq(new.kind)).filter(Column::Number.eq(number.as_str()));
    checks.refuse_if(!checks.has("number") && taken.count(&state.db).await? > 0, "number", Reason::NumberTaken);
    checks.finish()?;
    let (unit, (due_on, extension_reason)) = (FieldChecks::passed(unit)?, FieldChecks::passed(due)?);
    let row = proposal::ActiveModel {
        kind: Set(new.kind),
        number: Set(number),
        title: Set(new.title.trim().to_owned()),
        proposer: Set(new.proposer.map(|p| p.trim().to_owned())),
        handling_unit_id: Set(unit.id),
        assigned_on: Set(assigned_on),
        due_on: Set(due_on),
        status: Set(Status::Assigned),
        round: Set(1),
        current_due_on: Set(Some(due_on)),
        was_late: Set(false),
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
    let first = new_round(&saved, 1, assigned_on, due_on, extension_reason, actor);
    insert_audited::<proposal_round::Entity, _>(&txn, &at, "proposal_round.open", first).await?;
    txn.commit().await?;
    Ok(saved)
}

/// The handling unit's clerk replies to the open round (a reply after its due date makes the
/// proposal late for good). The first reply stays the proposal's `reply`.
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
    let round = open_round(state, &before).await?;
    let today = state.clock.today();
    let text = reply.trim().to_owned();
    let changed = proposal::Model {
        status: Status::Replied,
        reply: before.reply.clone().or_else(|| Some(text.clone())),
        replied_on: before.replied_on.or(Some(today)),
        was_late: before.was_late || rules::round_is_late(round.due_on, Some(today), today),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let answered = proposal_round::Model {
        reply: Some(text),
        replied_on: Some(today),
        version: round.version + 1,
        updated_at: actor.now,
        ..round.clone()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = save_versioned::<proposal::Entity, _>(&txn, &at, "proposal.reply", &before, changed).await?;
    save_versioned::<proposal_round::Entity, _>(&txn, &at, "proposal_round.reply", &round, answered).await?;
    txn.commit().await?;
    Ok(saved)
}

/// The office extends the open round's due date: later than now due, at most six months after
/// the round's assignment, with a reason.
pub async fn extend(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    due_on: NaiveDate,
    reason: &str,
) -> AppResult<proposal::Model> {
    may(actor.viewer, Operation::ManageProposals)?;
    let before = proposal_of(state, actor, id, version).await?;
    if before.status != Status::Assigned {
        return Err(AppError::InvalidTransition(Reason::RoundNotOpen));
    }
    let round = open_round(state, &before).await?;
    rules::check_extension(round.assigned_on, round.due_on, due_on, reason)?;
    let changed = proposal::Model {
        current_due_on: Some(due_on),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let extended = proposal_round::Model {
        due_on,
        extended_from: round.extended_from.or(Some(round.due_on)),
        extension_reason: Some(reason.trim().to_owned()),
        version: round.version + 1,
        updated_at: actor.now,
        ..round.clone()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = save_versioned::<proposal::Entity, _>(&txn, &at, "proposal.extend", &before, changed).await?;
    save_versioned::<proposal_round::Entity, _>(&txn, &at, "proposal_round.extend", &round, extended).await?;
    txn.commit().await?;
    Ok(saved)
}

/// The proposal's open (latest) round.
async fn open_round(state: &AppState, proposal: &proposal::Model) -> AppResult<proposal_round::Model> {
    proposal_round::Entity::find()
        .filter(proposal_round::Column::ProposalId.eq(proposal.id))
        .filter(proposal_round::Column::Number.eq(proposal.round))
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::Internal(format!("proposal {} has no round {}", proposal.id, proposal.round)))
}

fn new_round(
    proposal: &proposal::Model,
    number: i32,
    assigned_on: NaiveDate,
    due_on: NaiveDate,
    extension_reason: Option<String>,
    actor: &Actor<'_>,
) -> proposal_round::ActiveModel {
    let extended_from = extension_reason.is_some().then(|| rules::default_due(assigned_on));
    proposal_round::ActiveModel {
        proposal_id: Set(proposal.id),
        number: Set(number),
        assigned_on: Set(assigned_on),
        due_on: Set(due_on),
        extended_from: Set(extended_from),
        extension_reason: Set(extension_reason),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    }
}

/// Records the proposer's satisfaction with the open round's reply: satisfied (or basically)
/// closes the proposal; unsatisfied opens a new round with the unit (due in three months, or
/// earlier if given), leaving the earlier rounds as they were.
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
    let today = state.clock.today();
    let next_due = match new_due_on {
        Some(_) if to != Status::Assigned => return Err(AppError::bad_input("newDueOn", Reason::OnlyWhenUnsatisfied)),
        Some(day) if day <= today => return Err(AppError::bad_input("newDueOn", Reason::NotAfterToday)),
        asked => rules::round_due(today, asked, None, "newDueOn")?.0,
    };
    let round = open_round(state, &before).await?;
    let reopened = to == Status::Assigned;
    let changed = proposal::Model {
        status: to,
        satisfaction: Some(satisfaction),
        round: if reopened { before.round + 1 } else { before.round },
        current_due_on: if reopened { Some(next_due) } else { before.current_due_on },
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let judged = proposal_round::Model {
        satisfaction: Some(satisfaction),
        version: round.version + 1,
        updated_at: actor.now,
        ..round.clone()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = save_versioned::<proposal::Entity, _>(&txn, &at, "proposal.satisfaction", &before, changed).await?;
    save_versioned::<proposal_round::Entity, _>(&txn, &at, "proposal_round.satisfaction", &round, judged).await?;
    if reopened {
        let next = new_round(&saved, saved.round, today, next_due, None, actor);
        insert_audited::<proposal_round::Entity, _>(&txn, &at, "proposal_round.open", next).await?;
    }
    txn.commit().await?;
    Ok(saved)
}
