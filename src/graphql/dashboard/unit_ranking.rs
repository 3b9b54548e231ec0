//! `Dashboard.unitRanking`: the evaluations of a period (by default the latest period the viewer
//! may see evaluations of — the credit office recomputes the open period at will, so that is the
//! live ranking) for the units within the reach, best or worst first, with their rank.

use async_graphql::SimpleObject;
use entity::{evaluation, evaluation_period};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};

use crate::{
    auth::{
        policy::{self, evaluations::evaluations_visible_to, Operation},
        Viewer,
    },
    error::AppResult,
    graphql::types::evaluation::Evaluation,
};

/// A unit's place in a ranking.
#[derive(SimpleObject, Clone)]
pub struct RankedEvaluation {
    /// Its rank among the reach's units in the period, 1 the best (equal scores share a rank).
    pub rank: i32,
    /// The evaluation: unit, score, grade and breakdown.
    pub evaluation: Evaluation,
}

/// The first `first` of the ranking of `period` (the latest visible without) under `root`.
pub async fn unit_ranking<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    root: Option<i32>,
    period: Option<i32>,
    first: u64,
    lowest_first: bool,
) -> AppResult<Vec<RankedEvaluation>> {
    policy::may(viewer, Operation::ListEvaluations)?;
    let mut visible = evaluation::Entity::find().filter(evaluations_visible_to(viewer));
    if let Some(root) = root {
        visible = visible.filter(policy::in_subtree(evaluation::Column::UnitId, Some(root)));
    }
    let period = match period {
        Some(period) => Some(period),
        None => evaluation_period::Entity::find()
            .filter(
                evaluation_period::Column::Id
                    .in_subquery(visible.clone().select_only().column(evaluation::Column::PeriodId).into_query()),
            )
            .order_by_desc(evaluation_period::Column::StartsOn)
            .order_by_desc(evaluation_period::Column::Id)
            .one(db)
            .await?
            .map(|p| p.id),
    };
    let Some(period) = period else { return Ok(Vec::new()) };
    let rows = visible.filter(evaluation::Column::PeriodId.eq(period));
    // Ranks count from the top whichever end is shown: the better scores of the period.
    let all_scores: Vec<i32> = rows
        .clone()
        .select_only()
        .column(evaluation::Column::ScoreCenti)
        .order_by_desc(evaluation::Column::ScoreCenti)
        .into_tuple()
        .all(db)
        .await?;
    let shown = if lowest_first {
        rows.order_by_asc(evaluation::Column::ScoreCenti).order_by_desc(evaluation::Column::UnitId)
    } else {
        rows.order_by_desc(evaluation::Column::ScoreCenti).order_by_asc(evaluation::Column::UnitId)
    };
    let shown = shown.limit(first).all(db).await?;
    Ok(shown
        .into_iter()
        .map(|row| {
            let better = all_scores.partition_point(|score| *score > row.score_centi);
            RankedEvaluation { rank: better as i32 + 1, evaluation: Evaluation(row) }
        })
        .collect())
}
