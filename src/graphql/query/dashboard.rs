//! `dashboard`: leadership's view of the county or of a unit's subtree (plan parts 2 and 4), for
//! leadership, the credit office, evaluation firms (what they may count) and a unit clerk (its own
//! subtree).

use async_graphql::{Context, Object, ID};

use crate::{
    auth::policy::{
        self,
        dashboards::{dashboard_disclosures, dashboard_reach, DashboardReach},
        Operation,
    },
    error::{AppError, AppResult, Reason},
    graphql::{
        access,
        context::ContextExt,
        dashboard::Dashboard,
        ids::{expect_id, NodeType},
        scalars::Date,
    },
    service::scope::unit_within,
};

#[derive(Default)]
pub struct DashboardQuery;

#[Object]
impl DashboardQuery {
    /// The dashboard of a unit's subtree, or of the whole county (a unit clerk: its own subtree).
    #[graphql(visible = "crate::graphql::visibility::read_dashboard")]
    async fn dashboard(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The day to read it for (default: today; not after today).")] as_of: Option<Date>,
        #[graphql(desc = "The unit (default: the whole county; a clerk's own unit).")] unit_id: Option<ID>,
        #[graphql(desc = "Whether the units below it count too.", default = true)] include_subunits: bool,
    ) -> AppResult<Dashboard> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ReadDashboard)?;
        let today = state.clock.today();
        let as_of = as_of.map(|d| d.0).unwrap_or(today);
        if as_of > today {
            return Err(AppError::bad_argument("asOf", Reason::DateInFuture));
        }
        let asked = match &unit_id {
            Some(id) => {
                let row = expect_id(id, NodeType::Unit, "unitId")?;
                access::unit(ctx, row).await?.ok_or(AppError::NotFound(Reason::UnitNotFound))?;
                Some(row)
            }
            None => None,
        };
        let unit = match (dashboard_reach(viewer)?, asked) {
            (DashboardReach::County, asked) => asked,
            (DashboardReach::Subtree(own), None) => Some(own),
            (DashboardReach::Subtree(own), Some(asked)) => {
                if !unit_within(ctx.reader()?, own, asked).await? {
                    return Err(AppError::Forbidden(Reason::OutsideYourUnits));
                }
                Some(asked)
            }
        };
        Ok(Dashboard { as_of, unit, include_subunits, disclosures: dashboard_disclosures(viewer) })
    }
}
