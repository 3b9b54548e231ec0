//! `evaluationPeriods` and `evaluations` (plan tasks 2.1.1, 2.1.3): published evaluations for
//! everyone, the portal included; all of them for the credit office, leadership and the
//! administrator; a unit clerk's subtree's.

use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::{evaluation, evaluation_period};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::policy::{self, evaluations::evaluations_visible_to, Operation},
    error::AppResult,
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        ids::{expect_id, NodeType},
        keyset::{paginate, SortKey},
        types::evaluation::{Evaluation, EvaluationConnection, EvaluationPeriod, EvaluationPeriodConnection, Grade},
    },
};

/// Which evaluations to list.
#[derive(InputObject, Default)]
pub struct EvaluationFilter {
    /// Only this period's.
    pub period_id: Option<ID>,
    /// Only this unit's.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only these grades.
    pub grade: Option<Vec<Grade>>,
    /// Only published (true) or unpublished (false) ones.
    pub published: Option<bool>,
}

/// What to sort evaluations by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum EvaluationOrderField {
    /// The score (a ranking).
    Score,
    /// The unit.
    Unit,
}

/// Sort order of evaluations (default: highest score first).
#[derive(InputObject, Clone, Copy)]
pub struct EvaluationOrder {
    /// The field.
    #[graphql(default_with = "EvaluationOrderField::Score")]
    pub field: EvaluationOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Desc")]
    pub direction: OrderDirection,
}

impl Default for EvaluationOrder {
    fn default() -> Self {
        Self { field: EvaluationOrderField::Score, direction: OrderDirection::Desc }
    }
}

#[derive(Default)]
pub struct EvaluationQuery;

#[Object]
impl EvaluationQuery {
    /// Evaluation periods, latest year first.
    async fn evaluation_periods(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Start after this cursor.")] after: Option<String>,
    ) -> AppResult<EvaluationPeriodConnection> {
        policy::may(ctx.viewer()?, Operation::ListEvaluations)?;
        let select = evaluation_period::Entity::find();
        let key = SortKey::by(evaluation_period::Column::StartsOn, evaluation_period::Column::Id, OrderDirection::Desc);
        let args = PageArgs { first, after, last: None, before: None };
        let page = paginate(ctx, select, &key, &args).await?;
        Ok(page.map(EvaluationPeriod).into())
    }

    /// Evaluations the viewer may see (published ones for everyone), highest score first.
    #[allow(clippy::too_many_arguments)]
    async fn evaluations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which evaluations.")] filter: Option<EvaluationFilter>,
        #[graphql(desc = "Sort order (default: highest score first).")] order_by: Option<EvaluationOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<EvaluationConnection> {
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ListEvaluations)?;
        let filter = filter.unwrap_or_default();
        let order = order_by.unwrap_or_default();
        let mut select = evaluation::Entity::find().filter(evaluations_visible_to(viewer));
        if let Some(period) = &filter.period_id {
            let period = expect_id(period, NodeType::EvaluationPeriod, "filter.periodId")?;
            select = select.filter(evaluation::Column::PeriodId.eq(period));
        }
        if let Some(unit) = &filter.unit_id {
            let unit =
                super::filters::in_unit(evaluation::Column::UnitId, unit, filter.include_subunits, "filter.unitId")?;
            select = select.filter(unit);
        }
        if let Some(grades) = &filter.grade {
            select =
                select.filter(evaluation::Column::Grade.is_in(grades.iter().map(|g| entity::enums::Grade::from(*g))));
        }
        if let Some(published) = filter.published {
            select = select.filter(evaluation::Column::Published.eq(published));
        }
        let column = match order.field {
            EvaluationOrderField::Score => evaluation::Column::ScoreCenti,
            EvaluationOrderField::Unit => evaluation::Column::UnitId,
        };
        let key = SortKey::by(column, evaluation::Column::Id, order.direction);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(Evaluation).into())
    }
}
