//! `PlanTask`: a task of the plan 德政〔2019〕73号.

use crate::error::AppResult;
use async_graphql::{Context, Object, ID};
use entity::plan_task;

use super::Unit;
use crate::graphql::{
    connection::connection_types,
    context::ContextExt,
    ids::{global_id, NodeType},
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
        let units = ctx.loaders()?.task_lead_units.load_one(self.0.id).await?;
        Ok(units.unwrap_or_default().into_iter().map(Unit).collect())
    }
}

connection_types!(PlanTaskConnection, PlanTaskEdge, PlanTask, "plan tasks");
