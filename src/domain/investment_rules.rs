//! Investment promotion (招商引资, plan task 3.4): an agreement is kept, breached, or changed or
//! ended by a lawful procedure. 《优化营商环境条例》 art. 31: a government shall not break an
//! agreement because of government turnover or a change of responsible person; a change made for
//! national or public interest follows the statutory procedure and compensates the investor.

use entity::enums::{AgreementStatus, ChangeGround};
use sea_orm::ActiveEnum;

use super::commitment_rules::ground_is_refused;
use crate::error::{text_problem, AppError, FieldChecks, Reason};

/// Only an ACTIVE agreement moves: to FULFILLED, BREACHED or CHANGED_LAWFULLY.
pub fn check_transition(from: AgreementStatus, to: AgreementStatus) -> Result<(), AppError> {
    if from == AgreementStatus::Active && to != AgreementStatus::Active {
        Ok(())
    } else {
        Err(AppError::InvalidTransition(Reason::TransitionNotAllowed { from: from.to_value(), to: to.to_value() }))
    }
}

/// A lawful change or termination as asked for.
pub struct Change<'a> {
    pub ground: ChangeGround,
    pub reason: &'a str,
    pub legal_basis: &'a str,
    pub procedure: &'a str,
    pub compensation_fen: Option<i64>,
}

/// A ground the law accepts (turnover, a new responsible person, a division adjustment or a
/// reorganisation are `TURNOVER_IS_NO_GROUND`), its reason, legal basis and statutory procedure,
/// and a compensation that is not negative.
pub fn check_change(change: &Change<'_>) -> Result<(), AppError> {
    FieldChecks::new()
        .refuse_if(ground_is_refused(change.ground), "ground", Reason::TurnoverIsNoGround)
        .note("reason", text_problem(change.reason, 2_000))
        .note("legalBasis", text_problem(change.legal_basis, 2_000))
        .note("procedure", text_problem(change.procedure, 2_000))
        .refuse_if(change.compensation_fen.is_some_and(|fen| fen < 0), "compensation", Reason::Negative)
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(ground: ChangeGround) -> Change<'static> {
        Change {
            ground,
            reason: "国土空间规划调整",
            legal_basis: "《优化营商环境条例》第三十一条",
            procedure: "县政府常务会议决定并与投资人协商",
            compensation_fen: Some(100),
        }
    }

    #[test]
    fn turnover_and_a_new_responsible_person_are_no_ground() {
        for ground in [ChangeGround::GovernmentTurnover, ChangeGround::ResponsiblePersonChanged] {
            let Err(AppError::BadUserInput(problems)) = check_change(&change(ground)) else { panic!("{ground:?}") };
            assert_eq!(problems[0].reason, Reason::TurnoverIsNoGround);
        }
        assert!(check_change(&change(ChangeGround::PublicInterest)).is_ok());
        assert!(check_change(&Change { procedure: " ", ..change(ChangeGround::NationalInterest) }).is_err());
    }

    #[test]
    fn only_an_active_agreement_moves() {
        assert!(check_transition(AgreementStatus::Active, AgreementStatus::Breached).is_ok());
        assert!(check_transition(AgreementStatus::Fulfilled, AgreementStatus::Breached).is_err());
        assert!(check_transition(AgreementStatus::Active, AgreementStatus::Active).is_err());
    }
}
