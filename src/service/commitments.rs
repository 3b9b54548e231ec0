//! Commitments (承诺): entered by a clerk for its own units or by the credit office; their
//! outcome recorded. A breach creates the COMMITMENT_BREACH record, linked to the commitment, in
//! the same transaction as the commitment's change; a breached public commitment's record is
//! PUBLIC. A lawful change names a ground the law accepts, its legal basis and any compensation.

use chrono::NaiveDate;
use entity::{
    commitment,
    enums::{self, ChangeGround, CommitmentStatus, Sector, Severity},
    unit,
};
use sea_orm::{EntityTrait, Set, TransactionTrait};

use super::{scope, Actor};
use crate::{
    auth::policy::{
        commitments::{can_create_commitment, can_read_commitment, can_set_commitment_status},
        may, reads_depend_on_subtree, Operation,
    },
    domain::commitment_rules::{breach_disclosure, check_entry, check_outcome, check_transition, Entry, Outcome},
    error::{AppError, AppResult, FieldChecks, Reason},
    state::AppState,
    store::{
        record_writer::{write_new_record, NewRecord},
        versioned::{expect_version, insert_audited, save_versioned},
    },
};

/// A new commitment.
pub struct NewCommitment {
    pub unit_id: i32,
    pub kind: enums::CommitmentKind,
    pub sector: Sector,
    pub service_area: Option<String>,
    pub content: String,
    pub is_public: bool,
    pub due_on: Option<NaiveDate>,
    /// For a prior credit pledge (事前信用承诺): the investment agreement it is made for.
    pub investment_agreement_id: Option<i32>,
}

/// A commitment's outcome.
pub struct CommitmentOutcome {
    pub id: i32,
    pub version: i32,
    pub status: CommitmentStatus,
    pub evidence: Option<String>,
    pub legal_basis: Option<String>,
    /// For a lawful change: its ground and the compensation paid, in fen.
    pub change_ground: Option<ChangeGround>,
    pub compensation_fen: Option<i64>,
    /// For a breach: the record's severity (default GENERAL) and facts.
    pub severity: Option<Severity>,
    pub facts: Option<String>,
}

/// Enters a commitment.
pub async fn create(state: &AppState, actor: &Actor<'_>, new: NewCommitment) -> AppResult<commitment::Model> {
    may(actor.viewer, Operation::KeepCommitments)?;
    let unit = unit::Entity::find_by_id(new.unit_id).one(&state.db).await?;
    let unit = unit.ok_or_else(|| AppError::bad_input("unitId", Reason::UnknownUnit))?;
    can_create_commitment(actor.viewer, scope::in_subtree(&state.db, actor.viewer, new.unit_id).await?)?;
    let entry = Entry {
        kind: new.kind,
        unit_kind: unit.kind,
        service_area: new.service_area.as_deref(),
        content: &new.content,
        due_on: new.due_on,
    };
    let mut checks = FieldChecks::new();
    checks.absorb(check_entry(&entry, state.clock.today()))?;
    if let Some(agreement) = new.investment_agreement_id {
        let row = entity::investment_agreement::Entity::find_by_id(agreement).one(&state.db).await?;
        let problem = match row {
            None => Some(Reason::UnknownAgreement),
            Some(_) if new.kind != enums::CommitmentKind::CreditPledge => Some(Reason::NotAPledge),
            Some(row) if row.unit_id != new.unit_id => Some(Reason::AgreementOfAnotherUnit),
            Some(_) => None,
        };
        checks.note("investmentAgreementId", problem);
    }
    checks.finish()?;
    // A pledge made for an investment agreement is published (plan task 3.4: 公开事前信用承诺).
    let is_public = new.is_public || new.investment_agreement_id.is_some();
    let row = commitment::ActiveModel {
        unit_id: Set(new.unit_id),
        kind: Set(new.kind),
        sector: Set(new.sector),
        service_area: Set(new.service_area),
        content: Set(new.content.trim().to_owned()),
        is_public: Set(is_public),
        due_on: Set(new.due_on),
        status: Set(CommitmentStatus::Pending),
        evidence: Set(None),
        legal_basis: Set(None),
        change_ground: Set(None),
        compensation_fen: Set(None),
        record_id: Set(None),
        investment_agreement_id: Set(new.investment_agreement_id),
        overdue: Set(false),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    let txn = state.db.begin().await?;
    let row =
        insert_audited::<commitment::Entity, _>(&txn, &actor.write_context(state), "commitment.create", row).await?;
    txn.commit().await?;
    Ok(row)
}

/// Records whether a commitment was kept; returns it and, for a breach, the record it created.
pub async fn set_status(
    state: &AppState,
    actor: &Actor<'_>,
    outcome: CommitmentOutcome,
) -> AppResult<(commitment::Model, Option<entity::credit_record::Model>)> {
    let viewer = actor.viewer;
    may(viewer, Operation::KeepCommitments)?;
    let before = commitment::Entity::find_by_id(outcome.id).one(&state.db).await?;
    let before = before.ok_or(AppError::NotFound(Reason::CommitmentNotFound))?;
    let in_scope = scope::in_subtree(&state.db, viewer, before.unit_id).await?;
    if !can_read_commitment(viewer, &before, reads_depend_on_subtree(viewer) && in_scope) {
        return Err(AppError::NotFound(Reason::CommitmentNotFound));
    }
    let to = outcome.status;
    can_set_commitment_status(viewer, to, in_scope)?;
    expect_version(before.version, outcome.version)?;
    check_transition(before.status, to)?;
    check_outcome(&Outcome {
        to,
        evidence: outcome.evidence.as_deref(),
        legal_basis: outcome.legal_basis.as_deref(),
        ground: outcome.change_ground,
        compensation_fen: outcome.compensation_fen,
    })?;
    let today = state.clock.today();
    let breach = if to == CommitmentStatus::Breached {
        let severity = outcome.severity.unwrap_or(Severity::General);
        let disclosure = breach_disclosure(before.kind, before.is_public, severity)?;
        // Read before the transaction, which then writes first (SQLite).
        let unit_name = scope::unit_short_name(&state.db, before.unit_id).await?;
        let deciding = scope::unit_full_name(&state.db, viewer.unit_id).await?;
        Some(NewRecord {
            subject_type: enums::SubjectType::Unit,
            unit_id: before.unit_id,
            official_id: None,
            polarity: enums::Polarity::Dishonesty,
            category: enums::RecordCategory::CommitmentBreach,
            sector: before.sector,
            severity,
            title: format!("{unit_name}承诺未践行"),
            facts: outcome.facts.clone().unwrap_or_else(|| format!("承诺内容：{}", before.content)),
            document_number: None,
            deciding_authority: deciding.unwrap_or_else(|| "德化县社会信用体系建设领导小组办公室".into()),
            occurred_on: before.due_on.unwrap_or(today).min(today),
            decided_on: today,
            disclosure,
            recorded_by_unit_id: viewer.unit_id.unwrap_or(before.unit_id),
            sanction: None,
            source: Some(("commitment", before.id)),
        })
    } else {
        None
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let record = match breach {
        Some(new) => Some(write_new_record(&txn, &at, new).await?),
        None => None,
    };
    let changed = commitment::Model {
        status: to,
        evidence: outcome.evidence,
        legal_basis: outcome.legal_basis,
        change_ground: outcome.change_ground,
        compensation_fen: outcome.compensation_fen,
        version: before.version + 1,
        updated_at: actor.now,
        record_id: record.as_ref().map(|r| r.id),
        ..before.clone()
    };
    // A concurrent change makes this touch no row: `CONFLICT`, and the record is rolled back too.
    let after = save_versioned::<commitment::Entity, _>(&txn, &at, "commitment.set_status", &before, changed).await?;
    txn.commit().await?;
    Ok((after, record))
}
