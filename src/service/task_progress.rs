//! Plan supervision (plan task 4.4): a lead unit's clerk reports on its task for a half year —
//! status and summary — once per period; a later report for the same period replaces it, the
//! audit log keeping both. The credit office and the administrator may report for any lead unit.

use entity::{
    enums::TaskProgressStatus,
    plan_task, plan_task_lead_unit,
    task_progress::{self, Column},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};
use serde_json::json;

use super::Actor;
use crate::{
    auth::policy::{self, Operation},
    domain::task_progress_rules::Period,
    error::{text_problem, AppError, AppResult, FieldChecks, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::audit::{write_audit, AuditEntry},
};

/// A report as made.
pub struct Report {
    pub task_id: i32,
    /// The lead unit reporting (a clerk: its own unit when left out).
    pub unit_id: Option<i32>,
    pub period: String,
    pub status: TaskProgressStatus,
    pub summary: String,
}

/// Records a lead unit's report on a task for a half year; returns it.
pub async fn report(state: &AppState, actor: &Actor<'_>, report: Report) -> AppResult<task_progress::Model> {
    policy::may(actor.viewer, Operation::ReportTaskProgress)?;
    let unit = report.unit_id.or(actor.viewer.unit_id).ok_or(AppError::bad_input("unitId", Reason::Required))?;
    policy::can_report_for(actor.viewer, unit)?;
    let task = plan_task::Entity::find_by_id(report.task_id).one(&state.db).await?;
    let leads = plan_task_lead_unit::Entity::find()
        .filter(plan_task_lead_unit::Column::TaskId.eq(report.task_id))
        .filter(plan_task_lead_unit::Column::UnitId.eq(unit))
        .count(&state.db)
        .await?;
    let period = Period::parse(&report.period);
    let today = state.clock.today();
    let mut checks = FieldChecks::new();
    checks
        .refuse_if(task.is_none(), "taskId", Reason::UnknownTask)
        .refuse_if(task.is_some() && leads == 0, "unitId", Reason::NotALeadUnit)
        .refuse_if(period.is_none(), "period", Reason::NotAPeriod)
        .refuse_if(period.is_some_and(|p| p.start() > today), "period", Reason::DateInFuture)
        .note("summary", text_problem(&report.summary, 5_000))
        .finish()?;
    let period = period.map(|p| p.to_string()).unwrap_or_default();
    let before = task_progress::Entity::find()
        .filter(Column::TaskId.eq(report.task_id))
        .filter(Column::UnitId.eq(unit))
        .filter(Column::Period.eq(period.as_str()))
        .one(&state.db)
        .await?;
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = match &before {
        None => {
            let row = task_progress::ActiveModel {
                task_id: Set(report.task_id),
                unit_id: Set(unit),
                period: Set(period),
                summary: Set(report.summary.trim().to_owned()),
                status: Set(report.status),
                reported_by_user_id: Set(actor.viewer.user_id),
                reported_at: Set(actor.now),
                ..Default::default()
            };
            sea_orm::ActiveModelTrait::insert(row, &txn).await?
        }
        Some(before) => {
            let changed = task_progress::Model {
                summary: report.summary.trim().to_owned(),
                status: report.status,
                reported_by_user_id: actor.viewer.user_id,
                reported_at: actor.now,
                ..before.clone()
            };
            // Compare-and-set on the time of the report replaced: two revisions at once cannot
            // both pass.
            let written = task_progress::Entity::update_many()
                .set(task_progress::ActiveModel {
                    summary: Set(changed.summary.clone()),
                    status: Set(changed.status),
                    reported_by_user_id: Set(changed.reported_by_user_id),
                    reported_at: Set(changed.reported_at),
                    ..Default::default()
                })
                .filter(Column::Id.eq(before.id))
                .filter(Column::ReportedAt.eq(before.reported_at))
                .exec(&txn)
                .await?;
            if written.rows_affected != 1 {
                return Err(AppError::Conflict(Reason::ChangedMeanwhile));
            }
            changed
        }
    };
    let entry = AuditEntry {
        action: if before.is_some() { "task_progress.revise" } else { "task_progress.report" },
        entity: "task_progress",
        entity_id: Some(public_id(NodeType::PlanTask, saved.task_id)),
        before: before.map(|b| json!(b)),
        after: Some(json!(saved)),
    };
    write_audit(&txn, at.viewer, at.trace, at.now, entry).await?;
    txn.commit().await?;
    Ok(saved)
}
