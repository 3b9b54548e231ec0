//! `Dashboard.planTasks` (plan task 4.4): the plan's tasks that a lead unit within the reach is
//! behind on — its report on the last half year that fell due is missing, or its latest report
//! says DELAYED — in plan order, in three statements (their `progress` through the loaders).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use entity::{enums::TaskProgressStatus, plan_task, plan_task_lead_unit, task_progress};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    auth::{policy, Viewer},
    domain::task_progress_rules::Period,
    error::AppResult,
    graphql::types::PlanTask,
};

/// The tasks behind, for lead units under `root` (anywhere without).
pub async fn tasks_behind<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    root: Option<i32>,
    as_of: NaiveDate,
) -> AppResult<Vec<PlanTask>> {
    policy::can_read_plan_tasks(viewer)?;
    let mut leads = plan_task_lead_unit::Entity::find();
    if let Some(root) = root {
        leads = leads.filter(policy::in_subtree(plan_task_lead_unit::Column::UnitId, Some(root)));
    }
    let leads = leads.all(db).await?;
    let due = Period::last_due(as_of).to_string();
    // Latest half year first, so the first report of a (task, unit) is its latest.
    let reports = task_progress::Entity::find()
        .order_by_desc(task_progress::Column::Period)
        .order_by_desc(task_progress::Column::Id)
        .all(db)
        .await?;
    let mut latest: HashMap<(i32, i32), TaskProgressStatus> = HashMap::new();
    let mut reported_due: HashSet<(i32, i32)> = HashSet::new();
    for report in &reports {
        let key = (report.task_id, report.unit_id);
        latest.entry(key).or_insert(report.status);
        if report.period == due {
            reported_due.insert(key);
        }
    }
    let behind: HashSet<i32> = leads
        .iter()
        .map(|lead| (lead.task_id, lead.unit_id))
        .filter(|key| !reported_due.contains(key) || latest.get(key) == Some(&TaskProgressStatus::Delayed))
        .map(|(task, _)| task)
        .collect();
    Ok(plan_task::Entity::find()
        .filter(plan_task::Column::Id.is_in(behind))
        .order_by_asc(plan_task::Column::SortOrder)
        .order_by_asc(plan_task::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(PlanTask)
        .collect())
}
