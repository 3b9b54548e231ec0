//! Plan supervision (plan task 4.4): `TaskProgressReport`, a lead unit's half-yearly report on a
//! plan task, and `LeadUnitProgress`, where each lead unit stands.

use async_graphql::{Context, Enum, Object, SimpleObject};
use entity::task_progress;

use super::Unit;
use crate::{
    domain::task_progress_rules::{is_late, Period},
    error::AppResult,
    graphql::{
        access,
        connection::connection_types,
        scalars::{Date, DateTime},
    },
};

/// How a task stands in a lead unit's report.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::TaskProgressStatus")]
pub enum TaskProgressStatus {
    /// Not started.
    NotStarted,
    /// Under way, as planned.
    InProgress,
    /// Done.
    Completed,
    /// Behind its plan.
    Delayed,
}

/// A lead unit's report on a plan task for a half year.
#[derive(Clone)]
pub struct TaskProgressReport(pub task_progress::Model);

/// A lead unit's report on a plan task for a half year.
#[Object]
impl TaskProgressReport {
    /// The reporting lead unit.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// The half year, e.g. `2026-H1`.
    async fn period(&self) -> &str {
        &self.0.period
    }

    /// How the task stands.
    async fn status(&self) -> TaskProgressStatus {
        self.0.status.into()
    }

    /// What was done.
    async fn summary(&self) -> &str {
        &self.0.summary
    }

    /// When it was reported (the latest revision).
    async fn reported_at(&self) -> DateTime {
        DateTime(self.0.reported_at)
    }

    /// The last day it was due: the 15th day after the half year ended.
    async fn due_on(&self) -> Option<Date> {
        Period::parse(&self.0.period).map(|p| Date(p.due()))
    }

    /// Reported after it was due.
    async fn late(&self) -> bool {
        is_late(&self.0.period, self.0.reported_at.date_naive())
    }
}

/// Where one lead unit stands on a task.
#[derive(SimpleObject)]
pub struct LeadUnitProgress {
    /// The lead unit.
    pub unit: Unit,
    /// Its latest report, if any.
    pub latest: Option<TaskProgressReport>,
    /// It has not reported on the last half year that fell due (`lastDuePeriod`).
    pub overdue: bool,
    /// The last half year whose report fell due.
    pub last_due_period: String,
}

connection_types!(TaskProgressReportConnection, TaskProgressReportEdge, TaskProgressReport, "progress reports");
