//! Investment promotion (招商引资, plan task 3.4): agreements entered by the signing unit's clerk,
//! 工信商务局 or 招商办, or the credit office; fulfilled, breached, or changed or ended by a lawful
//! procedure (never because of turnover: `TURNOVER_IS_NO_GROUND`). A breach makes the signing
//! unit's CONTRACT_BREACH record, linked to the agreement, in the same transaction; the deadline
//! sweep makes it for an agreement marked BREACHED without one (history).

use chrono::NaiveDate;
use entity::{
    enums::{AgreementStatus, ChangeGround, Disclosure, Polarity, RecordCategory, Sector, Severity, SubjectType},
    investment_agreement::{self, Column},
    unit,
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

use super::{scope, Actor};
use crate::{
    auth::policy::{may, Operation},
    domain::{investment_rules as rules, uscc::validate_uscc},
    error::{text_problem, AppError, AppResult, FieldChecks, Reason},
    state::AppState,
    store::{
        record_writer::{write_new_record, NewRecord},
        versioned::{expect_version, save_versioned},
    },
};

/// An agreement as signed.
pub struct NewAgreement {
    pub unit_id: i32,
    pub agreement_number: String,
    pub investor_name: String,
    pub investor_uscc: String,
    pub project_name: String,
    pub agreed_investment_fen: i64,
    pub signed_on: NaiveDate,
}

/// What happened to an agreement.
pub enum Outcome {
    /// Kept, on this day.
    Fulfilled { on: NaiveDate },
    /// Changed or ended by a lawful procedure.
    Changed {
        ground: ChangeGround,
        reason: String,
        legal_basis: String,
        procedure: String,
        compensation_fen: Option<i64>,
        terminated: bool,
        on: NaiveDate,
    },
    /// Broken by the government side: the breach record's facts and severity.
    Breached { facts: String, severity: Severity, occurred_on: NaiveDate },
}

/// Enters an agreement; an investor USCC that fails GB 32100 is kept and flagged.
pub async fn create(state: &AppState, actor: &Actor<'_>, new: NewAgreement) -> AppResult<investment_agreement::Model> {
    may(actor.viewer, Operation::KeepSectorProjects)?;
    scope::may_keep_sector_row(state, actor, new.unit_id, Sector::InvestmentPromotion).await?;
    let signing = unit::Entity::find_by_id(new.unit_id).one(&state.db).await?;
    let number = new.agreement_number.trim().to_owned();
    let taken = investment_agreement::Entity::find().filter(Column::AgreementNumber.eq(number.as_str()));
    let mut checks = FieldChecks::new();
    checks
        .refuse_if(signing.is_none(), "unitId", Reason::UnknownUnit)
        .note("agreementNumber", text_problem(&number, 50))
        .note("investorName", text_problem(&new.investor_name, 200))
        .note("investorUscc", text_problem(&new.investor_uscc, 18))
        .note("projectName", text_problem(&new.project_name, 300))
        .refuse_if(new.agreed_investment_fen <= 0, "agreedInvestment", Reason::NotPositive)
        .refuse_if(new.signed_on > state.clock.today(), "signedOn", Reason::DateInFuture);
    let number_taken = !checks.has("agreementNumber") && taken.count(&state.db).await? > 0;
    checks.refuse_if(number_taken, "agreementNumber", Reason::ProjectNumberTaken).finish()?;
    let uscc = new.investor_uscc.trim().to_ascii_uppercase();
    let row = investment_agreement::ActiveModel {
        unit_id: Set(new.unit_id),
        agreement_number: Set(number),
        investor_name: Set(new.investor_name.trim().to_owned()),
        investor_uscc_valid: Set(validate_uscc(&uscc).is_ok()),
        investor_uscc: Set(uscc),
        project_name: Set(new.project_name.trim().to_owned()),
        agreed_investment_fen: Set(new.agreed_investment_fen),
        signed_on: Set(new.signed_on),
        status: Set(AgreementStatus::Active),
        change_reason: Set(None),
        legal_basis: Set(None),
        compensation_fen: Set(None),
        change_ground: Set(None),
        change_procedure: Set(None),
        changed_on: Set(None),
        terminated: Set(false),
        fulfilled_on: Set(None),
        record_id: Set(None),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    super::insert_alone::<investment_agreement::Entity>(state, actor, "investment_agreement.create", row).await
}

/// Records what happened to an agreement; returns it and, for a breach, the record it made.
pub async fn conclude(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    outcome: Outcome,
) -> AppResult<(investment_agreement::Model, Option<entity::credit_record::Model>)> {
    may(actor.viewer, Operation::KeepSectorProjects)?;
    let before = investment_agreement::Entity::find_by_id(id).one(&state.db).await?;
    let before = before.ok_or(AppError::NotFound(Reason::AgreementNotFound))?;
    scope::sector_row_to_keep(state, actor, before.unit_id, Sector::InvestmentPromotion, Reason::AgreementNotFound)
        .await?;
    expect_version(before.version, version)?;
    let today = state.clock.today();
    let (to, day) = match &outcome {
        Outcome::Fulfilled { on } => (AgreementStatus::Fulfilled, *on),
        Outcome::Changed { on, .. } => (AgreementStatus::ChangedLawfully, *on),
        Outcome::Breached { occurred_on, .. } => (AgreementStatus::Breached, *occurred_on),
    };
    rules::check_transition(before.status, to)?;
    let day_field = match &outcome {
        Outcome::Fulfilled { .. } => "fulfilledOn",
        Outcome::Changed { .. } => "changedOn",
        Outcome::Breached { .. } => "occurredOn",
    };
    let mut checks = FieldChecks::new();
    checks.refuse_if(day > today, day_field, Reason::DateInFuture).refuse_if(
        day < before.signed_on,
        day_field,
        Reason::DateTooEarly { earliest: before.signed_on },
    );
    if let Outcome::Changed { ground, reason, legal_basis, procedure, compensation_fen, .. } = &outcome {
        let change =
            rules::Change { ground: *ground, reason, legal_basis, procedure, compensation_fen: *compensation_fen };
        checks.absorb(rules::check_change(&change))?;
    }
    if let Outcome::Breached { facts, .. } = &outcome {
        checks.note("facts", text_problem(facts, 10_000));
    }
    checks.finish()?;
    let breach = match &outcome {
        Outcome::Breached { facts, severity, occurred_on } => {
            Some(breach_of(&state.db, &before, facts.clone(), *severity, *occurred_on, today).await?)
        }
        _ => None,
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let record = match breach {
        Some(new) => Some(write_new_record(&txn, &at, new).await?),
        None => None,
    };
    let mut changed = investment_agreement::Model {
        status: to,
        record_id: record.as_ref().map(|r| r.id),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    match outcome {
        Outcome::Fulfilled { on } => changed.fulfilled_on = Some(on),
        Outcome::Changed { ground, reason, legal_basis, procedure, compensation_fen, terminated, on } => {
            changed.change_ground = Some(ground);
            changed.change_reason = Some(reason.trim().to_owned());
            changed.legal_basis = Some(legal_basis.trim().to_owned());
            changed.change_procedure = Some(procedure.trim().to_owned());
            changed.compensation_fen = compensation_fen;
            changed.terminated = terminated;
            changed.changed_on = Some(on);
        }
        Outcome::Breached { .. } => {}
    }
    let action = match to {
        AgreementStatus::Fulfilled => "investment_agreement.fulfil",
        AgreementStatus::ChangedLawfully => "investment_agreement.change",
        _ => "investment_agreement.breach",
    };
    let after = save_versioned::<investment_agreement::Entity, _>(&txn, &at, action, &before, changed).await?;
    txn.commit().await?;
    Ok((after, record))
}

/// The CONTRACT_BREACH record of a broken agreement (read before the writing transaction).
async fn breach_of(
    db: &DatabaseConnection,
    agreement: &investment_agreement::Model,
    facts: String,
    severity: Severity,
    occurred_on: NaiveDate,
    today: NaiveDate,
) -> AppResult<NewRecord> {
    let signing = scope::unit_short_name(db, agreement.unit_id).await?;
    let lead = scope::lead_department(db, Sector::InvestmentPromotion).await?;
    Ok(NewRecord {
        subject_type: SubjectType::Unit,
        unit_id: agreement.unit_id,
        official_id: None,
        polarity: Polarity::Dishonesty,
        category: RecordCategory::ContractBreach,
        sector: Sector::InvestmentPromotion,
        severity,
        title: format!("{signing}未履行招商引资协议约定"),
        facts,
        document_number: Some(agreement.agreement_number.clone()),
        deciding_authority: lead.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| "德化县工业信息化和商务局".into()),
        occurred_on,
        decided_on: today,
        disclosure: Disclosure::Shared,
        recorded_by_unit_id: lead.map(|u| u.id).unwrap_or(agreement.unit_id),
        sanction: None,
        source: Some(("investment_agreement", agreement.id)),
    })
}

/// For the deadline sweep, read before its transaction: agreements marked BREACHED that have no
/// record yet (entered before breaches were recorded), with the record to make.
pub async fn unrecorded_breaches(
    db: &DatabaseConnection,
    today: NaiveDate,
) -> AppResult<Vec<(investment_agreement::Model, NewRecord)>> {
    let rows = investment_agreement::Entity::find()
        .filter(Column::Status.eq(AgreementStatus::Breached))
        .filter(Column::RecordId.is_null())
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    let mut breaches = Vec::new();
    for row in rows {
        let facts = format!("招商引资协议{}（{}）约定未履行。", row.agreement_number, row.project_name);
        let occurred = row.updated_at.date_naive().min(today);
        let record = breach_of(db, &row, facts, Severity::General, occurred, today).await?;
        breaches.push((row, record));
    }
    Ok(breaches)
}

/// Links each agreement to its new breach record (for the sweep).
pub fn link_record(
    before: &investment_agreement::Model,
    record: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> investment_agreement::Model {
    investment_agreement::Model {
        record_id: Some(record),
        version: before.version + 1,
        updated_at: now,
        ..before.clone()
    }
}
