//! Query root: one file per resource, merged.

mod filters;
mod me;
mod node;
mod officials;
mod plan_tasks;
mod units;

use async_graphql::MergedObject;

/// Everything that can be read.
#[derive(MergedObject, Default)]
pub struct QueryRoot(
    me::MeQuery,
    node::NodeQuery,
    units::UnitQuery,
    officials::OfficialQuery,
    plan_tasks::PlanTaskQuery,
);
