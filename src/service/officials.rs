//! The official register (PERSONNEL): enter an official, change them, transfer them to another
//! unit. A transfer keeps the official's records — each names the unit served at the time — and
//! is kept as an `official_transfer`. The 身份证号 and phone never enter the audit log.

use entity::{
    enums::{OfficialCategory, OfficialStatus},
    official, official_transfer, unit,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};

use super::Actor;
use crate::{
    auth::policy::{may, Operation},
    domain::register_rules::{check_official, OfficialEntry},
    error::{AppError, AppResult, Reason},
    state::AppState,
    store::versioned::{expect_version, insert_audited, save_versioned},
};

/// An official to enter.
pub struct NewOfficial {
    pub unit_id: i32,
    pub name: String,
    pub id_number: String,
    pub phone: Option<String>,
    pub category: OfficialCategory,
    pub position: Option<String>,
    pub is_head_of_unit: bool,
}

/// A change of an official; `None` keeps a field. A new `unit_id` is a transfer.
#[derive(Default)]
pub struct OfficialChange {
    pub unit_id: Option<i32>,
    pub name: Option<String>,
    pub id_number: Option<String>,
    pub phone: Option<String>,
    pub category: Option<OfficialCategory>,
    pub position: Option<String>,
    pub is_head_of_unit: Option<bool>,
    pub status: Option<OfficialStatus>,
}

async fn require_unit(state: &AppState, id: i32) -> AppResult<()> {
    match unit::Entity::find_by_id(id).one(&state.db).await? {
        Some(_) => Ok(()),
        None => Err(AppError::bad_input("unitId", Reason::UnknownUnit)),
    }
}

/// One 身份证号, one official (the number itself is never echoed back).
async fn require_unique_number(state: &AppState, number: &str, other_than: Option<i32>) -> AppResult<()> {
    let holder = official::Entity::find().filter(official::Column::IdNumber.eq(number)).one(&state.db).await?;
    match holder {
        Some(holder) if Some(holder.id) != other_than => Err(AppError::bad_input("idNumber", Reason::IdNumberTaken)),
        _ => Ok(()),
    }
}

fn normalised(number: &str) -> String {
    number.trim().to_ascii_uppercase()
}

/// Enters an official at a unit.
pub async fn create(state: &AppState, actor: &Actor<'_>, new: NewOfficial) -> AppResult<official::Model> {
    may(actor.viewer, Operation::ManageOfficials)?;
    require_unit(state, new.unit_id).await?;
    let id_number = normalised(&new.id_number);
    let entry = OfficialEntry {
        name: &new.name,
        id_number: &id_number,
        phone: new.phone.as_deref(),
        position: new.position.as_deref(),
    };
    check_official(&entry, state.clock.today())?;
    require_unique_number(state, &id_number, None).await?;
    let row = official::ActiveModel {
        unit_id: Set(new.unit_id),
        name: Set(new.name.trim().to_owned()),
        id_number: Set(id_number),
        phone: Set(new.phone.map(|p| p.trim().to_owned())),
        category: Set(new.category),
        position: Set(new.position.map(|p| p.trim().to_owned())),
        is_head_of_unit: Set(new.is_head_of_unit),
        status: Set(OfficialStatus::Active),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = insert_audited::<official::Entity, _>(&txn, &at, "official.create", row).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Changes an official at the version the caller read; a new unit is a transfer, kept with the
/// position held before it.
pub async fn update(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    change: OfficialChange,
) -> AppResult<official::Model> {
    may(actor.viewer, Operation::ManageOfficials)?;
    let before = official::Entity::find_by_id(id).one(&state.db).await?;
    let before = before.ok_or(AppError::NotFound(Reason::OfficialNotFound))?;
    expect_version(before.version, version)?;
    let transfer_to = change.unit_id.filter(|unit| *unit != before.unit_id);
    if let Some(unit) = transfer_to {
        require_unit(state, unit).await?;
    }
    let changed = official::Model {
        unit_id: transfer_to.unwrap_or(before.unit_id),
        name: change.name.map(|n| n.trim().to_owned()).unwrap_or_else(|| before.name.clone()),
        id_number: change.id_number.as_deref().map(normalised).unwrap_or_else(|| before.id_number.clone()),
        phone: change.phone.map(|p| p.trim().to_owned()).or_else(|| before.phone.clone()),
        category: change.category.unwrap_or(before.category),
        position: change.position.map(|p| p.trim().to_owned()).or_else(|| before.position.clone()),
        is_head_of_unit: change.is_head_of_unit.unwrap_or(before.is_head_of_unit),
        status: change.status.unwrap_or(before.status),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let entry = OfficialEntry {
        name: &changed.name,
        id_number: &changed.id_number,
        phone: changed.phone.as_deref(),
        position: changed.position.as_deref(),
    };
    check_official(&entry, state.clock.today())?;
    require_unique_number(state, &changed.id_number, Some(before.id)).await?;
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let saved = save_versioned::<official::Entity, _>(&txn, &at, "official.update", &before, changed).await?;
    if let Some(to) = transfer_to {
        let transfer = official_transfer::ActiveModel {
            official_id: Set(before.id),
            from_unit_id: Set(before.unit_id),
            to_unit_id: Set(to),
            from_position: Set(before.position.clone()),
            effective_on: Set(state.clock.today()),
            by_user_id: Set(actor.viewer.user_id),
            created_at: Set(actor.now),
            ..Default::default()
        };
        insert_audited::<official_transfer::Entity, _>(&txn, &at, "official.transfer", transfer).await?;
    }
    txn.commit().await?;
    Ok(saved)
}
