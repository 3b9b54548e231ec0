//! Public ids (`base64url("Unit:42")`): the one form in which the outside world sees a row — the
//! API's Relay global ids, the audit log's entity ids, the platform's record ids. Plain strings
//! here; the API wraps them in its `ID` type.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

/// The object types that have global ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeType {
    Unit,
    Official,
    PlanTask,
    CreditRecord,
    User,
    ApiToken,
    AuditEntry,
    PlatformPush,
    Commitment,
    Rectification,
    Objection,
    RepairApplication,
    Complaint,
    Proposal,
    ProposalRound,
    ListingEvent,
    AccountabilityProposal,
    OfficialTransfer,
    PublicRecord,
    ProcurementContract,
    InvestmentAgreement,
    DebtInstrument,
    PppProject,
    PppStageAssignment,
    TenderProject,
    EvaluationPeriod,
    Evaluation,
}

impl NodeType {
    pub fn name(self) -> &'static str {
        match self {
            Self::Unit => "Unit",
            Self::Official => "Official",
            Self::PlanTask => "PlanTask",
            Self::CreditRecord => "CreditRecord",
            Self::User => "User",
            Self::ApiToken => "ApiToken",
            Self::AuditEntry => "AuditEntry",
            Self::PlatformPush => "PlatformPush",
            Self::Commitment => "Commitment",
            Self::Rectification => "Rectification",
            Self::Objection => "Objection",
            Self::RepairApplication => "RepairApplication",
            Self::Complaint => "Complaint",
            Self::Proposal => "Proposal",
            Self::ProposalRound => "ProposalRound",
            Self::ListingEvent => "ListingEvent",
            Self::AccountabilityProposal => "AccountabilityProposal",
            Self::OfficialTransfer => "OfficialTransfer",
            Self::PublicRecord => "PublicRecord",
            Self::ProcurementContract => "ProcurementContract",
            Self::InvestmentAgreement => "InvestmentAgreement",
            Self::DebtInstrument => "DebtInstrument",
            Self::PppProject => "PppProject",
            Self::PppStageAssignment => "PppStageAssignment",
            Self::TenderProject => "TenderProject",
            Self::EvaluationPeriod => "EvaluationPeriod",
            Self::Evaluation => "Evaluation",
        }
    }

    pub const ALL: [NodeType; 27] = [
        Self::Unit,
        Self::Official,
        Self::PlanTask,
        Self::CreditRecord,
        Self::User,
        Self::ApiToken,
        Self::AuditEntry,
        Self::PlatformPush,
        Self::Commitment,
        Self::Rectification,
        Self::Objection,
        Self::RepairApplication,
        Self::Complaint,
        Self::Proposal,
        Self::ProposalRound,
        Self::ListingEvent,
        Self::AccountabilityProposal,
        Self::OfficialTransfer,
        Self::PublicRecord,
        Self::ProcurementContract,
        Self::InvestmentAgreement,
        Self::DebtInstrument,
        Self::PppProject,
        Self::PppStageAssignment,
        Self::TenderProject,
        Self::EvaluationPeriod,
        Self::Evaluation,
    ];

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The public id of a row.
pub fn public_id(node_type: NodeType, id: i32) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}:{id}", node_type.name()))
}

/// The id of the caller itself (`Viewer`): its token's subject, which is not a row.
pub fn viewer_id(subject: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("Viewer:{subject}"))
}

/// The subject a `Viewer` id names; `None` when it is not a viewer id.
pub fn parse_viewer_id(id: &str) -> Option<String> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(id).ok()?).ok()?;
    text.strip_prefix("Viewer:").map(str::to_owned)
}

/// Splits a global id into its type and row id; `None` when it is not one of ours.
pub fn parse_global_id(id: &str) -> Option<(NodeType, i32)> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(id).ok()?).ok()?;
    let (name, number) = text.split_once(':')?;
    Some((NodeType::from_name(name)?, number.parse().ok().filter(|n: &i32| *n > 0)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_what_is_not_ours() {
        assert_eq!(parse_global_id("not base64!"), None);
        assert_eq!(parse_global_id(&URL_SAFE_NO_PAD.encode("Unit:-1")), None);
        for node_type in NodeType::ALL {
            assert_eq!(parse_global_id(&public_id(node_type, 7)), Some((node_type, 7)));
        }
    }
}
