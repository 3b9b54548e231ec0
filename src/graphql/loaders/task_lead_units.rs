//! `PlanTask.leadUnits`: the lead units of many tasks in two statements.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use entity::{plan_task_lead_unit, unit};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::error::AppError;

pub struct TaskLeadUnits {
    db: DatabaseConnection,
}

impl TaskLeadUnits {
    pub fn new(db: &DatabaseConnection) -> Self {
        Self { db: db.clone() }
    }
}

impl Loader<i32> for TaskLeadUnits {
    type Value = Vec<unit::Model>;
    type Error = AppError;

    async fn load(&self, tasks: &[i32]) -> Result<HashMap<i32, Self::Value>, Self::Error> {
        let links = plan_task_lead_unit::Entity::find()
            .filter(plan_task_lead_unit::Column::TaskId.is_in(tasks.iter().copied()))
            .all(&self.db)
            .await?;
        let units: HashMap<i32, unit::Model> = unit::Entity::find()
            .filter(unit::Column::Id.is_in(links.iter().map(|l| l.unit_id)))
            .order_by_asc(unit::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let mut answer: HashMap<i32, Self::Value> = tasks.iter().map(|t| (*t, Vec::new())).collect();
        for link in links {
            if let Some(unit) = units.get(&link.unit_id) {
                answer.entry(link.task_id).or_default().push(unit.clone());
            }
        }
        for leads in answer.values_mut() {
            leads.sort_by_key(|u| u.id);
        }
        Ok(answer)
    }
}
