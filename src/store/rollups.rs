//! The record rollups (`record_rollup`, its sectorless twin `record_status_rollup`,
//! `record_month_rollup`): every record write moves the counts of the record's old and new shape,
//! for its unit and for each unit above it, on the writer's transaction. [`rebuild`] counts them
//! (and the open-workflow rollup and the procurement tally) afresh.

use std::collections::HashMap;

use chrono::Datelike;
use entity::{
    credit_record,
    enums::{Disclosure, Polarity, RecordStatus, Sector, Severity, SubjectType},
    record_month_rollup, record_rollup, record_status_rollup, unit_closure,
};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, OnConflict},
    ActiveEnum, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};

use crate::error::AppResult;

/// The month a record counts in, as `YYYYMM`.
pub fn month_of(day: chrono::NaiveDate) -> i32 {
    day.year() * 100 + day.month() as i32
}

type RowKey = (i32, bool, SubjectType, Polarity, Severity, RecordStatus, Sector, Disclosure);
type MonthKey = (i32, bool, i32, SubjectType, Polarity, Severity, Disclosure);

/// Takes the rollups' transaction lock on PostgreSQL before a transaction's first rollup row: every
/// write touches the county's root rows of several rollups, and two transactions that met them in
/// different orders (a record before a workflow, a workflow before a record) deadlocked. Held to
/// the end of the transaction; SQLite has one writer anyway.
pub(crate) async fn lock_rollups<C: ConnectionTrait>(db: &C) -> AppResult<()> {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared("SELECT pg_advisory_xact_lock(20190614)").await?;
    }
    Ok(())
}

/// The rollup rows a unit's rows count in: the unit's own, and each ancestor's subtree.
pub(crate) struct UnitHolders(Vec<(i32, i32)>);

impl UnitHolders {
    /// The ancestors of `units`, in one statement.
    pub(crate) async fn of<C: ConnectionTrait>(db: &C, units: Vec<i32>) -> AppResult<Self> {
        let closure = unit_closure::Entity::find()
            .select_only()
            .column(unit_closure::Column::DescendantId)
            .column(unit_closure::Column::AncestorId)
            .filter(unit_closure::Column::DescendantId.is_in(units))
            .into_tuple()
            .all(db)
            .await?;
        Ok(Self(closure))
    }

    /// `(holder, subtree)`: `(unit, false)`, then `(ancestor, true)` for each ancestor.
    pub(crate) fn of_unit(&self, unit: i32) -> impl Iterator<Item = (i32, bool)> + '_ {
        std::iter::once((unit, false)).chain(
            self.0.iter().filter(move |(descendant, _)| *descendant == unit).map(|(_, ancestor)| (*ancestor, true)),
        )
    }
}

/// Moves the rollups from `before` to `after` (a new record has no `before`).
pub async fn count_change<C: ConnectionTrait>(
    db: &C,
    before: Option<&credit_record::Model>,
    after: Option<&credit_record::Model>,
) -> AppResult<()> {
    let shapes: Vec<(&credit_record::Model, i64)> =
        before.map(|r| (r, -1)).into_iter().chain(after.map(|r| (r, 1))).collect();
    if let [(old, _), (new, _)] = shapes.as_slice() {
        if row_shape(old) == row_shape(new) && month_shape(old) == month_shape(new) {
            return Ok(());
        }
    }
    lock_rollups(db).await?;
    let units: Vec<i32> = shapes.iter().map(|(record, _)| record.unit_id).collect();
    let holders = UnitHolders::of(db, units).await?;
    let mut rows: HashMap<RowKey, i64> = HashMap::new();
    let mut months: HashMap<MonthKey, i64> = HashMap::new();
    for (record, sign) in shapes {
        for (unit, subtree) in holders.of_unit(record.unit_id) {
            let (s, p, v, st, se, d) = row_shape(record);
            *rows.entry((unit, subtree, s, p, v, st, se, d)).or_default() += sign;
            if let Some((m, s, p, v, d)) = month_shape(record) {
                *months.entry((unit, subtree, m, s, p, v, d)).or_default() += sign;
            }
        }
    }
    add_rows(db, rows).await?;
    add_months(db, months).await
}

/// A [`RowKey`] without its sector.
type StatusKey = (i32, bool, SubjectType, Polarity, Severity, RecordStatus, Disclosure);

/// The sectorless deltas of `rows`.
fn without_sector(rows: &HashMap<RowKey, i64>) -> HashMap<StatusKey, i64> {
    let mut statuses: HashMap<StatusKey, i64> = HashMap::new();
    for ((u, t, s, p, v, st, _, d), n) in rows {
        *statuses.entry((*u, *t, *s, *p, *v, *st, *d)).or_default() += n;
    }
    statuses
}

type RowShape = (SubjectType, Polarity, Severity, RecordStatus, Sector, Disclosure);
type MonthShape = (i32, SubjectType, Polarity, Severity, Disclosure);

fn row_shape(r: &credit_record::Model) -> RowShape {
    (r.subject_type, r.polarity, r.severity, r.status, r.sector, r.disclosure)
}

/// A revoked record (entered in error) counts in no month.
fn month_shape(r: &credit_record::Model) -> Option<MonthShape> {
    (r.status != RecordStatus::Revoked)
        .then(|| (month_of(r.decided_on), r.subject_type, r.polarity, r.severity, r.disclosure))
}

/// `records = records + excluded.records`: concurrent writers add to the same row.
fn add_to_records<C: sea_orm::ColumnTrait + sea_orm::sea_query::IntoIden + Copy>(
    table: impl sea_orm::sea_query::IntoIden,
    keys: Vec<C>,
    records: C,
) -> OnConflict {
    OnConflict::columns(keys)
        .value(records, Expr::col((table, records)).add(Expr::col((Alias::new("excluded"), records))))
        .to_owned()
}

async fn add_rows<C: ConnectionTrait>(db: &C, deltas: HashMap<RowKey, i64>) -> AppResult<()> {
    use record_rollup::Column as R;
    add_statuses(db, without_sector(&deltas)).await?;
    let mut deltas: Vec<(RowKey, i64)> = deltas.into_iter().filter(|(_, n)| *n != 0).collect();
    if deltas.is_empty() {
        return Ok(());
    }
    // One order for every writer, so two transactions never wait on each other's rows in turn.
    deltas.sort_by_key(|((u, t, s, p, v, st, se, d), _)| {
        (*u, *t, s.to_value(), p.to_value(), v.to_value(), st.to_value(), se.to_value(), d.to_value())
    });
    let models = deltas.into_iter().map(|((u, t, s, p, v, st, se, d), n)| record_rollup::ActiveModel {
        unit_id: Set(u),
        subtree: Set(t),
        subject_type: Set(s),
        polarity: Set(p),
        severity: Set(v),
        status: Set(st),
        sector: Set(se),
        disclosure: Set(d),
        records: Set(n),
    });
    let keys =
        vec![R::UnitId, R::Subtree, R::SubjectType, R::Polarity, R::Severity, R::Status, R::Sector, R::Disclosure];
    record_rollup::Entity::insert_many(models)
        .on_conflict(add_to_records(record_rollup::Entity, keys, R::Records))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

async fn add_statuses<C: ConnectionTrait>(db: &C, deltas: HashMap<StatusKey, i64>) -> AppResult<()> {
    use record_status_rollup::Column as R;
    let mut deltas: Vec<(StatusKey, i64)> = deltas.into_iter().filter(|(_, n)| *n != 0).collect();
    if deltas.is_empty() {
        return Ok(());
    }
    deltas.sort_by_key(|((u, t, s, p, v, st, d), _)| {
        (*u, *t, s.to_value(), p.to_value(), v.to_value(), st.to_value(), d.to_value())
    });
    let models = deltas.into_iter().map(|((u, t, s, p, v, st, d), n)| record_status_rollup::ActiveModel {
        unit_id: Set(u),
        subtree: Set(t),
        subject_type: Set(s),
        polarity: Set(p),
        severity: Set(v),
        status: Set(st),
        disclosure: Set(d),
        records: Set(n),
    });
    let keys = vec![R::UnitId, R::Subtree, R::SubjectType, R::Polarity, R::Severity, R::Status, R::Disclosure];
    record_status_rollup::Entity::insert_many(models)
        .on_conflict(add_to_records(record_status_rollup::Entity, keys, R::Records))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

async fn add_months<C: ConnectionTrait>(db: &C, deltas: HashMap<MonthKey, i64>) -> AppResult<()> {
    use record_month_rollup::Column as M;
    let mut deltas: Vec<(MonthKey, i64)> = deltas.into_iter().filter(|(_, n)| *n != 0).collect();
    if deltas.is_empty() {
        return Ok(());
    }
    deltas
        .sort_by_key(|((u, t, m, s, p, v, d), _)| (*u, *t, *m, s.to_value(), p.to_value(), v.to_value(), d.to_value()));
    let models = deltas.into_iter().map(|((u, t, m, s, p, v, d), n)| record_month_rollup::ActiveModel {
        unit_id: Set(u),
        subtree: Set(t),
        month: Set(m),
        subject_type: Set(s),
        polarity: Set(p),
        severity: Set(v),
        disclosure: Set(d),
        records: Set(n),
    });
    let keys = vec![M::UnitId, M::Subtree, M::Month, M::SubjectType, M::Polarity, M::Severity, M::Disclosure];
    record_month_rollup::Entity::insert_many(models)
        .on_conflict(add_to_records(record_month_rollup::Entity, keys, M::Records))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The ancestors a moved subtree left (its counts subtracted there, -1) and joined (added, +1).
pub(crate) fn ancestor_signs<'a>(left: &'a [i32], joined: &'a [i32]) -> impl Iterator<Item = (i32, i64)> + 'a {
    left.iter().map(|a| (*a, -1)).chain(joined.iter().map(|a| (*a, 1)))
}

/// A unit moved with its subtree: its subtree's counts leave the ancestors it had and join the
/// ones it has now (`left`, `joined`: ancestor ids outside the subtree).
pub async fn move_subtree<C: ConnectionTrait>(db: &C, unit: i32, left: &[i32], joined: &[i32]) -> AppResult<()> {
    lock_rollups(db).await?;
    let rows = record_rollup::Entity::find()
        .filter(record_rollup::Column::UnitId.eq(unit))
        .filter(record_rollup::Column::Subtree.eq(true))
        .all(db)
        .await?;
    let months = record_month_rollup::Entity::find()
        .filter(record_month_rollup::Column::UnitId.eq(unit))
        .filter(record_month_rollup::Column::Subtree.eq(true))
        .all(db)
        .await?;
    let mut row_deltas: HashMap<RowKey, i64> = HashMap::new();
    let mut month_deltas: HashMap<MonthKey, i64> = HashMap::new();
    for (ancestor, sign) in ancestor_signs(left, joined) {
        for r in &rows {
            let key = (ancestor, true, r.subject_type, r.polarity, r.severity, r.status, r.sector, r.disclosure);
            *row_deltas.entry(key).or_default() += sign * r.records;
        }
        for m in &months {
            let key = (ancestor, true, m.month, m.subject_type, m.polarity, m.severity, m.disclosure);
            *month_deltas.entry(key).or_default() += sign * m.records;
        }
    }
    add_rows(db, row_deltas).await?;
    add_months(db, month_deltas).await?;
    super::workflow_rollups::move_subtree(db, unit, left, joined).await
}

/// Counts the record rollups, the open-workflow rollup and the procurement tally afresh from their tables, on the
/// caller's transaction, showing its progress statement by statement.
pub async fn fill<C: ConnectionTrait>(db: &C) -> Result<(), sea_orm::DbErr> {
    let statements = fill_statements(db.get_database_backend());
    let mut progress = crate::progress::Progress::start("rollups", "fill", statements.len() as u64, "statements", 0);
    for statement in statements {
        db.execute_unprepared(&statement).await?;
        progress.advance(1);
    }
    progress.finish();
    Ok(())
}

/// The statements [`fill`] runs, for a caller with its own connection (the seed's COPY path).
pub fn fill_statements(backend: sea_orm::DbBackend) -> Vec<String> {
    migration::rollup_fill_statements(backend)
        .into_iter()
        .chain(migration::status_rollup_fill_statements())
        .chain(migration::workflow_rollup_fill_statements(backend))
        .chain(migration::procurement_tally_fill_statements(backend))
        .collect()
}

/// The rows of each rollup after a rebuild.
#[derive(Debug, Clone, Copy)]
pub struct RebuiltRows {
    pub records: u64,
    pub statuses: u64,
    pub months: u64,
    pub workflows: u64,
    pub contract_shapes: u64,
}

/// Counts every rollup afresh in one transaction (`chengxin rollups rebuild`).
pub async fn rebuild(db: &sea_orm::DatabaseConnection) -> Result<RebuiltRows, sea_orm::DbErr> {
    let txn = db.begin().await?;
    fill(&txn).await?;
    let records = record_rollup::Entity::find().count(&txn).await?;
    let statuses = record_status_rollup::Entity::find().count(&txn).await?;
    let months = record_month_rollup::Entity::find().count(&txn).await?;
    let workflows = entity::workflow_rollup::Entity::find().count(&txn).await?;
    let contract_shapes = entity::procurement_tally::Entity::find().count(&txn).await?;
    txn.commit().await?;
    Ok(RebuiltRows { records, statuses, months, workflows, contract_shapes })
}
