//! Commitments (承诺): the state machine and what an entry must hold.

use entity::enums::{CommitmentKind, CommitmentStatus};

use crate::error::AppError;

/// Township service areas (plan task 3.6).
pub const SERVICE_AREAS: [&str; 14] = [
    "就业",
    "物业",
    "就学",
    "计生",
    "养老",
    "助残",
    "扶贫",
    "医保",
    "住房",
    "出行",
    "停车",
    "防火防盗",
    "优抚",
    "便民服务",
];

/// PENDING → FULFILLED | BREACHED | CHANGED_LAWFULLY; the last three are final.
pub fn check_transition(from: CommitmentStatus, to: CommitmentStatus) -> Result<(), AppError> {
    if from == CommitmentStatus::Pending && to != CommitmentStatus::Pending {
        Ok(())
    } else {
        Err(AppError::InvalidTransition(format!("a commitment cannot go from {from:?} to {to:?}")))
    }
}

/// What each outcome needs: evidence for FULFILLED, a legal basis for CHANGED_LAWFULLY.
pub fn check_outcome(to: CommitmentStatus, evidence: Option<&str>, legal_basis: Option<&str>) -> Result<(), AppError> {
    let given = |v: Option<&str>| v.is_some_and(|t| !t.trim().is_empty() && t.chars().count() <= 5_000);
    match to {
        CommitmentStatus::Fulfilled if !given(evidence) => {
            Err(AppError::bad_input("evidence", "give the evidence of fulfilment"))
        }
        CommitmentStatus::ChangedLawfully if !given(legal_basis) => {
            Err(AppError::bad_input("legalBasis", "a lawful change needs its legal basis"))
        }
        _ => Ok(()),
    }
}

/// A township public commitment names one of the plan's service areas; other kinds name none
/// or any.
pub fn check_entry(kind: CommitmentKind, service_area: Option<&str>, content: &str) -> Result<(), AppError> {
    if content.trim().is_empty() || content.chars().count() > 5_000 {
        return Err(AppError::bad_input("content", "1 to 5000 characters"));
    }
    match (kind, service_area) {
        (CommitmentKind::TownshipPublic, Some(area)) if SERVICE_AREAS.contains(&area) => Ok(()),
        (CommitmentKind::TownshipPublic, _) => {
            Err(AppError::bad_input("serviceArea", format!("one of {}", SERVICE_AREAS.join("、"))))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CommitmentStatus::*;

    #[test]
    fn only_pending_moves_and_only_once() {
        for to in [Fulfilled, Breached, ChangedLawfully] {
            assert!(check_transition(Pending, to).is_ok());
            for from in [Fulfilled, Breached, ChangedLawfully] {
                assert!(check_transition(from, to).is_err(), "{from:?} → {to:?}");
            }
        }
        assert!(check_transition(Pending, Pending).is_err());
    }

    #[test]
    fn outcomes_need_their_papers() {
        assert!(check_outcome(Fulfilled, None, None).is_err());
        assert!(check_outcome(Fulfilled, Some("台账"), None).is_ok());
        assert!(check_outcome(ChangedLawfully, None, None).is_err());
        assert!(check_outcome(Breached, None, None).is_ok());
    }

    #[test]
    fn township_commitments_name_a_service_area() {
        assert!(check_entry(CommitmentKind::TownshipPublic, Some("养老"), "承诺").is_ok());
        assert!(check_entry(CommitmentKind::TownshipPublic, Some("旅游"), "承诺").is_err());
        assert!(check_entry(CommitmentKind::Deadline, None, "承诺").is_ok());
        assert!(check_entry(CommitmentKind::Deadline, None, " ").is_err());
    }
}
