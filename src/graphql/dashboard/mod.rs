//! The leadership dashboard (`dashboard`): one object whose parts each answer in a fixed number of
//! statements, the record counts from the maintained rollups (`store::rollups`).

mod debt_warnings;
mod judgment_debtors;
mod overdue;
mod overview;
mod plan_tasks;
mod record_trend;
mod records_by_sector;
pub mod rollup_reads;
mod tally;
mod townships;
mod unit_ranking;
mod workflows;

use async_graphql::{Context, Object};
use chrono::NaiveDate;

pub use debt_warnings::DebtWarning;
pub use judgment_debtors::JudgmentDebtors;
pub use overdue::DashboardOverdue;
pub use overview::DashboardOverview;
pub use record_trend::MonthRecords;
pub use records_by_sector::SectorRecords;
use rollup_reads::{Holders, RollupScope};
pub use tally::{PolarityCount, RecordTally, StatusCount, Tally};
pub use townships::TownshipSummary;
pub use unit_ranking::RankedEvaluation;
pub use workflows::{OpenWorkflows, WorkflowKind};

use crate::{
    error::{AppError, AppResult, Reason},
    graphql::{
        access,
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::{PlanTask, Unit},
    },
};

/// A dashboard's reach: the day, the unit (or the whole county) and whether its subunits count.
pub struct Dashboard {
    pub as_of: NaiveDate,
    /// `None`: the whole county.
    pub unit: Option<i32>,
    pub include_subunits: bool,
    /// The disclosures counted; `None`: all.
    pub disclosures: Option<&'static [entity::enums::Disclosure]>,
}

impl Dashboard {
    fn holders(&self) -> Holders {
        match self.unit {
            Some(unit) => Holders::Units(vec![unit]),
            None => Holders::Roots,
        }
    }

    fn overdue_reach(&self) -> DashboardOverdue {
        DashboardOverdue { unit: self.unit, include_subunits: self.include_subunits, as_of: self.as_of }
    }

    fn scope(&self) -> RollupScope {
        RollupScope { holders: self.holders(), subtree: self.include_subunits, disclosures: self.disclosures }
    }
}

/// Leadership's view of a unit's subtree or of the whole county: records, workflows, rankings,
/// townships, judgment debtors, debt warnings and the plan's tasks. Counts cover what the viewer
/// may count (an evaluation firm: PUBLIC and SHARED records).
#[Object]
impl Dashboard {
    /// The day the dashboard is read for: the trend ends in its month.
    async fn as_of(&self) -> Date {
        Date(self.as_of)
    }

    /// The unit it covers; null: the whole county.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<Unit>> {
        match self.unit {
            Some(id) => Ok(access::unit(ctx, id).await?.map(Unit)),
            None => Ok(None),
        }
    }

    /// Whether the units below it count too.
    async fn include_subunits(&self) -> bool {
        self.include_subunits
    }

    /// The records by polarity, status and severity — all, the units' own, their officials' —
    /// and the open workflows by kind.
    async fn overview(&self, ctx: &Context<'_>) -> AppResult<DashboardOverview> {
        overview::overview(ctx.reader()?, &self.scope(), self.overdue_reach()).await
    }

    /// The records of each key sector, every sector listed.
    async fn records_by_sector(&self, ctx: &Context<'_>) -> AppResult<Vec<SectorRecords>> {
        records_by_sector::records_by_sector(ctx.reader()?, &self.scope()).await
    }

    /// The records decided in each of the last `months` months up to `asOf` (revoked ones left
    /// out), oldest first, every month listed.
    async fn record_trend(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many months (1–120).", default = 12)] months: i32,
    ) -> AppResult<Vec<MonthRecords>> {
        if !(1..=120).contains(&months) {
            return Err(AppError::bad_argument("months", Reason::NumberBetween { min: 1, max: 120 }));
        }
        record_trend::record_trend(ctx.reader()?, &self.scope(), self.as_of, months as u32).await
    }

    /// The townships within the reach, by name, each with its subtree's records and its latest
    /// evaluation.
    async fn townships(&self, ctx: &Context<'_>) -> AppResult<Vec<TownshipSummary>> {
        townships::townships(ctx.reader()?, ctx.viewer()?, &self.holders(), self.disclosures).await
    }

    /// The evaluations of a period for the units within the reach, best first (or worst first),
    /// with their rank. Without `periodId`: the latest period the viewer may see evaluations of
    /// (the credit office recomputes an open period at will: the live ranking).
    async fn unit_ranking(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The period (default: the latest with evaluations the viewer may see).")] period_id: Option<
            async_graphql::ID,
        >,
        #[graphql(desc = "How many (1–100).", default = 10)] first: i32,
        #[graphql(desc = "Worst first.", default = false)] lowest_first: bool,
    ) -> AppResult<Vec<RankedEvaluation>> {
        if !(1..=100).contains(&first) {
            return Err(AppError::bad_argument("first", Reason::NumberBetween { min: 1, max: 100 }));
        }
        let period = period_id.as_ref().map(|id| expect_id(id, NodeType::EvaluationPeriod, "periodId")).transpose()?;
        let (db, viewer) = (ctx.reader()?, ctx.viewer()?);
        unit_ranking::unit_ranking(db, viewer, self.unit, period, first as u64, lowest_first).await
    }

    /// The overdue workflows of the reach, kind by kind, as connections.
    async fn overdue(&self) -> DashboardOverdue {
        self.overdue_reach()
    }

    /// 失信被执行人 listings (判决一起、执行一起): listed, still listed, removed, the removal
    /// rate and the median days to removal.
    async fn judgment_debtors(&self, ctx: &Context<'_>) -> AppResult<JudgmentDebtors> {
        let state = ctx.state()?;
        let today = state.clock.today();
        let (unit, subunits) = (self.unit, self.include_subunits);
        judgment_debtors::judgment_debtors(ctx.reader()?, ctx.viewer()?, today, unit, subunits, self.as_of).await
    }

    /// Units whose debt ratio for the year is YELLOW or worse (债务风险预警), worst first.
    async fn debt_warnings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year (default: the year of `asOf`).")] year: Option<i32>,
    ) -> AppResult<Vec<DebtWarning>> {
        let year = year.unwrap_or_else(|| chrono::Datelike::year(&self.as_of));
        if !(2000..=2100).contains(&year) {
            return Err(AppError::bad_argument("year", Reason::NumberBetween { min: 2000, max: 2100 }));
        }
        let state = ctx.state()?;
        debt_warnings::debt_warnings(ctx.reader()?, ctx.viewer()?, &state.config.debt_bands, self.unit, year).await
    }

    /// The plan's tasks a lead unit within the reach is behind on: its report on the last half
    /// year due is missing, or its latest report says DELAYED.
    async fn plan_tasks(&self, ctx: &Context<'_>) -> AppResult<Vec<PlanTask>> {
        plan_tasks::tasks_behind(ctx.reader()?, ctx.viewer()?, self.unit, self.as_of).await
    }
}
