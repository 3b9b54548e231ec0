//! The API's object types, built from entity models (so no column leaks by accident).

pub mod account;
pub mod accountability_proposal;
pub mod audit_entry;
pub mod commitment;
pub mod complaint;
pub mod credit_check;
pub mod credit_record;
pub mod enums;
pub mod listing_event;
pub mod node;
pub mod objection;
pub mod official;
pub mod plan_task;
pub mod platform_push;
pub mod proposal;
pub mod proposal_round;
pub mod public_record;
pub mod record_enums;
pub mod record_stats;
pub mod rectification;
pub mod repair_application;
pub mod unit;
pub mod viewer;

pub use account::{ApiToken, ApiTokenConnection, User, UserConnection};
pub use accountability_proposal::{AccountabilityProposal, AccountabilityProposalConnection};
pub use audit_entry::{AuditEntry, AuditEntryConnection};
pub use commitment::{Commitment, CommitmentConnection};
pub use complaint::{Complaint, ComplaintConnection};
pub use credit_record::{CreditRecord, CreditRecordConnection};
pub use listing_event::ListingEvent;
pub use objection::Objection;
pub use proposal::{Proposal, ProposalConnection};
pub use proposal_round::ProposalRound;
pub use rectification::Rectification;
pub use repair_application::RepairApplication;

pub use node::Node;
pub use official::{Official, OfficialConnection};
pub use plan_task::{PlanTask, PlanTaskConnection};
pub use public_record::{PublicRecord, PublicRecordConnection};
pub use record_stats::RecordStats;
pub use unit::{Unit, UnitConnection};
pub use viewer::ViewerInfo;
