//! `debtInstruments` and `debtRisk` (plan task 3.5): for the credit office, leadership, the
//! administrator and evaluation firms all; for a unit clerk its subtree's, or in 财政局 all.

use std::collections::HashMap;

use async_graphql::{Context, Enum, InputObject, Object, ID};
use chrono::{Duration, NaiveDate};
use entity::{
    debt_instrument::{self, Column},
    enums::{DebtKind as StoredKind, DebtStatus as StoredStatus, Sector, UnitKind},
    fiscal_capacity, unit,
};
use sea_orm::{
    sea_query::{Alias, Expr, Func},
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
};

use crate::{
    auth::policy::{self, sectors::sector_rows_visible_to, Operation},
    domain::debt_rules::{debt_flag, percent},
    error::{AppError, AppResult, Reason},
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        ids::{expect_id, NodeType},
        keyset::{paginate, SortKey},
        scalars::Decimal,
        types::{
            debt_instrument::{DebtInstrument, DebtInstrumentConnection, DebtKind, DebtRisk, DebtStatus},
            Unit,
        },
    },
};

/// Which debt instruments to list.
#[derive(InputObject, Default)]
pub struct DebtInstrumentFilter {
    /// Only this borrower's.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only these kinds.
    pub kind: Option<Vec<DebtKind>>,
    /// Only these states.
    pub status: Option<Vec<DebtStatus>>,
    /// Only those maturing from today to this many days ahead.
    pub maturing_within_days: Option<u16>,
}

/// What to sort debt instruments by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum DebtInstrumentOrderField {
    /// The maturity day.
    MaturityOn,
    /// What is still owed.
    Outstanding,
}

/// Sort order of debt instruments (default: soonest maturity first).
#[derive(InputObject, Clone, Copy)]
pub struct DebtInstrumentOrder {
    /// The field.
    #[graphql(default_with = "DebtInstrumentOrderField::MaturityOn")]
    pub field: DebtInstrumentOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Asc")]
    pub direction: OrderDirection,
}

impl Default for DebtInstrumentOrder {
    fn default() -> Self {
        Self { field: DebtInstrumentOrderField::MaturityOn, direction: OrderDirection::Asc }
    }
}

/// The kinds of the units `rows` belong to, in one statement.
async fn unit_kinds(db: &DatabaseConnection, units: impl Iterator<Item = i32>) -> AppResult<HashMap<i32, UnitKind>> {
    let rows: Vec<(i32, UnitKind)> = unit::Entity::find()
        .select_only()
        .column(unit::Column::Id)
        .column(unit::Column::Kind)
        .filter(unit::Column::Id.is_in(units))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Wraps rows with their borrowers' kinds (for `flag`).
async fn with_kinds(db: &DatabaseConnection, rows: Vec<debt_instrument::Model>) -> AppResult<Vec<DebtInstrument>> {
    let kinds = unit_kinds(db, rows.iter().map(|r| r.unit_id)).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let kind = kinds.get(&row.unit_id).copied().unwrap_or(UnitKind::Department);
            DebtInstrument(row, kind)
        })
        .collect())
}

/// The list as `debtInstruments` gives it.
pub async fn list(
    ctx: &Context<'_>,
    filter: DebtInstrumentFilter,
    order: DebtInstrumentOrder,
    args: PageArgs,
) -> AppResult<DebtInstrumentConnection> {
    let state = ctx.state()?;
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListSectorProjects)?;
    let mut select =
        debt_instrument::Entity::find().filter(sector_rows_visible_to(viewer, Sector::Debt, Column::UnitId));
    if let Some(unit) = &filter.unit_id {
        select =
            select.filter(super::filters::in_unit(Column::UnitId, unit, filter.include_subunits, "filter.unitId")?);
    }
    if let Some(kinds) = &filter.kind {
        select = select.filter(Column::Kind.is_in(kinds.iter().map(|k| StoredKind::from(*k))));
    }
    if let Some(states) = &filter.status {
        select = select.filter(Column::Status.is_in(states.iter().map(|s| StoredStatus::from(*s))));
    }
    if let Some(days) = filter.maturing_within_days {
        let today = state.clock.today();
        let until = today + Duration::days(days.into());
        select = select.filter(super::filters::within(Column::MaturityOn, Some(today), Some(until)));
    }
    let column = match order.field {
        DebtInstrumentOrderField::MaturityOn => Column::MaturityOn,
        DebtInstrumentOrderField::Outstanding => Column::OutstandingFen,
    };
    let key = SortKey::by(column, Column::Id, order.direction);
    let page = paginate(ctx, select, &key, &args).await?;
    let kinds = unit_kinds(ctx.reader()?, page.edges.iter().map(|(_, row)| row.unit_id)).await?;
    Ok(page
        .map(|row| {
            let kind = kinds.get(&row.unit_id).copied().unwrap_or(UnitKind::Department);
            DebtInstrument(row, kind)
        })
        .into())
}

#[derive(FromQueryResult)]
struct Sums {
    owed: Option<i64>,
    overdue: Option<i64>,
}

/// What the subtree of `unit` owes (not repaid) and what of it is overdue, among `visible` rows
/// issued on or before `as_of`.
async fn sums(db: &DatabaseConnection, visible: Condition, unit: i32, as_of: NaiveDate) -> AppResult<(i64, i64)> {
    let overdue = Expr::case(Column::Status.eq(StoredStatus::Overdue), Expr::col(Column::OutstandingFen)).finally(0);
    let row = debt_instrument::Entity::find()
        .select_only()
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to read it as i64 on both engines.
        .column_as(
            Expr::expr(Func::cast_as(Func::sum(Expr::col(Column::OutstandingFen)), Alias::new("BIGINT"))),
            "owed",
        )
        .column_as(Expr::expr(Func::cast_as(Func::sum(overdue), Alias::new("BIGINT"))), "overdue")
        .filter(visible)
        .filter(policy::in_subtree(Column::UnitId, Some(unit)))
        .filter(Column::Status.ne(StoredStatus::Repaid))
        .filter(Column::IssuedOn.lte(as_of))
        .into_model::<Sums>()
        .one(db)
        .await?;
    Ok(row.map(|s| (s.owed.unwrap_or(0), s.overdue.unwrap_or(0))).unwrap_or((0, 0)))
}

#[derive(Default)]
pub struct DebtQuery;

#[Object]
impl DebtQuery {
    /// Local government debt instruments the viewer may see (plan task 3.5), soonest maturity
    /// first.
    #[graphql(visible = "crate::graphql::visibility::list_sector_projects")]
    #[allow(clippy::too_many_arguments)]
    async fn debt_instruments(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which instruments.")] filter: Option<DebtInstrumentFilter>,
        #[graphql(desc = "Sort order (default: soonest maturity first).")] order_by: Option<DebtInstrumentOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<DebtInstrumentConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }

    /// A unit's debt risk for a year (债务风险预警): what its subtree owes over its fiscal
    /// capacity, the band, the overdue share, what matures within 90 days, flagged debt, and last
    /// year's band. Counts only instruments the viewer may see.
    #[graphql(visible = "crate::graphql::visibility::list_sector_projects")]
    async fn debt_risk(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year (2000–2100).")] year: i32,
        #[graphql(desc = "The unit (default: the county government).")] unit_id: Option<ID>,
    ) -> AppResult<DebtRisk> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ListSectorProjects)?;
        if !(2000..=2100).contains(&year) {
            return Err(AppError::bad_argument("year", Reason::NumberBetween { min: 2000, max: 2100 }));
        }
        let db = ctx.reader()?;
        let root = match &unit_id {
            Some(id) => expect_id(id, NodeType::Unit, "unitId")?,
            None => {
                let county =
                    unit::Entity::find().filter(unit::Column::Kind.eq(UnitKind::CountyGovernment)).one(db).await?;
                county.map(|u| u.id).ok_or(AppError::NotFound(Reason::UnitNotFound))?
            }
        };
        let unit = crate::graphql::access::unit(ctx, root).await?.ok_or(AppError::NotFound(Reason::UnitNotFound))?;
        let visible = sector_rows_visible_to(viewer, Sector::Debt, Column::UnitId);
        let year_end = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31).ok_or(AppError::Internal("no year end".into()));
        let (owed, overdue) = sums(db, visible.clone(), root, year_end(year)?).await?;
        let (owed_before, _) = sums(db, visible.clone(), root, year_end(year - 1)?).await?;
        let capacities: HashMap<i32, i64> = fiscal_capacity::Entity::find()
            .select_only()
            .column(fiscal_capacity::Column::Year)
            .column(fiscal_capacity::Column::AmountFen)
            .filter(fiscal_capacity::Column::UnitId.eq(root))
            .filter(fiscal_capacity::Column::Year.is_in([year, year - 1]))
            .into_tuple()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let capacity = capacities.get(&year).copied();
        let ratio = capacity.and_then(|c| percent(owed, c));
        let previous_ratio = capacities.get(&(year - 1)).and_then(|c| percent(owed_before, *c));
        let bands = &state.config.debt_bands;
        let today = state.clock.today();
        let subtree = || {
            debt_instrument::Entity::find()
                .filter(visible.clone())
                .filter(policy::in_subtree(Column::UnitId, Some(root)))
                .order_by_asc(Column::MaturityOn)
                .order_by_asc(Column::Id)
                .limit(100)
        };
        let maturing = subtree()
            .filter(Column::Status.eq(StoredStatus::Outstanding))
            .filter(super::filters::within(Column::MaturityOn, Some(today), Some(today + Duration::days(90))))
            .all(db)
            .await?;
        // Flagged (debt_rules::debt_flag): a loan anywhere, or any debt below the county.
        let below_county = sea_orm::sea_query::Query::select()
            .column(unit::Column::Id)
            .from(unit::Entity)
            .and_where(unit::Column::Kind.is_in([
                UnitKind::Township,
                UnitKind::VillageCommittee,
                UnitKind::ResidentsCommittee,
            ]))
            .to_owned();
        let flagged = subtree()
            .filter(Column::Status.ne(StoredStatus::Repaid))
            .filter(
                Condition::any().add(Column::Kind.eq(StoredKind::Loan)).add(Column::UnitId.in_subquery(below_county)),
            )
            .all(db)
            .await?;
        let maturing = with_kinds(db, maturing).await?;
        let flagged: Vec<DebtInstrument> =
            with_kinds(db, flagged).await?.into_iter().filter(|d| debt_flag(d.1, d.0.kind).is_some()).collect();
        Ok(DebtRisk {
            unit: Unit(unit),
            year,
            outstanding: Decimal::from_fen(owed),
            overdue: Decimal::from_fen(overdue),
            fiscal_capacity: capacity.map(Decimal::from_fen),
            debt_ratio: ratio.map(Decimal),
            band: bands.band(ratio).map(Into::into),
            overdue_ratio: percent(overdue, owed).map(Decimal),
            previous_band: bands.band(previous_ratio).map(Into::into),
            maturing_within_90_days: maturing,
            flagged,
        })
    }
}
