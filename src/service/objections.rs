//! Objections (异议) to a record, decided by the credit office within the configured handling
//! deadline. Upheld, the record is revoked or corrected — audited and pushed again — in the same
//! transaction as the decision.

use chrono::Duration;
use entity::{
    credit_record,
    enums::{Disclosure, ObjectionStatus as Status, Polarity, RecordStatus, Severity},
    objection::{self, Column},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::{scope, Actor};
use crate::{
    auth::policy::{may, workflows::can_act_for_subject, Operation},
    domain::{
        objection_rules as rules,
        record_rules::{check_record, require_text, RecordDraft},
    },
    error::{AppError, AppResult, Reason},
    state::AppState,
    store::{
        record_writer::write_record_change,
        versioned::{expect_version, insert_audited, save_versioned},
    },
};

/// The corrected fields of a record (at least one).
#[derive(Default)]
pub struct Correction {
    pub title: Option<String>,
    pub facts: Option<String>,
    pub severity: Option<Severity>,
    pub disclosure: Option<Disclosure>,
}

/// What an upheld objection does to the record.
pub enum Remedy {
    Revoke,
    Correct(Correction),
}

/// The credit office's step on an objection.
pub struct Decision {
    pub to: Status,
    pub decision: Option<String>,
    pub remedy: Option<Remedy>,
}

fn already_open() -> AppError {
    AppError::InvalidTransition(Reason::ObjectionOpen)
}

/// Files an objection to a dishonesty record in force: the clerk of the record's unit, or a
/// personnel office for an official's record. One open objection per record.
pub async fn file(state: &AppState, actor: &Actor<'_>, record_id: i32, grounds: &str) -> AppResult<objection::Model> {
    let viewer = actor.viewer;
    may(viewer, Operation::FileObjections)?;
    let record = scope::visible_record(&state.db, viewer, record_id, state.clock.today()).await?;
    let in_scope = scope::in_subtree(&state.db, viewer, record.unit_id).await?;
    can_act_for_subject(viewer, Operation::FileObjections, &record, in_scope)?;
    rules::check_filing(record.polarity, record.status, grounds)?;
    let open = objection::Entity::find()
        .filter(Column::RecordId.eq(record.id))
        .filter(Column::Status.is_in(rules::OPEN))
        .count(&state.db)
        .await?;
    if open > 0 {
        return Err(already_open());
    }
    let deadline = state.clock.today() + Duration::days(i64::from(state.config.deadlines.objection_days));
    let row = objection::ActiveModel {
        record_id: Set(record.id),
        filed_by_user_id: Set(viewer.user_id),
        grounds: Set(grounds.trim().to_owned()),
        status: Set(Status::Filed),
        handling_deadline: Set(deadline),
        overdue: Set(false),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    // A concurrent filing that passed the check above meets the partial unique index.
    let txn = state.db.begin().await?;
    let at = actor.write_context(state);
    let filed =
        insert_audited::<objection::Entity, _>(&txn, &at, "objection.file", row).await.map_err(|e| match e {
            AppError::Conflict(_) => already_open(),
            other => other,
        })?;
    txn.commit().await?;
    Ok(filed)
}

/// Takes an objection up or decides it; of two decisions at one version one wins (`CONFLICT`).
pub async fn decide(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    step: Decision,
) -> AppResult<(objection::Model, Option<credit_record::Model>)> {
    let viewer = actor.viewer;
    may(viewer, Operation::DecideObjections)?;
    let before = objection::Entity::find_by_id(id).one(&state.db).await?;
    let before = before.ok_or(AppError::NotFound(Reason::ObjectionNotFound))?;
    let today = state.clock.today();
    let record = scope::workflow_record(&state.db, viewer, before.record_id, today, Reason::ObjectionNotFound).await?;
    expect_version(before.version, version)?;
    rules::check_transition(before.status, step.to)?;
    let decided = step.to != Status::UnderReview;
    if decided {
        require_text(step.decision.as_deref().unwrap_or(""), "decision", 5_000)?;
    }
    let remedy = if step.to == Status::Upheld { Some(remedied(state, &record, step.remedy)?) } else { None };
    let changed = objection::Model {
        status: step.to,
        decision: step.decision.map(|d| d.trim().to_owned()).filter(|_| decided),
        decided_at: decided.then_some(actor.now),
        decided_by_user_id: if decided { viewer.user_id } else { None },
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = save_versioned::<objection::Entity, _>(&txn, &at, "objection.decide", &before, changed).await?;
    let record = match remedy {
        Some(changed) => Some(
            write_record_change(
                &txn,
                &at,
                "credit_record.objection_upheld",
                &record,
                changed,
                saved.decision.as_deref(),
            )
            .await?,
        ),
        None => None,
    };
    txn.commit().await?;
    Ok((saved, record))
}

/// The record after an upheld objection's remedy, checked against the record rules.
fn remedied(
    state: &AppState,
    record: &credit_record::Model,
    remedy: Option<Remedy>,
) -> AppResult<credit_record::Model> {
    let mut changed = record.clone();
    match remedy {
        None => return Err(AppError::bad_input("remedy", Reason::RemedyRequired)),
        Some(Remedy::Revoke) => changed.status = RecordStatus::Revoked,
        Some(Remedy::Correct(correction)) => {
            if correction.title.is_none()
                && correction.facts.is_none()
                && correction.severity.is_none()
                && correction.disclosure.is_none()
            {
                return Err(AppError::bad_input("correction", Reason::CorrectionEmpty));
            }
            if let Some(title) = correction.title {
                changed.title = title.trim().to_owned();
            }
            changed.facts = correction.facts.unwrap_or(changed.facts);
            changed.severity = correction.severity.unwrap_or(changed.severity);
            changed.disclosure = correction.disclosure.unwrap_or(changed.disclosure);
            check_record(&RecordDraft::of(&changed), state.clock.today()).map_err(|e| e.within("correction"))?;
            if changed.polarity == Polarity::Dishonesty {
                changed.disclosure_until = state.config.repair_rules.corrected_window(record, &changed);
            }
        }
    }
    Ok(changed)
}
