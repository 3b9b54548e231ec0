//! Accountability proposals (问责建议, plan 2.3.2: 逾期未整改 → 依法依规追究责任): the deadline sweep
//! opens one when a rectification goes overdue; the 监委's recorder confirms it — the ACCOUNTABILITY
//! record, linked to the overdue rectification, in the same transaction — or dismisses it with a
//! reason. Both are audited.

use chrono::{Duration, NaiveDate};
use entity::{
    accountability_proposal::{self as proposal, Model},
    credit_record,
    enums::{AccountabilityStatus as Status, Polarity, RecordCategory, Severity, SubjectType},
    official, rectification,
};
use sea_orm::{ActiveEnum, ConnectionTrait, EntityTrait, Set, TransactionTrait};

use super::{scope, Actor};
use crate::{
    auth::policy::accountability::can_decide_accountability,
    domain::record_rules::{check_record, default_disclosure, require_text},
    error::{AppError, AppResult, Reason},
    state::AppState,
    store::{
        record_writer::{write_new_record, NewRecord, WriteContext},
        versioned::{expect_version, insert_audited, save_versioned},
    },
};

/// How the 监委 confirms: the record it makes.
pub struct Confirmation {
    pub severity: Severity,
    /// Default: "{unit}逾期未整改被问责".
    pub title: Option<String>,
    /// Default: the overdue rectification's facts.
    pub facts: Option<String>,
    pub document_number: Option<String>,
    /// Hold this official of the unit to account instead of the unit.
    pub official_id: Option<i32>,
}

/// Opens the proposal for a rectification the sweep just marked OVERDUE, on its transaction.
pub async fn open_for_overdue<C: ConnectionTrait>(
    db: &C,
    at: &WriteContext<'_>,
    overdue: &rectification::Model,
    unit_id: i32,
) -> AppResult<Model> {
    let row = proposal::ActiveModel {
        rectification_id: Set(overdue.id),
        record_id: Set(overdue.record_id),
        unit_id: Set(unit_id),
        overdue_since: Set(overdue.deadline + Duration::days(1)),
        status: Set(Status::Proposed),
        accountability_record_id: Set(None),
        dismissal_reason: Set(None),
        decided_on: Set(None),
        decided_by_user_id: Set(None),
        version: Set(1),
        created_at: Set(at.now),
        updated_at: Set(at.now),
        ..Default::default()
    };
    insert_audited::<proposal::Entity, _>(db, at, "accountability_proposal.open", row).await
}

/// The proposal, for a decision by the 监委's recorder at the version they read.
async fn to_decide(state: &AppState, actor: &Actor<'_>, id: i32, version: i32) -> AppResult<Model> {
    let authorised = scope::authorised_categories(&state.db, actor.viewer.unit_id).await?;
    can_decide_accountability(actor.viewer, &authorised)?;
    let row = proposal::Entity::find_by_id(id).one(&state.db).await?;
    let row = row.ok_or(AppError::NotFound(Reason::AccountabilityNotFound))?;
    expect_version(row.version, version)?;
    if row.status != Status::Proposed {
        return Err(AppError::InvalidTransition(Reason::AlreadyDecided { status: row.status.to_value() }));
    }
    Ok(row)
}

/// Confirms: writes the ACCOUNTABILITY record of the unit (or of one of its officials), linked to
/// the overdue rectification, and marks the proposal CONFIRMED, in one transaction.
pub async fn confirm(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    confirmation: Confirmation,
) -> AppResult<(Model, credit_record::Model)> {
    let before = to_decide(state, actor, id, version).await?;
    let today = state.clock.today();
    let new = accountability_record(state, actor, &before, confirmation, today).await?;
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let record = write_new_record(&txn, &at, new).await?;
    let changed = Model {
        status: Status::Confirmed,
        accountability_record_id: Some(record.id),
        decided_on: Some(today),
        decided_by_user_id: actor.viewer.user_id,
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    // A concurrent decision makes this a `CONFLICT`, and the record is rolled back with it.
    let saved =
        save_versioned::<proposal::Entity, _>(&txn, &at, "accountability_proposal.confirm", &before, changed).await?;
    txn.commit().await?;
    Ok((saved, record))
}

/// Dismisses, with the reason (at most 2000 characters).
pub async fn dismiss(state: &AppState, actor: &Actor<'_>, id: i32, version: i32, reason: &str) -> AppResult<Model> {
    let before = to_decide(state, actor, id, version).await?;
    require_text(reason, "reason", 2_000)?;
    let changed = Model {
        status: Status::Dismissed,
        dismissal_reason: Some(reason.trim().to_owned()),
        decided_on: Some(state.clock.today()),
        decided_by_user_id: actor.viewer.user_id,
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    super::save_alone::<proposal::Entity>(state, actor, "accountability_proposal.dismiss", &before, changed).await
}

/// The record a confirmation makes, checked like any other record.
async fn accountability_record(
    state: &AppState,
    actor: &Actor<'_>,
    proposal: &Model,
    confirmation: Confirmation,
    today: NaiveDate,
) -> AppResult<NewRecord> {
    let source = credit_record::Entity::find_by_id(proposal.record_id).one(&state.db).await?;
    let source = source.ok_or_else(|| AppError::Internal("an accountability proposal without its record".into()))?;
    let unit_name = scope::unit_short_name(&state.db, proposal.unit_id).await?;
    let official = match confirmation.official_id {
        Some(id) => {
            let official = official::Entity::find_by_id(id).one(&state.db).await?;
            match official {
                Some(o) if scope::unit_within(&state.db, proposal.unit_id, o.unit_id).await? => Some(o.id),
                _ => return Err(AppError::bad_input("officialId", Reason::OfficialNotAccountable)),
            }
        }
        None => None,
    };
    let deciding = scope::unit_full_name(&state.db, actor.viewer.unit_id).await?;
    let subject_type = if official.is_some() { SubjectType::Official } else { SubjectType::Unit };
    let new = NewRecord {
        subject_type,
        unit_id: proposal.unit_id,
        official_id: official,
        polarity: Polarity::Dishonesty,
        category: RecordCategory::Accountability,
        sector: source.sector,
        severity: confirmation.severity,
        title: confirmation.title.unwrap_or_else(|| format!("{unit_name}逾期未整改被问责")),
        facts: confirmation.facts.unwrap_or_else(|| {
            format!("《{}》限期整改逾期未完成（{}起逾期），依法依规追究责任。", source.title, proposal.overdue_since)
        }),
        document_number: confirmation.document_number,
        deciding_authority: deciding.unwrap_or_else(|| "德化县监察委员会".into()),
        occurred_on: proposal.overdue_since.min(today),
        decided_on: today,
        disclosure: default_disclosure(subject_type, RecordCategory::Accountability),
        recorded_by_unit_id: actor.viewer.unit_id.unwrap_or(proposal.unit_id),
        sanction: None,
        source: Some(("rectification", proposal.rectification_id)),
    };
    check_record(&new.draft(), today)?;
    Ok(new)
}
