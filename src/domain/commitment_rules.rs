//! Commitments (承诺): the state machine, what an entry must hold, what a lawful change needs and
//! how a breach is disclosed.

use chrono::NaiveDate;
use entity::enums::{ChangeGround, CommitmentKind, CommitmentStatus, Disclosure, Severity, UnitKind};

use crate::error::{AppError, FieldChecks, Reason};
use sea_orm::ActiveEnum;

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
        Err(AppError::InvalidTransition(Reason::TransitionNotAllowed { from: from.to_value(), to: to.to_value() }))
    }
}

/// The outcome as recorded.
pub struct Outcome<'a> {
    pub to: CommitmentStatus,
    pub evidence: Option<&'a str>,
    pub legal_basis: Option<&'a str>,
    pub ground: Option<ChangeGround>,
    pub compensation_fen: Option<i64>,
}

/// Grounds a government may not change its word for (优化营商环境条例 art. 31: 不得以行政区划调整、
/// 政府换届、机构或者职能调整以及相关责任人更替等为由违约毁约).
pub fn ground_is_refused(ground: ChangeGround) -> bool {
    matches!(
        ground,
        ChangeGround::GovernmentTurnover
            | ChangeGround::ResponsiblePersonChanged
            | ChangeGround::DivisionAdjusted
            | ChangeGround::Reorganised
    )
}

/// What each outcome needs: evidence for FULFILLED; for CHANGED_LAWFULLY a ground the law accepts
/// and its legal basis (art. 31: 依照法定权限和程序进行), with any compensation (依法予以补偿) not
/// negative. Ground and compensation belong to a lawful change only.
pub fn check_outcome(outcome: &Outcome<'_>) -> Result<(), AppError> {
    let given = |v: Option<&str>| v.is_some_and(|t| !t.trim().is_empty() && t.chars().count() <= 5_000);
    let changing = outcome.to == CommitmentStatus::ChangedLawfully;
    let ground = match outcome.ground {
        None if changing => Some(Reason::ChangeGroundRequired),
        Some(_) if !changing => Some(Reason::OnlyForLawfulChange),
        Some(ground) if ground_is_refused(ground) => Some(Reason::TurnoverIsNoGround),
        _ => None,
    };
    let compensation = match outcome.compensation_fen {
        Some(_) if !changing => Some(Reason::OnlyForLawfulChange),
        Some(fen) if fen < 0 => Some(Reason::Negative),
        _ => None,
    };
    FieldChecks::new()
        .refuse_if(
            outcome.to == CommitmentStatus::Fulfilled && !given(outcome.evidence),
            "evidence",
            Reason::EvidenceRequired,
        )
        .refuse_if(changing && !given(outcome.legal_basis), "legalBasis", Reason::LegalBasisRequired)
        .note("changeGround", ground)
        .note("compensation", compensation)
        .finish()
}

/// A breach of a public commitment (a township's public one, a credit pledge, or any shown on the
/// portal) is published as it was promised; any other stays SHARED. A published record is never
/// MINOR.
pub fn breach_disclosure(kind: CommitmentKind, is_public: bool, severity: Severity) -> Result<Disclosure, AppError> {
    let public = is_public || matches!(kind, CommitmentKind::TownshipPublic | CommitmentKind::CreditPledge);
    match (public, severity) {
        (true, Severity::Minor) => Err(AppError::bad_input("severity", Reason::PublicBreachNotMinor)),
        (true, _) => Ok(Disclosure::Public),
        (false, _) => Ok(Disclosure::Shared),
    }
}

/// A commitment as entered.
pub struct Entry<'a> {
    pub kind: CommitmentKind,
    pub unit_kind: UnitKind,
    pub service_area: Option<&'a str>,
    pub content: &'a str,
    pub due_on: Option<NaiveDate>,
}

/// The units whose public commitments the plan's task 3.6 asks for: townships and their village
/// and residents' committees.
pub fn is_township_level(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Township | UnitKind::VillageCommittee | UnitKind::ResidentsCommittee)
}

/// A township public commitment belongs to a township-level unit and names one of the plan's
/// service areas (other kinds name none or any); nothing falls due before `today`.
pub fn check_entry(entry: &Entry<'_>, today: NaiveDate) -> Result<(), AppError> {
    let township_public = entry.kind == CommitmentKind::TownshipPublic;
    let area_known = entry.service_area.is_some_and(|area| SERVICE_AREAS.contains(&area));
    FieldChecks::new()
        .refuse_if(
            entry.content.trim().is_empty() || entry.content.chars().count() > 5_000,
            "content",
            Reason::LengthBetween { min: 1, max: 5_000 },
        )
        .refuse_if(entry.due_on.is_some_and(|due| due < today), "dueOn", Reason::DateInPast)
        .refuse_if(township_public && !is_township_level(entry.unit_kind), "kind", Reason::TownshipPublicForTownships)
        .refuse_if(
            township_public && !area_known,
            "serviceArea",
            Reason::UnknownServiceArea { areas: SERVICE_AREAS.join("、") },
        )
        .finish()
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

    fn outcome(to: CommitmentStatus, ground: Option<ChangeGround>) -> Outcome<'static> {
        Outcome { to, evidence: None, legal_basis: Some("县政府常务会议纪要"), ground, compensation_fen: None }
    }

    #[test]
    fn outcomes_need_their_papers() {
        let fulfilled = Outcome { evidence: None, ..outcome(Fulfilled, None) };
        assert!(check_outcome(&fulfilled).is_err());
        assert!(check_outcome(&Outcome { evidence: Some("台账"), ..fulfilled }).is_ok());
        assert!(check_outcome(&Outcome { legal_basis: None, ..outcome(ChangedLawfully, None) }).is_err());
        assert!(check_outcome(&outcome(ChangedLawfully, None)).is_err(), "no ground");
        assert!(check_outcome(&outcome(ChangedLawfully, Some(ChangeGround::PublicInterest))).is_ok());
        assert!(check_outcome(&outcome(Breached, None)).is_ok());
        assert!(check_outcome(&outcome(Breached, Some(ChangeGround::PublicInterest))).is_err());
    }

    #[test]
    fn turnover_and_a_new_responsible_person_are_no_ground() {
        for ground in [
            ChangeGround::GovernmentTurnover,
            ChangeGround::ResponsiblePersonChanged,
            ChangeGround::DivisionAdjusted,
            ChangeGround::Reorganised,
        ] {
            let refused = check_outcome(&outcome(ChangedLawfully, Some(ground)));
            assert!(matches!(refused, Err(AppError::BadUserInput(_))), "{ground:?}");
        }
        let negative =
            Outcome { compensation_fen: Some(-1), ..outcome(ChangedLawfully, Some(ChangeGround::LawChanged)) };
        assert!(check_outcome(&negative).is_err());
    }

    #[test]
    fn public_breaches_are_published_and_never_minor() {
        assert_eq!(
            breach_disclosure(CommitmentKind::Deadline, false, Severity::General).ok(),
            Some(Disclosure::Shared)
        );
        assert_eq!(breach_disclosure(CommitmentKind::Deadline, true, Severity::General).ok(), Some(Disclosure::Public));
        assert_eq!(
            breach_disclosure(CommitmentKind::CreditPledge, false, Severity::Serious).ok(),
            Some(Disclosure::Public)
        );
        assert!(breach_disclosure(CommitmentKind::TownshipPublic, false, Severity::Minor).is_err());
    }

    #[test]
    fn township_commitments_belong_to_townships_and_name_a_service_area() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let entry =
            |kind, unit_kind, area| Entry { kind, unit_kind, service_area: area, content: "承诺", due_on: None };
        assert!(check_entry(&entry(CommitmentKind::TownshipPublic, UnitKind::Township, Some("养老")), today).is_ok());
        assert!(check_entry(&entry(CommitmentKind::TownshipPublic, UnitKind::VillageCommittee, Some("养老")), today)
            .is_ok());
        assert!(check_entry(&entry(CommitmentKind::TownshipPublic, UnitKind::Township, Some("旅游")), today).is_err());
        assert!(check_entry(&entry(CommitmentKind::TownshipPublic, UnitKind::Department, Some("养老")), today).is_err());
        assert!(check_entry(&entry(CommitmentKind::Deadline, UnitKind::Department, None), today).is_ok());
        let past = Entry { due_on: today.pred_opt(), ..entry(CommitmentKind::Deadline, UnitKind::Department, None) };
        assert!(check_entry(&past, today).is_err());
        let due_today = Entry { due_on: Some(today), ..past };
        assert!(check_entry(&due_today, today).is_ok());
        let blank = Entry { content: " ", ..entry(CommitmentKind::Deadline, UnitKind::Department, None) };
        assert!(check_entry(&blank, today).is_err());
    }
}
