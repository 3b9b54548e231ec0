//! Opaque global ids (`base64url("Unit:42")`), as Relay wants them.

use async_graphql::ID;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

use crate::error::{AppError, AppResult};

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
        }
    }

    const ALL: [NodeType; 14] = [
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
    ];

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The global id of a row.
pub fn global_id(node_type: NodeType, id: i32) -> ID {
    ID(URL_SAFE_NO_PAD.encode(format!("{}:{id}", node_type.name())))
}

/// Splits a global id into its type and row id; `None` when it is not one of ours.
pub fn parse_global_id(id: &str) -> Option<(NodeType, i32)> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(id).ok()?).ok()?;
    let (name, number) = text.split_once(':')?;
    Some((NodeType::from_name(name)?, number.parse().ok().filter(|n: &i32| *n > 0)?))
}

/// The row id of a global id that must be of `expected` type; `field` names the input in errors.
pub fn expect_id(id: &ID, expected: NodeType, field: &str) -> AppResult<i32> {
    match parse_global_id(id) {
        Some((node_type, row)) if node_type == expected => Ok(row),
        _ => Err(AppError::bad_input(field, format!("not a {} id", expected.name()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_other_types() {
        let id = global_id(NodeType::Unit, 42);
        assert_eq!(parse_global_id(&id), Some((NodeType::Unit, 42)));
        assert_eq!(expect_id(&id, NodeType::Unit, "id"), Ok(42));
        assert!(expect_id(&id, NodeType::Official, "id").is_err());
        assert_eq!(parse_global_id("not base64!"), None);
        assert_eq!(parse_global_id(&URL_SAFE_NO_PAD.encode("Unit:-1")), None);
        for node_type in NodeType::ALL {
            assert_eq!(parse_global_id(&global_id(node_type, 7)), Some((node_type, 7)));
        }
    }
}
