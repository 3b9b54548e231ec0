//! `deadlineEvents`: what the deadline sweep finds overdue — rectifications, objections,
//! complaints, commitments and procurement payments — each delivered only to a subscriber who may
//! list the row (the same rules as the lists).

use async_graphql::{Enum, SimpleObject, ID};
use entity::{commitment, complaint, credit_record, enums::Sector, objection, procurement_contract, rectification};
use sea_orm::{EntityTrait, QueryFilter};

use crate::{
    auth::{
        policy::{
            self,
            commitments::commitments_visible_to,
            complaints::complaints_visible_to,
            records::{records_visible_to, RecordUse},
            sectors::sector_rows_visible_to,
            Operation,
        },
        Viewer,
    },
    error::AppResult,
    graphql::{
        ids::{global_id, NodeType},
        scalars::DateTime,
    },
    ids::parse_global_id,
    live::LiveEvent,
    state::AppState,
};

/// What fell overdue.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    /// A rectification past its deadline.
    Rectification,
    /// An objection undecided past its handling deadline.
    Objection,
    /// A complaint unanswered past its handling deadline.
    Complaint,
    /// A commitment still pending past its due date.
    Commitment,
    /// A procurement payment past its due date (its breach record was made).
    Payment,
}

/// A deadline that passed.
#[derive(SimpleObject, Clone)]
pub struct DeadlineEvent {
    /// What fell overdue.
    pub kind: DeadlineKind,
    /// When the sweep found it.
    pub at: DateTime,
    /// The overdue row's global id (a rectification, objection, complaint, commitment or
    /// procurement contract; read it through `node`).
    pub subject_id: ID,
    /// The unit concerned (the record's, the complaint's target, the commitment's, the
    /// purchaser).
    pub unit_id: ID,
}

fn kind_of(action: &str) -> Option<(DeadlineKind, NodeType)> {
    Some(match action {
        "rectification.overdue" => (DeadlineKind::Rectification, NodeType::Rectification),
        "objection.overdue" => (DeadlineKind::Objection, NodeType::Objection),
        "complaint.overdue" => (DeadlineKind::Complaint, NodeType::Complaint),
        "commitment.overdue" => (DeadlineKind::Commitment, NodeType::Commitment),
        "procurement_contract.breach" => (DeadlineKind::Payment, NodeType::ProcurementContract),
        _ => return None,
    })
}

/// The unit of the record `record`, if the viewer may read it and its workflows.
async fn record_unit(state: &AppState, viewer: &Viewer, record: i32) -> AppResult<Option<i32>> {
    if policy::may(viewer, Operation::ReadRecordWorkflows).is_err() {
        return Ok(None);
    }
    let visible = records_visible_to(viewer, state.clock.today(), RecordUse::Rows);
    Ok(credit_record::Entity::find_by_id(record).filter(visible).one(&state.db).await?.map(|r| r.unit_id))
}

/// The subscriber's event for a change, if it is a deadline event about a row it may list.
pub async fn deadline_event(state: &AppState, viewer: &Viewer, event: LiveEvent) -> AppResult<Option<DeadlineEvent>> {
    let Some((kind, node)) = kind_of(&event.action) else { return Ok(None) };
    let Some((found, row)) = event.entity_id.as_deref().and_then(parse_global_id) else { return Ok(None) };
    if found != node {
        return Ok(None);
    }
    let db = &state.db;
    let unit = match kind {
        DeadlineKind::Rectification => match rectification::Entity::find_by_id(row).one(db).await? {
            Some(r) => record_unit(state, viewer, r.record_id).await?,
            None => None,
        },
        DeadlineKind::Objection => match objection::Entity::find_by_id(row).one(db).await? {
            Some(o) => record_unit(state, viewer, o.record_id).await?,
            None => None,
        },
        DeadlineKind::Complaint if policy::may(viewer, Operation::ListComplaints).is_ok() => {
            let visible = complaints_visible_to(viewer);
            complaint::Entity::find_by_id(row).filter(visible).one(db).await?.map(|c| c.target_unit_id)
        }
        DeadlineKind::Commitment => {
            let visible = commitments_visible_to(viewer);
            commitment::Entity::find_by_id(row).filter(visible).one(db).await?.map(|c| c.unit_id)
        }
        DeadlineKind::Payment if policy::may(viewer, Operation::ListSectorProjects).is_ok() => {
            use procurement_contract::Column;
            let visible = sector_rows_visible_to(viewer, Sector::Procurement, Column::PurchaserUnitId);
            procurement_contract::Entity::find_by_id(row).filter(visible).one(db).await?.map(|c| c.purchaser_unit_id)
        }
        DeadlineKind::Complaint | DeadlineKind::Payment => None,
    };
    Ok(unit.map(|unit| DeadlineEvent {
        kind,
        at: DateTime(event.at),
        subject_id: global_id(node, row),
        unit_id: global_id(NodeType::Unit, unit),
    }))
}
