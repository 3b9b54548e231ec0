//! Reading the record rollups: which units' rows (the county's roots or given units; their own
//! records or their subtrees'), narrowed to the disclosures the viewer may count, summed in one
//! statement per question.

use entity::{
    enums::{Disclosure, Polarity, RecordStatus, Sector, Severity, SubjectType},
    record_month_rollup, record_rollup, unit,
};
use sea_orm::{
    sea_query::{Expr, Query},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};

use crate::error::AppResult;

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

impl RollupScope {
    fn condition<C: ColumnTrait>(&self, unit_id: C, subtree: C, disclosure: C) -> Condition {
        let holders = match &self.holders {
            Holders::Roots => unit_id.in_subquery(
                Query::select()
                    .column(unit::Column::Id)
                    .from(unit::Entity)
                    .and_where(unit::Column::ParentId.is_null())
                    .to_owned(),
            ),
            Holders::Units(units) => unit_id.is_in(units.iter().copied()),
        };
        let mut condition = Condition::all().add(holders).add(subtree.eq(self.subtree));
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

/// Counts per holder, own-or-subtree, subject, polarity, severity and status.
pub type HolderRow = (i32, bool, SubjectType, Polarity, Severity, RecordStatus, i64);

/// The scope's [`HolderRow`]s.
pub async fn by_status<C: ConnectionTrait>(db: &C, scope: &RollupScope) -> AppResult<Vec<HolderRow>> {
    use record_rollup::Column as R;
    holder_rows(db, scope.condition(R::UnitId, R::Subtree, R::Disclosure)).await
}

/// [`HolderRow`]s of `units`, own and subtree rows as `flavours` asks, for many units at once
/// (`Unit.recordStats`).
pub async fn of_units<C: ConnectionTrait>(
    db: &C,
    units: &[i32],
    flavours: &[bool],
    disclosures: Option<&'static [Disclosure]>,
) -> AppResult<Vec<HolderRow>> {
    use record_rollup::Column as R;
    let mut condition =
        Condition::all().add(R::UnitId.is_in(units.iter().copied())).add(R::Subtree.is_in(flavours.iter().copied()));
    if let Some(disclosures) = disclosures {
        condition = condition.add(R::Disclosure.is_in(disclosures.iter().copied()));
    }
    holder_rows(db, condition).await
}

async fn holder_rows<C: ConnectionTrait>(db: &C, condition: Condition) -> AppResult<Vec<HolderRow>> {
    use record_rollup::Column as R;
    Ok(record_rollup::Entity::find()
        .select_only()
        .column(R::UnitId)
        .column(R::Subtree)
        .column(R::SubjectType)
        .column(R::Polarity)
        .column(R::Severity)
        .column(R::Status)
        .column_as(summed(), "records")
        .filter(condition)
        .group_by(R::UnitId)
        .group_by(R::Subtree)
        .group_by(R::SubjectType)
        .group_by(R::Polarity)
        .group_by(R::Severity)
        .group_by(R::Status)
        .into_tuple()
        .all(db)
        .await?)
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
