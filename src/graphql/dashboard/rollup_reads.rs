//! Reading the record and open-workflow rollups: which units' rows (the county's roots or given units; their own
//! records or their subtrees'), narrowed to the disclosures the viewer may count, summed in one
//! statement per question.

use std::collections::HashMap;

use entity::{
    enums::{Disclosure, Polarity, RecordStatus, Sector, Severity, SubjectType},
    record_month_rollup, record_rollup, record_status_rollup, unit, workflow_rollup,
};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, Func, Query, SimpleExpr},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, TryGetable,
};

use crate::{error::AppResult, graphql::keyset::summed_total};

/// Whose rollup rows to read.
#[derive(Debug, Clone)]
pub enum Holders {
    /// The units at the top of the tree (the county government): the whole county.
    Roots,
    /// These units.
    Units(Vec<i32>),
}

/// A question's reach over the rollups.
#[derive(Debug, Clone)]
pub struct RollupScope {
    pub holders: Holders,
    /// The holders' subtrees (true) or their own records (false).
    pub subtree: bool,
    /// The disclosures counted; `None`: all.
    pub disclosures: Option<&'static [Disclosure]>,
}

impl Holders {
    fn condition<C: ColumnTrait>(&self, unit_id: C) -> Condition {
        let holders = match self {
            Holders::Roots => unit_id.in_subquery(
                Query::select()
                    .column(unit::Column::Id)
                    .from(unit::Entity)
                    .and_where(unit::Column::ParentId.is_null())
                    .to_owned(),
            ),
            Holders::Units(units) => unit_id.is_in(units.iter().copied()),
        };
        Condition::all().add(holders)
    }
}

impl RollupScope {
    fn condition<C: ColumnTrait>(&self, unit_id: C, subtree: C, disclosure: C) -> Condition {
        let mut condition = self.holders.condition(unit_id).add(subtree.eq(self.subtree));
        if let Some(disclosures) = self.disclosures {
            condition = condition.add(disclosure.is_in(disclosures.iter().copied()));
        }
        condition
    }
}

/// `SUM(records)` as a BIGINT on both engines (PostgreSQL sums a BIGINT into a NUMERIC).
fn summed() -> Expr {
    Expr::cust("CAST(SUM(records) AS BIGINT)")
}

/// Counts per subject, polarity, severity and status, summed over the scope's holders.
pub type SubjectRow = (SubjectType, Polarity, Severity, RecordStatus, i64);

/// The scope's [`SubjectRow`]s (a few dozen), from the sectorless `record_status_rollup`.
pub async fn by_subject<C: ConnectionTrait>(db: &C, scope: &RollupScope) -> AppResult<Vec<SubjectRow>> {
    by_status_per(db, scope, record_status_rollup::Column::SubjectType).await
}

/// Counts per holder, polarity, severity and status, the holder's subjects together.
pub type HolderRow = (i32, Polarity, Severity, RecordStatus, i64);

/// The scope's [`HolderRow`]s, from the sectorless `record_status_rollup`.
pub async fn by_holder<C: ConnectionTrait>(db: &C, scope: &RollupScope) -> AppResult<Vec<HolderRow>> {
    by_status_per(db, scope, record_status_rollup::Column::UnitId).await
}

/// The scope's counts per `per` (a column whose values are `K`), polarity, severity and status.
async fn by_status_per<K, C>(
    db: &C,
    scope: &RollupScope,
    per: record_status_rollup::Column,
) -> AppResult<Vec<(K, Polarity, Severity, RecordStatus, i64)>>
where
    K: TryGetable,
    C: ConnectionTrait,
{
    use record_status_rollup::Column as R;
    Ok(record_status_rollup::Entity::find()
        .select_only()
        .column(per)
        .column(R::Polarity)
        .column(R::Severity)
        .column(R::Status)
        .column_as(summed(), "records")
        .filter(scope.condition(R::UnitId, R::Subtree, R::Disclosure))
        .group_by(per)
        .group_by(R::Polarity)
        .group_by(R::Severity)
        .group_by(R::Status)
        .into_tuple()
        .all(db)
        .await?)
}

/// `Unit.recordStats` of many units at once, own and subtree rows as `flavours` asks: per holder,
/// flavour and subject, the records in force (ACTIVE or RECTIFYING) summed in the statement into
/// the five tallies — dishonesty by severity, commendations (ACTIVE honours), dishonesty under
/// rectification — so a page of units reads a few hundred narrow rows, not every combination.
pub async fn stats_of_units<C: ConnectionTrait>(
    db: &C,
    units: &[i32],
    flavours: &[bool],
    disclosures: Option<&'static [Disclosure]>,
) -> AppResult<Vec<StatsRow>> {
    use record_status_rollup::Column as R;
    let mut condition = Condition::all()
        .add(R::UnitId.is_in(units.iter().copied()))
        .add(R::Subtree.is_in(flavours.iter().copied()))
        .add(R::Status.is_in([RecordStatus::Active, RecordStatus::Rectifying]));
    if let Some(disclosures) = disclosures {
        condition = condition.add(R::Disclosure.is_in(disclosures.iter().copied()));
    }
    let dishonesty = || R::Polarity.eq(Polarity::Dishonesty);
    let of_severity = |severity: Severity| sum_when(dishonesty().and(R::Severity.eq(severity)));
    Ok(record_status_rollup::Entity::find()
        .select_only()
        .column(R::UnitId)
        .column(R::Subtree)
        .column(R::SubjectType)
        .column_as(of_severity(Severity::Minor), "minor")
        .column_as(of_severity(Severity::General), "general")
        .column_as(of_severity(Severity::Serious), "serious")
        .column_as(sum_when(R::Polarity.eq(Polarity::Honor).and(R::Status.eq(RecordStatus::Active))), "commendations")
        .column_as(sum_when(dishonesty().and(R::Status.eq(RecordStatus::Rectifying))), "rectifying")
        .filter(condition)
        .group_by(R::UnitId)
        .group_by(R::Subtree)
        .group_by(R::SubjectType)
        .into_tuple()
        .all(db)
        .await?)
}

/// Per holder, own-or-subtree and subject: minor, general and serious dishonesty in force,
/// commendations, and dishonesty under rectification.
pub type StatsRow = (i32, bool, SubjectType, i64, i64, i64, i64, i64);

/// `SUM(CASE WHEN … THEN records ELSE 0 END)` as a BIGINT.
fn sum_when(condition: Expr) -> Expr {
    use record_status_rollup::Column as R;
    let counted = Expr::case(condition, Expr::col(R::Records)).finally(Expr::val(0i64));
    Expr::expr(Func::cast_as(Func::sum(counted), Alias::new("BIGINT")))
}

/// The scope's counts per sector, polarity, severity and status.
pub async fn by_sector<C: ConnectionTrait>(
    db: &C,
    scope: &RollupScope,
) -> AppResult<Vec<(Sector, Polarity, Severity, RecordStatus, i64)>> {
    use record_rollup::Column as R;
    Ok(record_rollup::Entity::find()
        .select_only()
        .column(R::Sector)
        .column(R::Polarity)
        .column(R::Severity)
        .column(R::Status)
        .column_as(summed(), "records")
        .filter(scope.condition(R::UnitId, R::Subtree, R::Disclosure))
        .group_by(R::Sector)
        .group_by(R::Polarity)
        .group_by(R::Severity)
        .group_by(R::Status)
        .into_tuple()
        .all(db)
        .await?)
}

/// The scope's records decided in the months `from..=to` (`YYYYMM`), per month, polarity and
/// severity.
pub async fn by_month<C: ConnectionTrait>(
    db: &C,
    scope: &RollupScope,
    from: i32,
    to: i32,
) -> AppResult<Vec<(i32, Polarity, Severity, i64)>> {
    use record_month_rollup::Column as M;
    Ok(record_month_rollup::Entity::find()
        .select_only()
        .column(M::Month)
        .column(M::Polarity)
        .column(M::Severity)
        .column_as(summed(), "records")
        .filter(scope.condition(M::UnitId, M::Subtree, M::Disclosure))
        .filter(M::Month.between(from, to))
        .group_by(M::Month)
        .group_by(M::Polarity)
        .group_by(M::Severity)
        .into_tuple()
        .all(db)
        .await?)
}

/// The open workflows of `holders` (own or subtree rows) per kind (the workflow table's name):
/// how many are open and how many overdue — marked so, a repair application submitted before
/// `repair_cutoff`, a proposal due before `today` (both `YYYYMMDD`) — in one statement.
pub async fn open_workflows<C: ConnectionTrait>(
    db: &C,
    holders: &Holders,
    subtree: bool,
    repair_cutoff: i32,
    today: i32,
) -> AppResult<HashMap<String, (i64, i64)>> {
    use workflow_rollup::Column as W;
    let late = Condition::any()
        .add(W::Overdue.eq(true))
        .add(Condition::all().add(W::Kind.eq("repair_application")).add(W::Day.lt(repair_cutoff)))
        .add(Condition::all().add(W::Kind.eq("proposal")).add(W::Day.gt(0)).add(W::Day.lt(today)));
    let overdue = Expr::case(late, Expr::col(W::Open)).finally(0);
    let rows: Vec<(String, i64, i64)> = workflow_rollup::Entity::find()
        .select_only()
        .column(W::Kind)
        .column_as(Expr::cust("CAST(SUM(open) AS BIGINT)"), "open")
        .column_as(Expr::expr(Func::cast_as(Func::sum(overdue), Alias::new("BIGINT"))), "overdue")
        .filter(holders.condition(W::UnitId).add(W::Subtree.eq(subtree)))
        .group_by(W::Kind)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(kind, open, overdue)| (kind, (open, overdue))).collect())
}

/// How many records a list's filter matches, as a scalar sub-select of `record_rollup` (a page's
/// statement carries it): the scope's rows, narrowed by `narrow` (a condition on the rollup's own
/// columns), summed; 0 where none match.
pub fn records_matching(scope: &RollupScope, narrow: Condition) -> SimpleExpr {
    use record_rollup::Column as R;
    let matching = scope.condition(R::UnitId, R::Subtree, R::Disclosure).add(narrow);
    summed_total(record_rollup::Entity, "records", matching)
}
