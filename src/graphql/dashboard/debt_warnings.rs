//! `Dashboard.debtWarnings(year)`: the units within the reach whose debt ratio for the year (what
//! their subtree owes over their fiscal capacity, `debtRisk`'s rule) is YELLOW or worse, worst
//! first — in three statements, however many units hold fiscal capacity.

use std::collections::HashMap;

use async_graphql::SimpleObject;
use chrono::NaiveDate;
use entity::{
    debt_instrument::{self, Column},
    enums::{DebtStatus, Sector},
    fiscal_capacity, unit, unit_closure,
};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, Func, Query},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};

use crate::{
    auth::{
        policy::{self, sectors::sector_rows_visible_to, Operation},
        Viewer,
    },
    domain::debt_rules::{percent, DebtBand as StoredBand, DebtBands},
    error::{AppError, AppResult},
    graphql::{
        scalars::Decimal,
        types::{debt_instrument::DebtBand, Unit},
    },
};

/// A unit whose debt ratio is in a warning band.
#[derive(SimpleObject, Clone)]
pub struct DebtWarning {
    /// The unit.
    pub unit: Unit,
    /// What its subtree owes (not repaid) from instruments issued by the year's end, in yuan.
    pub outstanding: Decimal,
    /// Its 综合财力 for the year, in yuan.
    pub fiscal_capacity: Decimal,
    /// Outstanding ÷ fiscal capacity, in percent.
    pub debt_ratio: Decimal,
    /// The band: YELLOW, ORANGE or RED.
    pub band: DebtBand,
}

/// The warnings of `year` for the units under `root` (the whole county without).
pub async fn debt_warnings<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    bands: &DebtBands,
    root: Option<i32>,
    year: i32,
) -> AppResult<Vec<DebtWarning>> {
    policy::may(viewer, Operation::ListSectorProjects)?;
    let mut holders = fiscal_capacity::Entity::find().filter(fiscal_capacity::Column::Year.eq(year));
    if let Some(root) = root {
        holders = holders.filter(policy::in_subtree(fiscal_capacity::Column::UnitId, Some(root)));
    }
    let capacities: HashMap<i32, i64> = holders.all(db).await?.into_iter().map(|c| (c.unit_id, c.amount_fen)).collect();
    if capacities.is_empty() {
        return Ok(Vec::new());
    }
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(AppError::Internal("no year end".into()))?;
    let owed = owed_by_subtree(db, viewer, capacities.keys().copied().collect(), year_end).await?;
    let mut warnings: Vec<(i32, i64, i64, rust_decimal::Decimal, StoredBand)> = Vec::new();
    for (unit, capacity) in &capacities {
        let owed = owed.get(unit).copied().unwrap_or(0);
        let ratio = percent(owed, *capacity);
        match (ratio, bands.band(ratio)) {
            (Some(ratio), Some(band)) if band != StoredBand::Green => {
                warnings.push((*unit, owed, *capacity, ratio, band))
            }
            _ => {}
        }
    }
    warnings.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
    let units: HashMap<i32, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(warnings.iter().map(|w| w.0)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(warnings
        .into_iter()
        .filter_map(|(id, owed, capacity, ratio, band)| {
            Some(DebtWarning {
                unit: Unit(units.get(&id)?.clone()),
                outstanding: Decimal::from_fen(owed),
                fiscal_capacity: Decimal::from_fen(capacity),
                debt_ratio: Decimal(ratio),
                band: band.into(),
            })
        })
        .collect())
}

/// What each unit's subtree owes at `as_of` among the instruments the viewer may see, in fen.
async fn owed_by_subtree<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    units: Vec<i32>,
    as_of: NaiveDate,
) -> AppResult<HashMap<i32, i64>> {
    let ancestor = Expr::col((unit_closure::Entity, unit_closure::Column::AncestorId));
    let statement = Query::select()
        .expr_as(ancestor.clone(), Alias::new("holder"))
        .expr_as(
            Func::cast_as(
                Func::sum(Expr::col((debt_instrument::Entity, Column::OutstandingFen))),
                Alias::new("BIGINT"),
            ),
            Alias::new("owed"),
        )
        .from(debt_instrument::Entity)
        .inner_join(
            unit_closure::Entity,
            Expr::col((unit_closure::Entity, unit_closure::Column::DescendantId))
                .equals((debt_instrument::Entity, Column::UnitId)),
        )
        .cond_where(sector_rows_visible_to(viewer, Sector::Debt, Column::UnitId))
        .and_where(Column::Status.ne(DebtStatus::Repaid))
        .and_where(Column::IssuedOn.lte(as_of))
        .and_where(unit_closure::Column::AncestorId.is_in(units))
        .group_by_col((unit_closure::Entity, unit_closure::Column::AncestorId))
        .to_owned();
    let rows = db.query_all(&statement).await?;
    let mut owed = HashMap::new();
    for row in rows {
        let holder: i32 = row.try_get("", "holder")?;
        let sum: Option<i64> = row.try_get("", "owed")?;
        owed.insert(holder, sum.unwrap_or(0));
    }
    Ok(owed)
}
