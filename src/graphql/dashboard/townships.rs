//! `Dashboard.townships`: each township (乡镇) in the dashboard's reach with its subtree's records
//! (its villages' included) and its latest evaluation the viewer may see.

use std::collections::HashMap;

use async_graphql::SimpleObject;
use entity::{enums::UnitKind, evaluation, evaluation_period, unit};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Query},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::{
    rollup_reads::{by_holder, Holders, RollupScope},
    tally::{RecordTally, Tally},
};
use crate::{
    auth::{
        policy::{evaluations::evaluations_visible_to, in_subtree},
        Viewer,
    },
    error::AppResult,
    graphql::types::{evaluation::Evaluation, Unit},
};

/// A township and its subtree.
#[derive(SimpleObject, Clone)]
pub struct TownshipSummary {
    /// The township.
    pub unit: Unit,
    /// The records of the township, its villages and their officials.
    pub records: RecordTally,
    /// Its evaluation of the latest period the viewer may see one of.
    pub latest_evaluation: Option<Evaluation>,
}

/// The townships under `roots` (the whole county without), by name, in three statements.
pub async fn townships<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    roots: &Holders,
    disclosures: Option<&'static [entity::enums::Disclosure]>,
) -> AppResult<Vec<TownshipSummary>> {
    let mut select = unit::Entity::find().filter(unit::Column::Kind.eq(UnitKind::Township));
    if let Holders::Units(roots) = roots {
        let mut within = sea_orm::Condition::any();
        for root in roots {
            within = within.add(in_subtree(unit::Column::Id, Some(*root)));
        }
        select = select.filter(within);
    }
    let units = select.order_by_asc(unit::Column::Name).order_by_asc(unit::Column::Id).all(db).await?;
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = units.iter().map(|u| u.id).collect();
    let scope = RollupScope { holders: Holders::Units(ids.clone()), subtree: true, disclosures };
    let mut tallies: HashMap<i32, Tally> = HashMap::new();
    for (unit, polarity, severity, status, count) in by_holder(db, &scope).await? {
        tallies.entry(unit).or_default().add(polarity, severity, status, count);
    }
    let latest = latest_evaluations(db, viewer, &ids).await?;
    Ok(units
        .into_iter()
        .map(|u| TownshipSummary {
            records: tallies.get(&u.id).cloned().unwrap_or_default().finish(),
            latest_evaluation: latest.get(&u.id).cloned().map(Evaluation),
            unit: Unit(u),
        })
        .collect())
}

/// Each unit's evaluation of the latest period (by its start) the viewer may see one of, in one
/// statement: the visible evaluations' ids ranked per unit by their period's start, and the rows of
/// the first (ranking ids only: an evaluation's breakdown runs to kilobytes).
async fn latest_evaluations<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    units: &[i32],
) -> AppResult<HashMap<i32, evaluation::Model>> {
    let rank =
        Expr::cust("ROW_NUMBER() OVER (PARTITION BY evaluation.unit_id ORDER BY evaluation_period.starts_on DESC)");
    let mut ranked = Query::select();
    ranked
        .column((evaluation::Entity, evaluation::Column::Id))
        .expr_as(rank, "latest_rank")
        .from(evaluation::Entity)
        .inner_join(
            evaluation_period::Entity,
            Expr::col((evaluation_period::Entity, evaluation_period::Column::Id))
                .equals((evaluation::Entity, evaluation::Column::PeriodId)),
        )
        .cond_where(
            Condition::all()
                .add(evaluation::Column::UnitId.is_in(units.iter().copied()))
                .add(evaluations_visible_to(viewer)),
        );
    let mut latest = Query::select();
    latest.column("id").from_subquery(ranked, "ranked").and_where(Expr::col("latest_rank").eq(1));
    let rows = evaluation::Entity::find().filter(evaluation::Column::Id.in_subquery(latest)).all(db).await?;
    Ok(rows.into_iter().map(|row| (row.unit_id, row)).collect())
}
