//! `recordEvents(filter)`: credit records created, changed, published, repaired or removed, each
//! delivered only to a subscriber who may read the record (the same rule as the records list).

use async_graphql::{Enum, InputObject, SimpleObject, ID};
use entity::credit_record;
use sea_orm::{EntityTrait, QueryFilter};

use crate::{
    auth::{
        policy::records::{records_visible_to, RecordUse},
        Viewer,
    },
    error::AppResult,
    graphql::{
        ids::{global_id, NodeType},
        scalars::DateTime,
        types::record_enums::{Disclosure as DisclosureKind, Polarity, RecordCategory, RecordStatus, Severity},
    },
    ids::parse_global_id,
    live::LiveEvent,
    service::scope::unit_within,
    state::AppState,
};

/// What happened to a record.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum RecordEventKind {
    /// Entered (by hand or from its source: a breach, a late payment …).
    Created,
    /// Corrected, put under rectification, rectified, a listing extended, lifted off the portal.
    Changed,
    /// A correction made it PUBLIC.
    Published,
    /// Credit repaired.
    Repaired,
    /// Revoked (also by an upheld objection) or removed from the 失信被执行人 list by the court.
    Removed,
}

/// Which record events to receive.
#[derive(InputObject, Default, Clone)]
pub struct RecordEventFilter {
    /// Only this unit's records.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only these kinds.
    pub kinds: Option<Vec<RecordEventKind>>,
}

/// A record event, with the record as it stands after it.
#[derive(SimpleObject, Clone)]
pub struct RecordEvent {
    /// What happened.
    pub kind: RecordEventKind,
    /// When.
    pub at: DateTime,
    /// The record's global id (read it in full through `node`).
    pub record_id: ID,
    /// Its unit's global id.
    pub unit_id: ID,
    /// Its title.
    pub title: String,
    /// Honour or dishonesty.
    pub polarity: Polarity,
    /// Its category.
    pub category: RecordCategory,
    /// Its severity.
    pub severity: Severity,
    /// Its status now.
    pub status: RecordStatus,
    /// Who may see it now.
    pub disclosure: DisclosureKind,
}

/// The kind of an audited record action (`None`: not a record event).
fn kind_of(event: &LiveEvent) -> Option<RecordEventKind> {
    Some(match event.action.as_str() {
        "credit_record.create" => RecordEventKind::Created,
        "credit_record.update" if became_public(event) => RecordEventKind::Published,
        "credit_record.update"
        | "credit_record.rectifying"
        | "credit_record.rectified"
        | "credit_record.listing_extended"
        | "credit_record.portal_lifted" => RecordEventKind::Changed,
        "credit_record.repaired" => RecordEventKind::Repaired,
        "credit_record.revoke" | "credit_record.objection_upheld" | "credit_record.listing_removed" => {
            RecordEventKind::Removed
        }
        _ => return None,
    })
}

/// A correction whose record was not PUBLIC before and is now.
fn became_public(event: &LiveEvent) -> bool {
    let before = event.before.as_deref().and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok());
    let after = event.after.as_deref().and_then(|a| serde_json::from_str::<serde_json::Value>(a).ok());
    let public = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()) == Some("PUBLIC");
    !public(before.as_ref().map(|b| &b["disclosure"])) && public(after.as_ref().map(|a| &a["record"]["disclosure"]))
}

/// The subscriber's event for a change, if it is a record event it asked for and may see.
pub async fn record_event(
    state: &AppState,
    viewer: &Viewer,
    filter: &RecordEventFilter,
    unit: Option<i32>,
    event: LiveEvent,
) -> AppResult<Option<RecordEvent>> {
    let Some(kind) = kind_of(&event) else { return Ok(None) };
    if filter.kinds.as_ref().is_some_and(|kinds| !kinds.contains(&kind)) {
        return Ok(None);
    }
    let Some((NodeType::CreditRecord, row)) = event.entity_id.as_deref().and_then(parse_global_id) else {
        return Ok(None);
    };
    let visible = records_visible_to(viewer, state.clock.today(), RecordUse::Rows);
    let Some(record) = credit_record::Entity::find_by_id(row).filter(visible).one(&state.db).await? else {
        return Ok(None);
    };
    if let Some(unit) = unit {
        let inside = if filter.include_subunits {
            unit_within(&state.db, unit, record.unit_id).await?
        } else {
            record.unit_id == unit
        };
        if !inside {
            return Ok(None);
        }
    }
    Ok(Some(RecordEvent {
        kind,
        at: DateTime(event.at),
        record_id: global_id(NodeType::CreditRecord, record.id),
        unit_id: global_id(NodeType::Unit, record.unit_id),
        title: record.title,
        polarity: record.polarity.into(),
        category: record.category.into(),
        severity: record.severity.into(),
        status: record.status.into(),
        disclosure: record.disclosure.into(),
    }))
}
