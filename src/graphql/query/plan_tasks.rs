//! `planTasks`.

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, ID};
use entity::{plan_task, plan_task_lead_unit};
use sea_orm::{sea_query::Query, ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::policy,
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        ids::{expect_id, NodeType},
        keyset::{paginate, SortKey},
        types::{PlanTask, PlanTaskConnection},
    },
};

/// Which plan tasks to list.
#[derive(InputObject, Default)]
pub struct PlanTaskFilter {
    /// Only tasks this unit leads.
    pub lead_unit_id: Option<ID>,
    /// Only this part of the plan (`MAIN_TASK`, `KEY_SECTOR`, `SAFEGUARD`).
    pub section: Option<String>,
    /// Only tasks whose code starts with this (e.g. `2.3`).
    pub code_prefix: Option<String>,
}

#[derive(Default)]
pub struct PlanTaskQuery;

#[Object]
impl PlanTaskQuery {
    /// The plan's tasks in the plan's order.
    #[graphql(visible = "crate::graphql::visibility::list_plan_tasks")]
    async fn plan_tasks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which tasks.")] filter: Option<PlanTaskFilter>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<PlanTaskConnection> {
        policy::can_read_plan_tasks(ctx.viewer()?)?;
        let filter = filter.unwrap_or_default();
        let mut select = plan_task::Entity::find();
        if let Some(unit) = &filter.lead_unit_id {
            let unit = expect_id(unit, NodeType::Unit, "filter.leadUnitId")?;
            select = select.filter(
                plan_task::Column::Id.in_subquery(
                    Query::select()
                        .column(plan_task_lead_unit::Column::TaskId)
                        .from(plan_task_lead_unit::Entity)
                        .and_where(plan_task_lead_unit::Column::UnitId.eq(unit))
                        .to_owned(),
                ),
            );
        }
        if let Some(section) = &filter.section {
            select = select.filter(plan_task::Column::Section.eq(section.as_str()));
        }
        if let Some(prefix) = &filter.code_prefix {
            select = select.filter(plan_task::Column::Code.starts_with(prefix.as_str()));
        }
        let key = SortKey::by(plan_task::Column::SortOrder, plan_task::Column::Id, OrderDirection::Asc);
        let args = PageArgs { first, after, last, before };
        let page = paginate(ctx, select, &key, &args).await?;
        Ok(page.map(PlanTask).into())
    }
}
