//! The open-workflow rollup (`workflow_rollup`): every insert and versioned change of a workflow
//! row ([`super::versioned`]) moves the count of the row's old and new shape, for its unit and for
//! each unit above it, on the writer's transaction.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use entity::{
    commitment, complaint, credit_record,
    enums::{CommitmentStatus, ComplaintStatus, ObjectionStatus, ProposalStatus, RectificationStatus, RepairStatus},
    objection, proposal, rectification, repair_application, workflow_rollup,
};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, OnConflict},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};

use crate::error::AppResult;

/// Where an open workflow row counts: at its record's unit, or at a unit it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Record(i32),
    Unit(i32),
}

/// How an open workflow row counts (a closed row counts nowhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenShape {
    pub holder: Holder,
    /// Marked overdue by the deadline sweep (or, for a rectification, in status OVERDUE).
    pub overdue: bool,
    /// The day that makes the row overdue with time (`YYYYMMDD`), 0 for none.
    pub day: i32,
}

/// A day as `YYYYMMDD`.
pub fn day_number(day: NaiveDate) -> i32 {
    day.year() * 10_000 + day.month() as i32 * 100 + day.day() as i32
}

fn open_shape(holder: Holder, open: bool, overdue: bool, day: i32) -> Option<OpenShape> {
    open.then_some(OpenShape { holder, overdue, day })
}

pub fn rectification_shape(r: &rectification::Model) -> Option<OpenShape> {
    use RectificationStatus as S;
    let open = matches!(r.status, S::Pending | S::Submitted | S::Rejected | S::Overdue);
    open_shape(Holder::Record(r.record_id), open, r.status == S::Overdue, 0)
}

pub fn objection_shape(o: &objection::Model) -> Option<OpenShape> {
    let open = matches!(o.status, ObjectionStatus::Filed | ObjectionStatus::UnderReview);
    open_shape(Holder::Record(o.record_id), open, o.overdue, 0)
}

pub fn repair_shape(r: &repair_application::Model) -> Option<OpenShape> {
    let submitted = day_number(r.created_at.date_naive());
    open_shape(Holder::Record(r.record_id), r.status == RepairStatus::Submitted, false, submitted)
}

pub fn complaint_shape(c: &complaint::Model) -> Option<OpenShape> {
    use ComplaintStatus as S;
    let open = matches!(c.status, S::Received | S::Assigned | S::Replied);
    let overdue = c.overdue && matches!(c.status, S::Received | S::Assigned);
    open_shape(Holder::Unit(c.target_unit_id), open, overdue, 0)
}

pub fn proposal_shape(p: &proposal::Model) -> Option<OpenShape> {
    let due = p.current_due_on.map(day_number).unwrap_or(0);
    open_shape(Holder::Unit(p.handling_unit_id), p.status == ProposalStatus::Assigned, false, due)
}

pub fn commitment_shape(c: &commitment::Model) -> Option<OpenShape> {
    open_shape(Holder::Unit(c.unit_id), c.status == CommitmentStatus::Pending, c.overdue, 0)
}

type Key = (i32, bool, &'static str, bool, i32);

/// Moves the rollup of workflow `kind` from the `before` shape to the `after` one.
pub async fn count_change<C: ConnectionTrait>(
    db: &C,
    kind: &'static str,
    before: Option<OpenShape>,
    after: Option<OpenShape>,
) -> AppResult<()> {
    if before == after {
        return Ok(());
    }
    super::rollups::lock_rollups(db).await?;
    let shapes: Vec<(OpenShape, i64)> = before.map(|s| (s, -1)).into_iter().chain(after.map(|s| (s, 1))).collect();
    let records: Vec<i32> = shapes
        .iter()
        .filter_map(|(s, _)| match s.holder {
            Holder::Record(id) => Some(id),
            Holder::Unit(_) => None,
        })
        .collect();
    let record_units: HashMap<i32, i32> = if records.is_empty() {
        HashMap::new()
    } else {
        credit_record::Entity::find()
            .select_only()
            .column(credit_record::Column::Id)
            .column(credit_record::Column::UnitId)
            .filter(credit_record::Column::Id.is_in(records))
            .into_tuple()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    let unit_of = |holder: Holder| match holder {
        Holder::Record(id) => record_units.get(&id).copied(),
        Holder::Unit(unit) => Some(unit),
    };
    let units: Vec<i32> = shapes.iter().filter_map(|(s, _)| unit_of(s.holder)).collect();
    let holders = super::rollups::UnitHolders::of(db, units).await?;
    let mut deltas: HashMap<Key, i64> = HashMap::new();
    for (shape, sign) in shapes {
        let Some(unit) = unit_of(shape.holder) else { continue };
        for (holder, subtree) in holders.of_unit(unit) {
            *deltas.entry((holder, subtree, kind, shape.overdue, shape.day)).or_default() += sign;
        }
    }
    add(db, deltas).await
}

async fn add<C: ConnectionTrait>(db: &C, deltas: HashMap<Key, i64>) -> AppResult<()> {
    use workflow_rollup::Column as W;
    let mut deltas: Vec<(Key, i64)> = deltas.into_iter().filter(|(_, n)| *n != 0).collect();
    if deltas.is_empty() {
        return Ok(());
    }
    // One order for every writer, so two transactions never wait on each other's rows in turn.
    deltas.sort_by_key(|(key, _)| *key);
    let models = deltas.into_iter().map(|((unit, subtree, kind, overdue, day), n)| workflow_rollup::ActiveModel {
        unit_id: Set(unit),
        subtree: Set(subtree),
        kind: Set(kind.to_owned()),
        overdue: Set(overdue),
        day: Set(day),
        open: Set(n),
    });
    let keys = [W::UnitId, W::Subtree, W::Kind, W::Overdue, W::Day];
    let summed = Expr::col((workflow_rollup::Entity, W::Open)).add(Expr::col((Alias::new("excluded"), W::Open)));
    workflow_rollup::Entity::insert_many(models)
        .on_conflict(OnConflict::columns(keys).value(W::Open, summed).to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A unit moved with its subtree: its subtree's open workflows leave the ancestors it had and join
/// the ones it has now (`left`, `joined`: ancestor ids outside the subtree).
pub async fn move_subtree<C: ConnectionTrait>(db: &C, unit: i32, left: &[i32], joined: &[i32]) -> AppResult<()> {
    let rows = workflow_rollup::Entity::find()
        .filter(workflow_rollup::Column::UnitId.eq(unit))
        .filter(workflow_rollup::Column::Subtree.eq(true))
        .all(db)
        .await?;
    let mut deltas: HashMap<Key, i64> = HashMap::new();
    for (ancestor, sign) in super::rollups::ancestor_signs(left, joined) {
        for r in &rows {
            if let Some(kind) = KINDS.iter().find(|k| **k == r.kind) {
                *deltas.entry((ancestor, true, kind, r.overdue, r.day)).or_default() += sign * r.open;
            }
        }
    }
    add(db, deltas).await
}

/// The kinds counted: the workflow tables' names.
pub const KINDS: [&str; 6] =
    ["rectification", "objection", "repair_application", "complaint", "proposal", "commitment"];
