//! The Relay `Node` interface.

use async_graphql::{Interface, ID};

use super::{
    Commitment, Complaint, CreditRecord, Objection, Official, PlanTask, Proposal, Rectification, RepairApplication,
    Unit,
};

/// An object with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "The object's opaque global id."))]
pub enum Node {
    Unit(Unit),
    Official(Official),
    PlanTask(PlanTask),
    CreditRecord(CreditRecord),
    Commitment(Commitment),
    Rectification(Rectification),
    Objection(Objection),
    RepairApplication(RepairApplication),
    Complaint(Complaint),
    Proposal(Proposal),
}
