//! Bidding (招标投标, plan task 3.3): tenders entered by the tenderer's clerk, 发改局 or
//! 行政服务中心, or the credit office; awarded to a bidder checked with a third-party credit report
//! (第三方信用报告), or failed (流标). A violation by the tenderer makes its record (sector
//! BIDDING), linked to the tender, in the same transaction.

use chrono::NaiveDate;
use entity::{
    credit_record,
    enums::{Disclosure, Polarity, RecordCategory, Sector, Severity, SubjectType, TenderMethod, TenderStatus},
    tender_project::{self, Column},
    unit,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::{scope, Actor};
use crate::{
    auth::policy::{may, Operation},
    domain::{record_rules::record_checks, tender_rules as rules, uscc::validate_uscc},
    error::{text_problem, AppError, AppResult, FieldChecks, Reason},
    state::AppState,
    store::{
        record_writer::{write_new_record, NewRecord},
        versioned::expect_version,
    },
};

/// A tender as announced.
pub struct NewTender {
    pub unit_id: i32,
    pub project_number: String,
    pub name: String,
    pub agency_name: Option<String>,
    pub method: TenderMethod,
    pub budget_fen: i64,
    pub bid_opening_on: NaiveDate,
}

/// How a tender ended.
pub enum Outcome {
    /// Awarded to a bidder, checked with a third-party credit report.
    Awarded {
        bidder_name: String,
        bidder_uscc: String,
        amount_fen: i64,
        credit_report_reference: String,
        on: NaiveDate,
    },
    /// Failed (流标), and why.
    Failed { reason: String, on: NaiveDate },
}

/// A violation by the tenderer.
pub struct Violation {
    pub tender_id: i32,
    pub category: RecordCategory,
    pub severity: Severity,
    pub facts: String,
    pub occurred_on: NaiveDate,
}

/// The tender the actor is about to change (`TENDER_NOT_FOUND` if they may not see it).
async fn tender_to_keep(state: &AppState, actor: &Actor<'_>, id: i32) -> AppResult<tender_project::Model> {
    may(actor.viewer, Operation::KeepSectorProjects)?;
    let tender = tender_project::Entity::find_by_id(id).one(&state.db).await?;
    let tender = tender.ok_or(AppError::NotFound(Reason::TenderNotFound))?;
    scope::sector_row_to_keep(state, actor, tender.unit_id, Sector::Bidding, Reason::TenderNotFound).await?;
    Ok(tender)
}

/// Enters a tender, OPEN. Its bid opening may lie ahead.
pub async fn create(state: &AppState, actor: &Actor<'_>, new: NewTender) -> AppResult<tender_project::Model> {
    may(actor.viewer, Operation::KeepSectorProjects)?;
    scope::may_keep_sector_row(state, actor, new.unit_id, Sector::Bidding).await?;
    let tenderer = unit::Entity::find_by_id(new.unit_id).one(&state.db).await?;
    let number = new.project_number.trim().to_owned();
    let agency = new.agency_name.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned);
    let mut checks = FieldChecks::new();
    checks
        .refuse_if(tenderer.is_none(), "unitId", Reason::UnknownUnit)
        .note("projectNumber", text_problem(&number, 50))
        .note("name", text_problem(&new.name, 300))
        .note("agencyName", agency.as_deref().and_then(|a| text_problem(a, 200)))
        .refuse_if(new.budget_fen <= 0, "budget", Reason::NotPositive);
    let taken = tender_project::Entity::find().filter(Column::ProjectNumber.eq(number.as_str()));
    let number_taken = !checks.has("projectNumber") && taken.count(&state.db).await? > 0;
    checks.refuse_if(number_taken, "projectNumber", Reason::ProjectNumberTaken).finish()?;
    let row = tender_project::ActiveModel {
        unit_id: Set(new.unit_id),
        project_number: Set(number),
        name: Set(new.name.trim().to_owned()),
        agency_name: Set(agency),
        method: Set(new.method),
        budget_fen: Set(new.budget_fen),
        bid_opening_on: Set(new.bid_opening_on),
        status: Set(TenderStatus::Open),
        winning_bidder_name: Set(None),
        winning_bidder_uscc: Set(None),
        winning_bidder_uscc_valid: Set(None),
        award_amount_fen: Set(None),
        credit_report_reference: Set(None),
        concluded_on: Set(None),
        failure_reason: Set(None),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    super::insert_alone::<tender_project::Entity>(state, actor, "tender_project.create", row).await
}

/// Records how an OPEN tender ended: awarded (on or after its bid opening, to a bidder checked
/// with a third-party credit report; a USCC failing GB 32100 is kept and flagged) or failed.
pub async fn conclude(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    outcome: Outcome,
) -> AppResult<tender_project::Model> {
    let before = tender_to_keep(state, actor, id).await?;
    expect_version(before.version, version)?;
    let (to, on, day_field) = match &outcome {
        Outcome::Awarded { on, .. } => (TenderStatus::Awarded, *on, "awardedOn"),
        Outcome::Failed { on, .. } => (TenderStatus::Failed, *on, "failedOn"),
    };
    rules::check_transition(before.status, to)?;
    let mut checks = FieldChecks::new();
    checks.refuse_if(on > state.clock.today(), day_field, Reason::DateInFuture).refuse_if(
        on < before.bid_opening_on,
        day_field,
        Reason::DateTooEarly { earliest: before.bid_opening_on },
    );
    let mut changed = tender_project::Model {
        status: to,
        concluded_on: Some(on),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    match outcome {
        Outcome::Awarded { bidder_name, bidder_uscc, amount_fen, credit_report_reference, .. } => {
            let uscc = bidder_uscc.trim().to_ascii_uppercase();
            checks
                .note("winningBidderName", text_problem(&bidder_name, 200))
                .note("winningBidderUscc", text_problem(&uscc, 18))
                .refuse_if(amount_fen <= 0, "awardAmount", Reason::NotPositive)
                .note("creditReportReference", text_problem(&credit_report_reference, 100));
            changed.winning_bidder_name = Some(bidder_name.trim().to_owned());
            changed.winning_bidder_uscc_valid = Some(validate_uscc(&uscc).is_ok());
            changed.winning_bidder_uscc = Some(uscc);
            changed.award_amount_fen = Some(amount_fen);
            changed.credit_report_reference = Some(credit_report_reference.trim().to_owned());
        }
        Outcome::Failed { reason, .. } => {
            checks.note("reason", text_problem(&reason, 2_000));
            changed.failure_reason = Some(reason.trim().to_owned());
        }
    }
    checks.finish()?;
    let action = if to == TenderStatus::Awarded { "tender_project.award" } else { "tender_project.fail" };
    super::save_alone::<tender_project::Entity>(state, actor, action, &before, changed).await
}

/// Records a violation by the tenderer: its dishonesty record (sector BIDDING, SHARED), linked to
/// the tender, in one transaction. The tender itself does not change.
pub async fn record_violation(
    state: &AppState,
    actor: &Actor<'_>,
    violation: Violation,
) -> AppResult<(tender_project::Model, credit_record::Model)> {
    let tender = tender_to_keep(state, actor, violation.tender_id).await?;
    let today = state.clock.today();
    let lead = scope::lead_department(&state.db, Sector::Bidding).await?;
    let tenderer = scope::unit_short_name(&state.db, tender.unit_id).await?;
    let new = NewRecord {
        subject_type: SubjectType::Unit,
        unit_id: tender.unit_id,
        official_id: None,
        polarity: Polarity::Dishonesty,
        category: violation.category,
        sector: Sector::Bidding,
        severity: violation.severity,
        title: format!("{tenderer}在招标项目“{}”中违法违规", tender.name),
        facts: violation.facts.trim().to_owned(),
        document_number: Some(tender.project_number.clone()),
        deciding_authority: lead.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| "德化县发展和改革局".into()),
        occurred_on: violation.occurred_on,
        decided_on: today,
        disclosure: Disclosure::Shared,
        recorded_by_unit_id: lead.as_ref().map(|u| u.id).unwrap_or(tender.unit_id),
        sanction: None,
        source: Some(("tender_project", tender.id)),
    };
    record_checks(&new.draft(), today).finish()?;
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let record = write_new_record(&txn, &at, new).await?;
    txn.commit().await?;
    Ok((tender, record))
}
