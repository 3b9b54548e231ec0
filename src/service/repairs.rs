//! Credit repair (信用修复) under the rule set in force on the record's decision date. Approved,
//! the record is REPAIRED: it leaves the portal, stops counting in credit checks, and is pushed
//! to the platform as repaired, in the same transaction as the decision.

use entity::{
    credit_record,
    enums::{RecordStatus, RepairStatus as Status},
    rectification,
    repair_application::{self, Column},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::{scope, Actor};
use crate::{
    auth::policy::{may, workflows::can_act_for_subject, Operation},
    domain::{
        record_rules::require_text,
        repair_rules::{RepairCase, RuleSet},
        state_machine::check_arrow,
    },
    error::{AppError, AppResult, Reason},
    state::AppState,
    store::{
        record_writer::write_record_change,
        versioned::{expect_version, insert_audited, save_versioned},
    },
};

fn already_open() -> AppError {
    AppError::InvalidTransition(Reason::RepairOpen)
}

/// The rule set under which `record` may be repaired today, or why not (with the first eligible
/// day when only time is missing).
async fn eligibility<'a>(state: &'a AppState, record: &credit_record::Model) -> AppResult<&'a RuleSet> {
    let court_removed = rectification::Entity::find()
        .filter(rectification::Column::RecordId.eq(record.id))
        .filter(rectification::Column::CourtRemovedOn.is_not_null())
        .count(&state.db)
        .await?
        > 0;
    let case = RepairCase {
        polarity: record.polarity,
        category: record.category,
        severity: record.severity,
        status: record.status,
        decided_on: record.decided_on,
        court_removed,
    };
    state.config.repair_rules.check_repairable(&case, state.clock.today())
}

/// Applies for repair of a record: its unit's clerk, or a personnel office for an official's
/// record; refused unless eligible today. One open application per record.
pub async fn apply(
    state: &AppState,
    actor: &Actor<'_>,
    record_id: i32,
    measures: &str,
) -> AppResult<repair_application::Model> {
    let viewer = actor.viewer;
    may(viewer, Operation::ApplyForRepair)?;
    let record = scope::visible_record(&state.db, viewer, record_id, state.clock.today()).await?;
    let in_scope = scope::in_subtree(&state.db, viewer, record.unit_id).await?;
    can_act_for_subject(viewer, Operation::ApplyForRepair, &record, in_scope)?;
    require_text(measures, "measures", 5_000)?;
    let rule_set = eligibility(state, &record).await?;
    let open = repair_application::Entity::find()
        .filter(Column::RecordId.eq(record.id))
        .filter(Column::Status.eq(Status::Submitted))
        .count(&state.db)
        .await?;
    if open > 0 {
        return Err(already_open());
    }
    let row = repair_application::ActiveModel {
        record_id: Set(record.id),
        applicant_user_id: Set(viewer.user_id),
        measures: Set(measures.trim().to_owned()),
        status: Set(Status::Submitted),
        rule_set: Set(rule_set.name.to_owned()),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let filed = insert_audited::<repair_application::Entity, _>(&txn, &at, "repair_application.submit", row)
        .await
        // A concurrent application that passed the check above meets the partial unique index.
        .map_err(|e| match e {
            AppError::Conflict(_) => already_open(),
            other => other,
        })?;
    txn.commit().await?;
    Ok(filed)
}

/// Approves (eligibility checked again; the record becomes REPAIRED) or rejects an application.
pub async fn decide(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    approve: bool,
    decision: &str,
) -> AppResult<(repair_application::Model, Option<credit_record::Model>)> {
    let viewer = actor.viewer;
    may(viewer, Operation::DecideRepairs)?;
    let before = repair_application::Entity::find_by_id(id).one(&state.db).await?;
    let before = before.ok_or(AppError::NotFound(Reason::RepairNotFound))?;
    let today = state.clock.today();
    let record = scope::workflow_record(&state.db, viewer, before.record_id, today, Reason::RepairNotFound).await?;
    expect_version(before.version, version)?;
    let to = if approve { Status::Approved } else { Status::Rejected };
    let arrows = [(Status::Submitted, Status::Approved), (Status::Submitted, Status::Rejected)];
    check_arrow(&arrows, before.status, to)?;
    require_text(decision, "decision", 5_000)?;
    if approve {
        eligibility(state, &record).await?;
    }
    let changed = repair_application::Model {
        status: to,
        decision: Some(decision.trim().to_owned()),
        decided_at: Some(actor.now),
        decided_by_user_id: viewer.user_id,
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved =
        save_versioned::<repair_application::Entity, _>(&txn, &at, "repair_application.decide", &before, changed)
            .await?;
    let record = if approve {
        let repaired = credit_record::Model { status: RecordStatus::Repaired, ..record.clone() };
        Some(
            write_record_change(&txn, &at, "credit_record.repaired", &record, repaired, saved.decision.as_deref())
                .await?,
        )
    } else {
        None
    };
    txn.commit().await?;
    Ok((saved, record))
}
