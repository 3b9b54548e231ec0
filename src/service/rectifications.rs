//! Rectification of a dishonesty record by a deadline (整改): open, submit, review, and the
//! court's removal of a 失信被执行人 listing. The record follows — ACTIVE → RECTIFYING on opening,
//! → RECTIFIED on acceptance — each change audited and pushed in the same transaction.

use chrono::NaiveDate;
use entity::{
    credit_record,
    enums::{ListingResolution, RecordStatus, RectificationStatus as Status},
    rectification,
};
use sea_orm::{ActiveEnum, EntityTrait, Set, TransactionTrait};

use super::{save_alone, scope, Actor};
use crate::{
    auth::policy::{
        may,
        workflows::{can_manage_rectification, can_record_court_removal, can_submit_rectification},
        Operation,
    },
    domain::{record_rules::require_text, rectification_rules as rules},
    error::{AppError, AppResult, Reason},
    state::AppState,
    store::{
        record_writer::write_record_change,
        versioned::{expect_version, insert_audited, save_versioned},
    },
};

/// The unit's submission.
pub struct Submission {
    pub cause: String,
    pub plan: String,
    pub completion: String,
    pub resolution: Option<ListingResolution>,
}

/// A reviewer's verdict: accept, or reject with reasons and perhaps a new deadline.
pub struct Review {
    pub accept: bool,
    pub note: Option<String>,
    pub new_deadline: Option<NaiveDate>,
}

/// The rectification and its record as the actor may see them, at the version they read.
async fn rectification_of(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
) -> AppResult<(rectification::Model, credit_record::Model)> {
    let row = rectification::Entity::find_by_id(id).one(&state.db).await?;
    let row = row.ok_or(AppError::NotFound(Reason::RectificationNotFound))?;
    let record = scope::workflow_record(
        &state.db,
        actor.viewer,
        row.record_id,
        state.clock.today(),
        Reason::RectificationNotFound,
    );
    let record = record.await?;
    expect_version(row.version, version)?;
    Ok((row, record))
}

/// Opens a rectification of an ACTIVE dishonesty record; the record becomes RECTIFYING.
pub async fn open(
    state: &AppState,
    actor: &Actor<'_>,
    record_id: i32,
    record_version: i32,
    deadline: NaiveDate,
) -> AppResult<(rectification::Model, credit_record::Model)> {
    let viewer = actor.viewer;
    may(viewer, Operation::ManageRectifications)?;
    let record = scope::visible_record(&state.db, viewer, record_id, state.clock.today()).await?;
    can_manage_rectification(viewer, &record)?;
    expect_version(record.version, record_version)?;
    rules::check_open(record.polarity, record.status, deadline, state.clock.today())?;
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let changed = credit_record::Model { status: RecordStatus::Rectifying, ..record.clone() };
    let record = write_record_change(&txn, &at, "credit_record.rectifying", &record, changed, None).await?;
    let row = rectification::ActiveModel {
        record_id: Set(record.id),
        deadline: Set(deadline),
        status: Set(Status::Pending),
        opened_by_user_id: Set(viewer.user_id),
        accountability_flagged: Set(false),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    let opened = insert_audited::<rectification::Entity, _>(&txn, &at, "rectification.open", row).await?;
    txn.commit().await?;
    Ok((opened, record))
}

/// The unit's clerk submits cause, plan and completion (again after a rejection, or late).
pub async fn submit(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    submission: Submission,
) -> AppResult<rectification::Model> {
    may(actor.viewer, Operation::SubmitRectifications)?;
    let (before, record) = rectification_of(state, actor, id, version).await?;
    can_submit_rectification(actor.viewer, scope::in_subtree(&state.db, actor.viewer, record.unit_id).await?)?;
    rules::check_transition(before.status, Status::Submitted)?;
    let Submission { cause, plan, completion, resolution } = submission;
    rules::check_submission(record.category, &cause, &plan, &completion, resolution)?;
    let changed = rectification::Model {
        cause: Some(cause.trim().to_owned()),
        plan: Some(plan.trim().to_owned()),
        completion: Some(completion.trim().to_owned()),
        resolution,
        submitted_on: Some(state.clock.today()),
        status: Status::Submitted,
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    save_alone::<rectification::Entity>(state, actor, "rectification.submit", &before, changed).await
}

/// Accepts (the record becomes RECTIFIED; a listing needs the court's removal first) or rejects.
pub async fn review(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    review: Review,
) -> AppResult<(rectification::Model, Option<credit_record::Model>)> {
    let viewer = actor.viewer;
    may(viewer, Operation::ManageRectifications)?;
    let (before, record) = rectification_of(state, actor, id, version).await?;
    can_manage_rectification(viewer, &record)?;
    let today = state.clock.today();
    let to = if review.accept { Status::Accepted } else { Status::Rejected };
    rules::check_transition(before.status, to)?;
    if review.accept {
        rules::check_acceptance(record.category, before.court_removed_on)?;
        if record.status != RecordStatus::Rectifying {
            return Err(AppError::InvalidTransition(Reason::RecordStatusBars { status: record.status.to_value() }));
        }
    } else {
        require_text(review.note.as_deref().unwrap_or(""), "note", 5_000)?;
    }
    if let Some(deadline) = review.new_deadline {
        if review.accept || deadline <= today {
            return Err(AppError::bad_input("newDeadline", Reason::NewDeadlineOnlyOnRejection));
        }
    }
    let changed = rectification::Model {
        status: to,
        review_note: review.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
        reviewed_at: Some(actor.now),
        reviewer_user_id: viewer.user_id,
        completed_on: review.accept.then_some(today),
        deadline: review.new_deadline.unwrap_or(before.deadline),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = save_versioned::<rectification::Entity, _>(&txn, &at, "rectification.review", &before, changed).await?;
    let record = if review.accept {
        let rectified = credit_record::Model { status: RecordStatus::Rectified, ..record.clone() };
        Some(write_record_change(&txn, &at, "credit_record.rectified", &record, rectified, None).await?)
    } else {
        None
    };
    txn.commit().await?;
    Ok((saved, record))
}

/// The court records the removal of a listing whose performance or settlement was submitted.
pub async fn record_court_removal(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    removed_on: NaiveDate,
) -> AppResult<rectification::Model> {
    let viewer = actor.viewer;
    may(viewer, Operation::RecordCourtRemoval)?;
    can_record_court_removal(viewer, &scope::authorised_categories(&state.db, viewer.unit_id).await?)?;
    let (before, record) = rectification_of(state, actor, id, version).await?;
    rules::check_court_removal(record.category, before.status, before.resolution, before.court_removed_on)?;
    if removed_on > state.clock.today() || Some(removed_on) < before.submitted_on {
        return Err(AppError::bad_input("removedOn", Reason::RemovalBeforeSubmission));
    }
    let changed = rectification::Model {
        court_removed_on: Some(removed_on),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    save_alone::<rectification::Entity>(state, actor, "rectification.court_removal", &before, changed).await
}
