//! The handling of a complaint (投诉举报): assigned by the credit office, replied to by the
//! assigned unit, concluded. A substantiated complaint may create its dishonesty record, linked to
//! it, in the same transaction, or name the record that already holds the same conduct (one act,
//! one record). (The public's form is `service::complaint_form`.)

use chrono::{Duration, NaiveDate};
use entity::{
    complaint, credit_record,
    enums::{self, ComplaintStatus as Status, RecordCategory, Severity},
    unit,
};
use sea_orm::{EntityTrait, TransactionTrait};

use super::{save_alone, scope, Actor};
use crate::{
    auth::{
        policy::{
            complaints::{can_read_complaint, can_reply_to_complaint},
            may, reads_depend_on_subtree, Operation,
        },
        Viewer,
    },
    domain::{complaint_rules as rules, record_rules::require_text},
    error::{AppError, AppResult, Reason},
    state::AppState,
    store::{
        record_writer::{write_new_record, NewRecord},
        versioned::{expect_version, save_versioned},
    },
};

/// The dishonesty record a substantiated complaint creates.
pub struct ComplaintRecord {
    pub category: RecordCategory,
    pub severity: Severity,
    pub title: Option<String>,
    pub facts: Option<String>,
}

/// The credit office's conclusion.
pub struct Conclusion {
    pub to: Status,
    pub conclusion: String,
    pub record: Option<ComplaintRecord>,
    /// Instead of a new record: the existing record of the same conduct.
    pub existing_record_id: Option<i32>,
}

async fn in_scope(state: &AppState, viewer: &Viewer, unit: Option<i32>) -> AppResult<bool> {
    match unit {
        Some(unit) => scope::in_subtree(&state.db, viewer, unit).await,
        None => Ok(false),
    }
}

/// The complaint as the actor may see it, at the version they read.
async fn complaint_of(state: &AppState, actor: &Actor<'_>, id: i32, version: i32) -> AppResult<complaint::Model> {
    let viewer = actor.viewer;
    let missing = || AppError::NotFound(Reason::ComplaintNotFound);
    if may(viewer, Operation::ListComplaints).is_err() {
        return Err(missing());
    }
    let row = complaint::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(missing)?;
    let visible = reads_depend_on_subtree(viewer)
        && (in_scope(state, viewer, Some(row.target_unit_id)).await?
            || in_scope(state, viewer, row.assigned_unit_id).await?);
    if !can_read_complaint(viewer, visible) {
        return Err(missing());
    }
    expect_version(row.version, version)?;
    Ok(row)
}

/// The record a substantiated complaint names for the same conduct: a dishonesty record of the
/// complaint's target unit (its own or one of its officials'), not revoked.
async fn existing_record(state: &AppState, id: i32, complaint: &complaint::Model) -> AppResult<i32> {
    let record = credit_record::Entity::find_by_id(id).one(&state.db).await?;
    let record = record.ok_or_else(|| AppError::bad_input("recordId", Reason::UnknownRecord))?;
    if record.polarity != enums::Polarity::Dishonesty || record.unit_id != complaint.target_unit_id {
        return Err(AppError::bad_input("recordId", Reason::RecordNotOfTarget));
    }
    if record.status == enums::RecordStatus::Revoked {
        return Err(AppError::bad_input("recordId", Reason::RecordRevoked));
    }
    Ok(record.id)
}

/// Assigns a received complaint to a unit with a handling deadline (default: the configured days).
pub async fn assign(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    unit_id: i32,
    deadline: Option<NaiveDate>,
) -> AppResult<complaint::Model> {
    may(actor.viewer, Operation::TriageComplaints)?;
    let before = complaint_of(state, actor, id, version).await?;
    rules::check_transition(before.status, Status::Assigned)?;
    let unit = unit::Entity::find_by_id(unit_id).one(&state.db).await?;
    let unit = unit.ok_or_else(|| AppError::bad_input("unitId", Reason::UnknownUnit))?;
    let today = state.clock.today();
    let deadline = match deadline {
        Some(day) if day <= today => return Err(AppError::bad_input("deadline", Reason::NotAfterToday)),
        Some(day) => day,
        None => today + Duration::days(i64::from(state.config.deadlines.complaint_days)),
    };
    let changed = complaint::Model {
        status: Status::Assigned,
        assigned_unit_id: Some(unit.id),
        handling_deadline: Some(deadline),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    save_alone::<complaint::Entity>(state, actor, "complaint.assign", &before, changed).await
}

/// The assigned unit's clerk replies.
pub async fn reply(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    reply: &str,
) -> AppResult<complaint::Model> {
    let viewer = actor.viewer;
    may(viewer, Operation::ReplyToComplaints)?;
    let before = complaint_of(state, actor, id, version).await?;
    can_reply_to_complaint(viewer, &before, in_scope(state, viewer, before.assigned_unit_id).await?)?;
    rules::check_transition(before.status, Status::Replied)?;
    require_text(reply, "reply", 5_000)?;
    let changed = complaint::Model {
        status: Status::Replied,
        reply: Some(reply.trim().to_owned()),
        replied_at: Some(actor.now),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    save_alone::<complaint::Entity>(state, actor, "complaint.reply", &before, changed).await
}

/// Concludes: SUBSTANTIATED (perhaps with its record), UNFOUNDED, or CLOSED.
pub async fn conclude(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    conclusion: Conclusion,
) -> AppResult<(complaint::Model, Option<credit_record::Model>)> {
    let viewer = actor.viewer;
    may(viewer, Operation::TriageComplaints)?;
    let before = complaint_of(state, actor, id, version).await?;
    let to = conclusion.to;
    if !matches!(to, Status::Substantiated | Status::Unfounded | Status::Closed) {
        return Err(AppError::bad_input("status", Reason::NotAnOutcome));
    }
    rules::check_transition(before.status, to)?;
    require_text(&conclusion.conclusion, "conclusion", 5_000)?;
    if conclusion.record.is_some() && to != Status::Substantiated {
        return Err(AppError::bad_input("record", Reason::RecordOnlyWhenSubstantiated));
    }
    let existing = match conclusion.existing_record_id {
        Some(_) if to != Status::Substantiated => {
            return Err(AppError::bad_input("recordId", Reason::RecordOnlyWhenSubstantiated))
        }
        Some(_) if conclusion.record.is_some() => {
            return Err(AppError::bad_input("recordId", Reason::RecordGivenTwice))
        }
        Some(id) => Some(existing_record(state, id, &before).await?),
        None => None,
    };
    let unit_name = scope::unit_short_name(&state.db, before.target_unit_id).await?;
    let new = match conclusion.record {
        Some(spec) => {
            if spec.category == RecordCategory::Commendation {
                return Err(AppError::bad_input("record.category", Reason::ComplaintLeadsToDishonesty));
            }
            let title = spec.title.unwrap_or_else(|| format!("{unit_name}被投诉举报查实"));
            let facts = spec.facts.unwrap_or_else(|| before.content.clone());
            require_text(&title, "record.title", 300)?;
            require_text(&facts, "record.facts", 10_000)?;
            let today = state.clock.today();
            Some(NewRecord {
                subject_type: enums::SubjectType::Unit,
                unit_id: before.target_unit_id,
                official_id: None,
                polarity: enums::Polarity::Dishonesty,
                category: spec.category,
                sector: before.sector,
                severity: spec.severity,
                title,
                facts,
                document_number: None,
                deciding_authority: "德化县社会信用体系建设领导小组办公室".into(),
                occurred_on: before.received_at.date_naive().min(today),
                decided_on: today,
                disclosure: enums::Disclosure::Shared,
                recorded_by_unit_id: viewer.unit_id.unwrap_or(before.target_unit_id),
                sanction: None,
                source: Some(("complaint", before.id)),
            })
        }
        None => None,
    };
    let mut changed = complaint::Model {
        status: to,
        conclusion: Some(conclusion.conclusion.trim().to_owned()),
        record_id: existing.or(before.record_id),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let record = match new {
        Some(new) => {
            let record = write_new_record(&txn, &at, new).await?;
            changed.record_id = Some(record.id);
            Some(record)
        }
        None => None,
    };
    let saved = save_versioned::<complaint::Entity, _>(&txn, &at, "complaint.conclude", &before, changed).await?;
    txn.commit().await?;
    Ok((saved, record))
}
