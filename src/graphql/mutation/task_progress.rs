//! `reportTaskProgress` (plan task 4.4): a lead unit's half-yearly report on a plan task.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::task_progress::{TaskProgressReport, TaskProgressStatus},
    },
    service::task_progress::{self, Report},
};

/// A lead unit's report for a half year.
#[derive(InputObject)]
pub struct ReportTaskProgressInput {
    /// The plan task.
    pub task_id: ID,
    /// The lead unit reporting (a clerk: leave out, or its own unit; the credit office names it).
    pub unit_id: Option<ID>,
    /// The half year, e.g. `2026-H1` (not one that has not begun). A second report for the same
    /// half year replaces the first; the audit log keeps both.
    pub period: String,
    /// How the task stands.
    pub status: TaskProgressStatus,
    /// What was done (at most 5000 characters).
    pub summary: String,
}

/// The report as saved.
#[derive(SimpleObject)]
pub struct ReportTaskProgressPayload {
    /// The report.
    pub report: TaskProgressReport,
}

#[derive(Default)]
pub struct TaskProgressMutation;

#[Object]
impl TaskProgressMutation {
    /// Reports a lead unit's progress on a plan task for a half year (its clerk, or the credit
    /// office for any lead unit). Audited.
    #[graphql(visible = "crate::graphql::visibility::report_task_progress")]
    async fn report_task_progress(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The report.")] input: ReportTaskProgressInput,
    ) -> AppResult<ReportTaskProgressPayload> {
        let report = Report {
            task_id: expect_id(&input.task_id, NodeType::PlanTask, "input.taskId")?,
            unit_id: input.unit_id.as_ref().map(|u| expect_id(u, NodeType::Unit, "input.unitId")).transpose()?,
            period: input.period,
            status: input.status.into(),
            summary: input.summary,
        };
        let saved = task_progress::report(ctx.state()?, &ctx.actor()?, report).await?;
        Ok(ReportTaskProgressPayload { report: TaskProgressReport(saved) })
    }
}
