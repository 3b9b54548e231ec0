//! `Dashboard.overview`: the reach's records — all, the units' own and their officials' — by
//! polarity, status and severity, from the status rollup in one statement; and its open workflows.

use async_graphql::{ComplexObject, Context, SimpleObject};
use entity::enums::SubjectType;
use sea_orm::ConnectionTrait;

use super::{
    overdue::DashboardOverdue,
    rollup_reads::{by_subject, RollupScope},
    tally::{RecordTally, Tally},
    workflows::OpenWorkflows,
};
use crate::{error::AppResult, graphql::context::ContextExt};

/// The records and open workflows of a dashboard's reach.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct DashboardOverview {
    /// Every record: the units' own and their officials'.
    pub all: RecordTally,
    /// The units' own records.
    pub units_own: RecordTally,
    /// The records of the units' officials.
    pub officials: RecordTally,
    /// The reach, for the open workflows (counted only when asked for).
    #[graphql(skip)]
    pub reach: DashboardOverdue,
}

#[ComplexObject]
impl DashboardOverview {
    /// The open workflows by kind, with how many are overdue as of `asOf` (the kinds the viewer
    /// may list). A repair application is overdue when submitted more than `CHENGXIN_REPAIR_DAYS`
    /// days before, a proposal when its round was due before; the others when the deadline sweep
    /// marked them.
    async fn open_workflows(&self, ctx: &Context<'_>) -> AppResult<Vec<OpenWorkflows>> {
        self.reach.reach(ctx)?.open_workflows(ctx.reader()?).await
    }
}

/// The three tallies of `scope`, in one statement.
pub async fn overview<C: ConnectionTrait>(
    db: &C,
    scope: &RollupScope,
    reach: DashboardOverdue,
) -> AppResult<DashboardOverview> {
    let (mut all, mut own, mut officials) = (Tally::default(), Tally::default(), Tally::default());
    for (subject, polarity, severity, status, count) in by_subject(db, scope).await? {
        all.add(polarity, severity, status, count);
        match subject {
            SubjectType::Unit => own.add(polarity, severity, status, count),
            SubjectType::Official => officials.add(polarity, severity, status, count),
        }
    }
    Ok(DashboardOverview { all: all.finish(), units_own: own.finish(), officials: officials.finish(), reach })
}
