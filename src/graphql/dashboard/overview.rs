//! `Dashboard.overview`: the reach's records — all, the units' own and their officials' — by
//! polarity, status and severity, from the rollups in one statement; and its open workflows.

use async_graphql::SimpleObject;
use entity::enums::SubjectType;
use sea_orm::ConnectionTrait;

use super::{
    rollup_reads::{by_status, RollupScope},
    tally::{RecordTally, Tally},
    workflows::{OpenWorkflows, WorkflowReach},
};
use crate::error::AppResult;

/// The records and open workflows of a dashboard's reach.
#[derive(SimpleObject, Clone)]
pub struct DashboardOverview {
    /// Every record: the units' own and their officials'.
    pub all: RecordTally,
    /// The units' own records.
    pub units_own: RecordTally,
    /// The records of the units' officials.
    pub officials: RecordTally,
    /// The open workflows by kind, with how many are overdue (the kinds the viewer may list).
    pub open_workflows: Vec<OpenWorkflows>,
}

/// The three tallies of `scope` (one statement) and the open workflows (one per kind).
pub async fn overview<C: ConnectionTrait>(
    db: &C,
    scope: &RollupScope,
    workflows: &WorkflowReach<'_>,
) -> AppResult<DashboardOverview> {
    let (mut all, mut own, mut officials) = (Tally::default(), Tally::default(), Tally::default());
    for (_, _, subject, polarity, severity, status, count) in by_status(db, scope).await? {
        all.add(polarity, severity, status, count);
        match subject {
            SubjectType::Unit => own.add(polarity, severity, status, count),
            SubjectType::Official => officials.add(polarity, severity, status, count),
        }
    }
    Ok(DashboardOverview {
        all: all.finish(),
        units_own: own.finish(),
        officials: officials.finish(),
        open_workflows: workflows.open_workflows(db).await?,
    })
}
