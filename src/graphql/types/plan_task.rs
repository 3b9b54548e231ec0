//! `PlanTask`: a task of the plan 德政〔2019〕73号.

use crate::error::AppResult;
use async_graphql::{Context, Object, ID};
use entity::plan_task;

use super::{
    task_progress::{LeadUnitProgress, TaskProgressReport, TaskProgressReportConnection},
    Unit,
};
use crate::{
    domain::task_progress_rules::Period,
    graphql::{
        connection::connection_types,
        context::ContextExt,
        ids::{global_id, NodeType},
        loaders::ReportsOfTask,
        nested::{nested_page, NestedLoaders},
    },
};

/// A task of the county's integrity plan (德政〔2019〕73号), with its lead units.
#[derive(Clone)]
pub struct PlanTask(pub plan_task::Model);

/// A task of the county's integrity plan (德政〔2019〕73号), with its lead units.
#[Object(visible = "crate::graphql::visibility::list_plan_tasks")]
impl PlanTask {
    /// The task's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::PlanTask, self.0.id)
    }

    /// The task's code in the plan, e.g. `2.3.1`.
    async fn code(&self) -> &str {
        &self.0.code
    }

    /// The part of the plan: `PRINCIPLE`, `MAIN_TASK`, `KEY_SECTOR` or `SAFEGUARD`.
    async fn section(&self) -> &str {
        &self.0.section
    }

    /// The task's title, as in the plan.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// What the task asks for.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// The units that lead the task (牵头单位).
    async fn lead_units(&self, ctx: &Context<'_>) -> AppResult<Vec<Unit>> {
        let units = ctx.loaders()?.task_lead_units().load_one(self.0.id).await?;
        Ok(units.unwrap_or_default().into_iter().map(Unit).collect())
    }

    /// Where each lead unit stands (plan task 4.4): its latest report, and whether the report on
    /// the last half year that fell due is missing.
    async fn progress(&self, ctx: &Context<'_>) -> AppResult<Vec<LeadUnitProgress>> {
        let loaders = ctx.loaders()?;
        let (leads, reports) = futures::try_join!(
            loaders.task_lead_units().load_one(self.0.id),
            loaders.task_reports().load_one(self.0.id)
        )?;
        let reports = reports.unwrap_or_default();
        let due = Period::last_due(ctx.state()?.clock.today()).to_string();
        Ok(leads
            .unwrap_or_default()
            .into_iter()
            .map(|unit| {
                let own = || reports.iter().filter(move |r| r.unit_id == unit.id);
                // Reports come latest half year first.
                let latest = own().next().cloned().map(TaskProgressReport);
                let overdue = !own().any(|r| r.period == due);
                LeadUnitProgress { unit: Unit(unit), latest, overdue, last_due_period: due.clone() }
            })
            .collect())
    }

    /// Every report on the task, latest half year first.
    async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<TaskProgressReportConnection> {
        let loaders =
            NestedLoaders::<ReportsOfTask> { pages: |l| l.task_report_pages(), counts: |l| l.task_report_counts() };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, TaskProgressReport).await?.into())
    }
}

connection_types!(PlanTaskConnection, PlanTaskEdge, PlanTask, "plan tasks");
