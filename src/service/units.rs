//! The unit register (ADMIN): create a unit under its parent, change it, move it. The closure
//! table and the record rollups follow every move in the same transaction, so subtree scopes and
//! subtree counts stay exact.

use std::collections::HashSet;

use entity::{enums::UnitKind, unit, unit_closure};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait};

use super::{scope, Actor};
use crate::{
    auth::policy::{may, Operation},
    domain::register_rules::{check_unit, UnitEntry},
    error::{AppError, AppResult, Reason},
    state::AppState,
    store::{
        rollups,
        versioned::{expect_version, insert_audited, save_versioned},
    },
};

/// A unit to register.
pub struct NewUnit {
    pub name: String,
    pub short_name: Option<String>,
    pub kind: UnitKind,
    pub parent_id: Option<i32>,
    pub uscc: Option<String>,
    pub division_code: Option<String>,
}

/// A change of a unit; `None` keeps a field as it is.
#[derive(Default)]
pub struct UnitChange {
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub kind: Option<UnitKind>,
    /// Moves the unit (and its subtree) under this parent.
    pub parent_id: Option<i32>,
    pub uscc: Option<String>,
    pub division_code: Option<String>,
    pub active: Option<bool>,
}

async fn parent_kind(state: &AppState, parent: Option<i32>) -> AppResult<Option<UnitKind>> {
    match parent {
        Some(id) => match unit::Entity::find_by_id(id).one(&state.db).await? {
            Some(parent) => Ok(Some(parent.kind)),
            None => Err(AppError::bad_input("parentId", Reason::UnknownUnit)),
        },
        None => Ok(None),
    }
}

async fn require_unique_uscc(state: &AppState, uscc: Option<&str>, other_than: Option<i32>) -> AppResult<()> {
    let Some(uscc) = uscc else { return Ok(()) };
    let holder = unit::Entity::find().filter(unit::Column::Uscc.eq(uscc)).one(&state.db).await?;
    match holder {
        Some(holder) if Some(holder.id) != other_than => Err(AppError::bad_input("uscc", Reason::UsccTaken)),
        _ => Ok(()),
    }
}

fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned())
}

/// Registers a unit under its parent.
pub async fn create(state: &AppState, actor: &Actor<'_>, new: NewUnit) -> AppResult<unit::Model> {
    may(actor.viewer, Operation::ManageUnits)?;
    let (uscc, division_code) = (trimmed(new.uscc), trimmed(new.division_code));
    let entry = UnitEntry {
        name: &new.name,
        short_name: new.short_name.as_deref(),
        kind: new.kind,
        uscc: uscc.as_deref(),
        division_code: division_code.as_deref(),
        parent_kind: parent_kind(state, new.parent_id).await?,
    };
    check_unit(&entry)?;
    require_unique_uscc(state, uscc.as_deref(), None).await?;
    let row = unit::ActiveModel {
        name: Set(new.name.trim().to_owned()),
        short_name: Set(trimmed(new.short_name)),
        kind: Set(new.kind),
        parent_id: Set(new.parent_id),
        uscc: Set(uscc),
        division_code: Set(division_code),
        active: Set(true),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = insert_audited::<unit::Entity, _>(&txn, &at, "unit.create", row).await?;
    attach(&txn, saved.id, saved.parent_id, &[(saved.id, 0)]).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Changes a unit at the version the caller read; a new parent moves its whole subtree.
pub async fn update(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    change: UnitChange,
) -> AppResult<unit::Model> {
    may(actor.viewer, Operation::ManageUnits)?;
    let before = unit::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound(Reason::UnitNotFound))?;
    expect_version(before.version, version)?;
    let moved = change.parent_id.filter(|parent| Some(*parent) != before.parent_id);
    if let Some(parent) = moved {
        if scope::unit_within(&state.db, before.id, parent).await? {
            return Err(AppError::bad_input("parentId", Reason::UnitUnderItself));
        }
    }
    let changed = unit::Model {
        name: change.name.map(|n| n.trim().to_owned()).unwrap_or_else(|| before.name.clone()),
        short_name: trimmed(change.short_name).or_else(|| before.short_name.clone()),
        kind: change.kind.unwrap_or(before.kind),
        parent_id: moved.or(before.parent_id),
        uscc: trimmed(change.uscc).or_else(|| before.uscc.clone()),
        division_code: trimmed(change.division_code).or_else(|| before.division_code.clone()),
        active: change.active.unwrap_or(before.active),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let entry = UnitEntry {
        name: &changed.name,
        short_name: changed.short_name.as_deref(),
        kind: changed.kind,
        uscc: changed.uscc.as_deref(),
        division_code: changed.division_code.as_deref(),
        parent_kind: parent_kind(state, changed.parent_id).await?,
    };
    check_unit(&entry)?;
    require_unique_uscc(state, changed.uscc.as_deref(), Some(before.id)).await?;
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = save_versioned::<unit::Entity, _>(&txn, &at, "unit.update", &before, changed).await?;
    if moved.is_some() {
        let subtree: Vec<(i32, i32)> = unit_closure::Entity::find()
            .filter(unit_closure::Column::AncestorId.eq(saved.id))
            .all(&txn)
            .await?
            .into_iter()
            .map(|row| (row.descendant_id, row.depth))
            .collect();
        let inside: HashSet<i32> = subtree.iter().map(|(unit, _)| *unit).collect();
        let left = ancestors_above(&txn, saved.id).await?;
        // Cut the subtree from its old ancestors, then hang it under the new parent's.
        unit_closure::Entity::delete_many()
            .filter(unit_closure::Column::DescendantId.is_in(inside.iter().copied()))
            .filter(unit_closure::Column::AncestorId.is_not_in(inside.iter().copied()))
            .exec(&txn)
            .await?;
        attach(&txn, saved.id, saved.parent_id, &subtree).await?;
        let joined = ancestors_above(&txn, saved.id).await?;
        rollups::move_subtree(&txn, saved.id, &left, &joined).await?;
    }
    txn.commit().await?;
    Ok(saved)
}

/// The units above `unit` (not itself).
async fn ancestors_above<C: ConnectionTrait>(db: &C, unit: i32) -> AppResult<Vec<i32>> {
    Ok(unit_closure::Entity::find()
        .select_only()
        .column(unit_closure::Column::AncestorId)
        .filter(unit_closure::Column::DescendantId.eq(unit))
        .filter(unit_closure::Column::AncestorId.ne(unit))
        .into_tuple()
        .all(db)
        .await?)
}

/// Writes the closure rows that hang `subtree` (each unit with its depth below `root`) under
/// `parent` and its ancestors; for a new unit, also its own row.
async fn attach<C: ConnectionTrait>(db: &C, root: i32, parent: Option<i32>, subtree: &[(i32, i32)]) -> AppResult<()> {
    let ancestors: Vec<(i32, i32)> = match parent {
        Some(parent) => unit_closure::Entity::find()
            .filter(unit_closure::Column::DescendantId.eq(parent))
            .all(db)
            .await?
            .into_iter()
            .map(|row| (row.ancestor_id, row.depth + 1))
            .collect(),
        None => Vec::new(),
    };
    let own = unit_closure::Entity::find()
        .filter(unit_closure::Column::AncestorId.eq(root))
        .filter(unit_closure::Column::DescendantId.eq(root))
        .one(db)
        .await?;
    let mut rows: Vec<unit_closure::ActiveModel> = Vec::new();
    if own.is_none() {
        rows.push(unit_closure::ActiveModel { ancestor_id: Set(root), descendant_id: Set(root), depth: Set(0) });
    }
    for (ancestor, above) in &ancestors {
        for (descendant, below) in subtree {
            rows.push(unit_closure::ActiveModel {
                ancestor_id: Set(*ancestor),
                descendant_id: Set(*descendant),
                depth: Set(above + below),
            });
        }
    }
    if !rows.is_empty() {
        unit_closure::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}
