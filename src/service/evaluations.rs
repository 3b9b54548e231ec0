//! The annual integrity evaluation (政务诚信评价, plan tasks 2.1.1, 2.1.3, 2.3.3): the credit office
//! opens a period, records the third-party ratings firms publish, computes every department's
//! and township's evaluation by the design's formula — with the weights kept on the period, so a
//! recomputation gives the same answer — and publishes them; a published period is frozen.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use entity::{
    commitment, complaint, credit_record,
    enums::{CommitmentStatus, ComplaintStatus, Grade, RectificationStatus, UnitKind},
    evaluation, evaluation_period, proposal, rectification, third_party_rating, unit,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;

use super::Actor;
use crate::{
    auth::policy::{may, Operation},
    domain::{
        evaluation_facts::EvaluationFacts,
        evaluation_rules::{evaluate, Weights},
    },
    error::{text_problem, AppError, AppResult, FieldChecks, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::audit::{write_audit, AuditEntry},
};

/// A period as opened.
pub struct NewPeriod {
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// A rating a third-party firm published for a unit.
pub struct NewRating {
    pub period_id: i32,
    pub unit_id: i32,
    pub firm: String,
    pub grade: Grade,
    pub report_reference: String,
}

/// The units evaluated: the county's departments and townships.
pub const EVALUATED: [UnitKind; 2] = [UnitKind::Department, UnitKind::Township];

/// Opens a period within one calendar year, with the weights in force.
pub async fn create_period(state: &AppState, actor: &Actor<'_>, new: NewPeriod) -> AppResult<evaluation_period::Model> {
    may(actor.viewer, Operation::ManageEvaluations)?;
    let name = new.name.trim().to_owned();
    let mut checks = FieldChecks::new();
    checks
        .note("name", text_problem(&name, 100))
        .refuse_if(new.ends_on < new.starts_on, "endsOn", Reason::DateTooEarly { earliest: new.starts_on })
        .refuse_if(new.ends_on.year() != new.starts_on.year(), "endsOn", Reason::PeriodWithinAYear);
    let taken = !checks.has("name")
        && evaluation_period::Entity::find()
            .filter(evaluation_period::Column::Name.eq(name.as_str()))
            .count(&state.db)
            .await?
            > 0;
    checks.refuse_if(taken, "name", Reason::NameTaken).finish()?;
    let row = evaluation_period::ActiveModel {
        name: Set(name),
        year: Set(new.starts_on.year()),
        starts_on: Set(new.starts_on),
        ends_on: Set(new.ends_on),
        created_at: Set(actor.now),
        weights: Set(serde_json::to_string(&state.config.evaluation_weights).ok()),
        published_at: Set(None),
        ..Default::default()
    };
    let txn = state.db.begin().await?;
    let saved = row.insert(&txn).await?;
    audit(&txn, actor, state, "evaluation_period.create", None, json!(saved), saved.id).await?;
    txn.commit().await?;
    Ok(saved)
}

/// A period still open to change (`NOT_FOUND`, or `INVALID_TRANSITION` once published).
async fn open_period(db: &DatabaseConnection, id: i32) -> AppResult<evaluation_period::Model> {
    let period = evaluation_period::Entity::find_by_id(id).one(db).await?;
    let period = period.ok_or(AppError::NotFound(Reason::PeriodNotFound))?;
    if period.published_at.is_some() {
        return Err(AppError::InvalidTransition(Reason::PeriodPublished));
    }
    Ok(period)
}

/// Records a firm's published rating of a unit for an open period; returns the period and the
/// rating.
pub async fn record_rating(
    state: &AppState,
    actor: &Actor<'_>,
    new: NewRating,
) -> AppResult<(evaluation_period::Model, third_party_rating::Model)> {
    may(actor.viewer, Operation::ManageEvaluations)?;
    let period = open_period(&state.db, new.period_id).await?;
    let known = unit::Entity::find_by_id(new.unit_id).one(&state.db).await?.is_some();
    FieldChecks::new()
        .refuse_if(!known, "unitId", Reason::UnknownUnit)
        .note("firm", text_problem(&new.firm, 200))
        .note("reportReference", text_problem(&new.report_reference, 100))
        .finish()?;
    let row = third_party_rating::ActiveModel {
        firm: Set(new.firm.trim().to_owned()),
        unit_id: Set(new.unit_id),
        period_id: Set(period.id),
        grade: Set(new.grade),
        report_reference: Set(new.report_reference.trim().to_owned()),
        published_at: Set(Some(actor.now)),
        created_at: Set(actor.now),
        ..Default::default()
    };
    let txn = state.db.begin().await?;
    let saved = row.insert(&txn).await?;
    audit(&txn, actor, state, "third_party_rating.record", None, json!(saved), period.id).await?;
    txn.commit().await?;
    Ok((period, saved))
}

/// Computes every evaluated unit's evaluation for an open period from the rows of its dates, with
/// the period's weights; the same rows give the same scores (idempotent). Returns the period and
/// how many units were evaluated.
pub async fn compute(state: &AppState, actor: &Actor<'_>, id: i32) -> AppResult<(evaluation_period::Model, usize)> {
    may(actor.viewer, Operation::ManageEvaluations)?;
    let period = open_period(&state.db, id).await?;
    let weights: Weights = period
        .weights
        .as_deref()
        .and_then(|w| serde_json::from_str(w).ok())
        .unwrap_or_else(|| state.config.evaluation_weights.clone());
    let facts = gather(&state.db, &period).await?;
    let ratings: HashMap<i32, Grade> = third_party_rating::Entity::find()
        .filter(third_party_rating::Column::PeriodId.eq(period.id))
        .filter(third_party_rating::Column::PublishedAt.is_not_null())
        .order_by_asc(third_party_rating::Column::Id)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|r| (r.unit_id, r.grade))
        .collect();
    let units = unit::Entity::find()
        .filter(unit::Column::Kind.is_in(EVALUATED))
        .order_by_asc(unit::Column::Id)
        .all(&state.db)
        .await?;
    let existing: HashMap<i32, evaluation::Model> = evaluation::Entity::find()
        .filter(evaluation::Column::PeriodId.eq(period.id))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|e| (e.unit_id, e))
        .collect();
    let txn = state.db.begin().await?;
    for unit in &units {
        let rating = ratings.get(&unit.id).copied();
        let outcome = evaluate(facts.of(unit.id, period.year), rating, &weights);
        match existing.get(&unit.id) {
            Some(before) => {
                let mut row = before.clone().into_active_model();
                row.score_centi = Set(outcome.score_centi);
                row.grade = Set(outcome.grade);
                row.breakdown = Set(outcome.breakdown.to_string());
                row.third_party_grade = Set(rating);
                row.computed_at = Set(actor.now);
                row.update(&txn).await?;
            }
            None => {
                evaluation::ActiveModel {
                    period_id: Set(period.id),
                    unit_id: Set(unit.id),
                    score_centi: Set(outcome.score_centi),
                    grade: Set(outcome.grade),
                    breakdown: Set(outcome.breakdown.to_string()),
                    third_party_grade: Set(rating),
                    published: Set(false),
                    computed_at: Set(actor.now),
                    published_at: Set(None),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
    }
    let after = json!({ "units": units.len(), "weights": weights });
    audit(&txn, actor, state, "evaluation_period.compute", None, after, period.id).await?;
    txn.commit().await?;
    Ok((period, units.len()))
}

/// Publishes a computed period's evaluations (the portal and evaluation firms see them) and
/// freezes it.
pub async fn publish(state: &AppState, actor: &Actor<'_>, id: i32) -> AppResult<evaluation_period::Model> {
    may(actor.viewer, Operation::ManageEvaluations)?;
    let before = open_period(&state.db, id).await?;
    let computed =
        evaluation::Entity::find().filter(evaluation::Column::PeriodId.eq(before.id)).count(&state.db).await?;
    if computed == 0 {
        return Err(AppError::InvalidTransition(Reason::NotComputed));
    }
    let txn = state.db.begin().await?;
    let frozen = evaluation_period::Entity::update_many()
        .col_expr(evaluation_period::Column::PublishedAt, sea_orm::sea_query::Expr::value(actor.now))
        .filter(evaluation_period::Column::Id.eq(before.id))
        .filter(evaluation_period::Column::PublishedAt.is_null())
        .exec(&txn)
        .await?;
    if frozen.rows_affected != 1 {
        return Err(AppError::InvalidTransition(Reason::PeriodPublished));
    }
    evaluation::Entity::update_many()
        .col_expr(evaluation::Column::Published, sea_orm::sea_query::Expr::value(true))
        .col_expr(evaluation::Column::PublishedAt, sea_orm::sea_query::Expr::value(actor.now))
        .filter(evaluation::Column::PeriodId.eq(before.id))
        .exec(&txn)
        .await?;
    let after = evaluation_period::Model { published_at: Some(actor.now), ..before.clone() };
    audit(&txn, actor, state, "evaluation_period.publish", Some(json!(before)), json!(after), before.id).await?;
    txn.commit().await?;
    Ok(after)
}

/// The rows a period counts: records decided in it, OVERDUE rectifications falling due in it (with
/// their records, for the unit), breached commitments due in it, substantiated complaints received
/// in it, proposals assigned in it and answered late.
async fn gather(db: &DatabaseConnection, period: &evaluation_period::Model) -> AppResult<EvaluationFacts> {
    let (from, to) = (period.starts_on, period.ends_on);
    let mut records =
        credit_record::Entity::find().filter(credit_record::Column::DecidedOn.between(from, to)).all(db).await?;
    let overdue = rectification::Entity::find()
        .filter(rectification::Column::Status.eq(RectificationStatus::Overdue))
        .filter(rectification::Column::Deadline.between(from, to))
        .all(db)
        .await?;
    // Records of overdue rectifications decided before the period name the unit only: they are
    // gathered under their own year, which this period's evaluation does not read.
    let loaded: std::collections::HashSet<i32> = records.iter().map(|r| r.id).collect();
    let missing: Vec<i32> = overdue.iter().map(|r| r.record_id).filter(|id| !loaded.contains(id)).collect();
    if !missing.is_empty() {
        records.extend(credit_record::Entity::find().filter(credit_record::Column::Id.is_in(missing)).all(db).await?);
    }
    let commitments = commitment::Entity::find()
        .filter(commitment::Column::Status.eq(CommitmentStatus::Breached))
        .filter(commitment::Column::DueOn.between(from, to))
        .all(db)
        .await?;
    let midnight = |day: NaiveDate| day.and_time(chrono::NaiveTime::MIN).and_utc();
    let complaints = complaint::Entity::find()
        .filter(complaint::Column::Status.eq(ComplaintStatus::Substantiated))
        .filter(complaint::Column::ReceivedAt.gte(midnight(from)))
        .filter(complaint::Column::ReceivedAt.lt(midnight(to + chrono::Duration::days(1))))
        .all(db)
        .await?;
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::WasLate.eq(true))
        .filter(proposal::Column::AssignedOn.between(from, to))
        .all(db)
        .await?;
    Ok(EvaluationFacts::gather(&records, &overdue, &commitments, &complaints, &proposals))
}

/// The audit entry of a change to a period (its public id names it).
async fn audit<C: ConnectionTrait>(
    db: &C,
    actor: &Actor<'_>,
    state: &AppState,
    action: &str,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
    period: i32,
) -> AppResult<()> {
    let at = actor.write_context(state);
    let entry = AuditEntry {
        action,
        entity: "evaluation_period",
        entity_id: Some(public_id(NodeType::EvaluationPeriod, period)),
        before,
        after: Some(after),
    };
    Ok(write_audit(db, at.viewer, at.trace, at.now, entry).await?)
}
