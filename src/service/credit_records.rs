//! Credit records: create, correct and revoke. Each write is one transaction with its audit entry
//! and, for a dishonesty record, its outbox row (see `store::record_writer`).

use chrono::NaiveDate;
use entity::{
    credit_record,
    enums::{Disclosure, Polarity, RecordCategory, RecordStatus, Sanction, Sector, Severity, SubjectType},
    official, unit,
};
use sea_orm::{EntityTrait, TransactionTrait};

use super::{scope, Actor};
use crate::ids::{public_id, NodeType};
use crate::{
    auth::policy::{
        may,
        records::{can_change_record, can_create_record},
        Operation,
    },
    domain::{
        record_rules::{check_record, default_disclosure, record_checks, RecordDraft},
        sanction_rules::check_sanction,
    },
    error::{text_problem, AppError, AppResult, Reason},
    state::AppState,
    store::record_writer::{write_new_record, write_record_change, NewRecord},
};

/// A record to enter.
pub struct CreateRecord {
    pub unit_id: i32,
    pub official_id: Option<i32>,
    pub polarity: Polarity,
    pub category: RecordCategory,
    pub sector: Sector,
    pub severity: Severity,
    pub title: String,
    pub facts: String,
    pub document_number: Option<String>,
    pub deciding_authority: String,
    pub occurred_on: NaiveDate,
    pub decided_on: NaiveDate,
    /// `None`: the subject's default (a unit's SHARED, an official's RESTRICTED).
    pub disclosure: Option<Disclosure>,
    /// A disciplinary record's sanction (required there, refused elsewhere).
    pub sanction: Option<Sanction>,
}

/// Corrections; `None` leaves a field as it is.
#[derive(Default)]
pub struct CorrectRecord {
    pub title: Option<String>,
    pub facts: Option<String>,
    pub document_number: Option<String>,
    pub deciding_authority: Option<String>,
    pub sector: Option<Sector>,
    pub severity: Option<Severity>,
    pub disclosure: Option<Disclosure>,
    pub occurred_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
}

/// Enters a record as the actor's unit, if that unit may record its category.
pub async fn create(state: &AppState, actor: &Actor<'_>, command: CreateRecord) -> AppResult<credit_record::Model> {
    let viewer = actor.viewer;
    may(viewer, Operation::CreateCreditRecord)?;
    let recording_unit = viewer.unit_id.ok_or(AppError::Forbidden(Reason::NoUnitToRecordAs))?;
    let subject_type = if command.official_id.is_some() { SubjectType::Official } else { SubjectType::Unit };
    let authorised = scope::authorised_categories(&state.db, Some(recording_unit)).await?;
    can_create_record(viewer, command.polarity, command.category, subject_type, &authorised)?;
    let unit_known = unit::Entity::find_by_id(command.unit_id).one(&state.db).await?.is_some();
    let official_problem = match command.official_id {
        Some(id) => match official::Entity::find_by_id(id).one(&state.db).await? {
            Some(person) if person.unit_id == command.unit_id => None,
            Some(_) => Some(Reason::OfficialNotInUnit),
            None => Some(Reason::UnknownOfficial),
        },
        None => None,
    };
    let disclosure = command.disclosure.unwrap_or_else(|| default_disclosure(subject_type, command.category));
    let new = NewRecord {
        subject_type,
        unit_id: command.unit_id,
        official_id: command.official_id,
        polarity: command.polarity,
        category: command.category,
        sector: command.sector,
        severity: command.severity,
        title: command.title,
        facts: command.facts,
        document_number: command.document_number,
        deciding_authority: command.deciding_authority,
        occurred_on: command.occurred_on,
        decided_on: command.decided_on,
        disclosure,
        recorded_by_unit_id: recording_unit,
        sanction: command.sanction,
        source: None,
    };
    let mut checks = record_checks(&new.draft(), state.clock.today());
    checks.refuse_if(!unit_known, "unitId", Reason::UnknownUnit).note("officialId", official_problem);
    if new.polarity == Polarity::Honor && !checks.has("unitId") && !checks.has("officialId") {
        let (field, bars) = honours_bars(state, &new).await?;
        let records: Vec<String> = bars.iter().map(|bar| public_id(NodeType::CreditRecord, bar.record_id)).collect();
        checks.refuse_if(!records.is_empty(), field, Reason::HonoursBarred { records });
    }
    checks.absorb(check_sanction(new.category, new.sanction))?.finish()?;
    let txn = state.db.begin().await?;
    let record = write_new_record(&txn, &actor.write_context(state), new).await?;
    txn.commit().await?;
    Ok(record)
}

/// The record as the actor may see and change it, at the version they read.
async fn record_to_change(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
) -> AppResult<credit_record::Model> {
    may(actor.viewer, Operation::ChangeCreditRecord)?;
    let record = scope::visible_record(&state.db, actor.viewer, id, state.clock.today()).await?;
    can_change_record(actor.viewer, &record)?;
    if record.version != version {
        return Err(AppError::Conflict(Reason::StaleVersion { current: record.version }));
    }
    Ok(record)
}

/// Writes `changed` over `before` if the row is still at its version, with the audit entry and
/// the outbox row, in one transaction (a concurrent change makes it `CONFLICT`).
async fn save(
    state: &AppState,
    actor: &Actor<'_>,
    action: &str,
    before: credit_record::Model,
    changed: credit_record::Model,
    note: Option<&str>,
) -> AppResult<credit_record::Model> {
    let txn = state.db.begin().await?;
    let changed = write_record_change(&txn, &actor.write_context(state), action, &before, changed, note).await?;
    txn.commit().await?;
    Ok(changed)
}

/// Corrects a record (not a revoked one: `INVALID_TRANSITION`); the disclosure window follows the
/// severity and decision date.
pub async fn correct(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    change: CorrectRecord,
) -> AppResult<credit_record::Model> {
    let before = record_to_change(state, actor, id, version).await?;
    if before.status == RecordStatus::Revoked {
        return Err(AppError::InvalidTransition(Reason::RevokedUnchangeable));
    }
    let mut changed = before.clone();
    if let Some(title) = change.title {
        changed.title = title.trim().to_owned();
    }
    changed.facts = change.facts.unwrap_or(changed.facts);
    changed.document_number = change.document_number.or(changed.document_number);
    changed.deciding_authority = change.deciding_authority.unwrap_or(changed.deciding_authority);
    changed.sector = change.sector.unwrap_or(changed.sector);
    changed.severity = change.severity.unwrap_or(changed.severity);
    changed.disclosure = change.disclosure.unwrap_or(changed.disclosure);
    changed.occurred_on = change.occurred_on.unwrap_or(changed.occurred_on);
    changed.decided_on = change.decided_on.unwrap_or(changed.decided_on);
    check_record(&RecordDraft::of(&changed), state.clock.today())?;
    if changed.polarity == Polarity::Dishonesty {
        changed.disclosure_until = state.config.repair_rules.corrected_window(&before, &changed);
    }
    save(state, actor, "credit_record.update", before, changed, None).await
}

/// Revokes a record (from any status but REVOKED), with the reason in the audit log; pushed again.
pub async fn revoke(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    reason: &str,
) -> AppResult<credit_record::Model> {
    let reason = reason.trim();
    if let Some(problem) = text_problem(reason, 2_000) {
        return Err(AppError::bad_input("reason", problem));
    }
    let before = record_to_change(state, actor, id, version).await?;
    if before.status == RecordStatus::Revoked {
        return Err(AppError::InvalidTransition(Reason::AlreadyRevoked));
    }
    let changed = credit_record::Model { status: RecordStatus::Revoked, ..before.clone() };
    save(state, actor, "credit_record.revoke", before, changed, Some(reason)).await
}

/// What bars the subject of an honour (plan task 2.3.3): an official's running sanctions, or a
/// unit's SERIOUS records in force and overdue rectifications; with the field to name.
async fn honours_bars(
    state: &AppState,
    new: &NewRecord,
) -> AppResult<(&'static str, Vec<crate::domain::honours_rules::Bar>)> {
    let today = state.clock.today();
    Ok(match new.official_id {
        Some(official) => {
            let mut bars = super::honours::official_bars(&state.db, &[official], today).await?;
            ("officialId", bars.remove(&official).unwrap_or_default())
        }
        None => {
            let mut bars = super::honours::unit_bars(&state.db, &[new.unit_id], today).await?;
            ("unitId", bars.remove(&new.unit_id).unwrap_or_default())
        }
    })
}
