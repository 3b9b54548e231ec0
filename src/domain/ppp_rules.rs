//! PPP projects (政府和社会资本合作, plan task 3.2): a project moves forward through its stages in
//! order, never back or past one; each stage has one responsible official at a time, and the
//! trail of who answered for which stage, from when to when (项目责任回溯), is kept for good.
//! A breach is laid on the government-side unit and on the official responsible for the stage on
//! the day it happened (纳入项目政府方责任人信用记录).

use chrono::NaiveDate;
use entity::{enums::PppStage, ppp_stage_assignment};
use sea_orm::ActiveEnum;

use crate::error::{AppError, Reason};

/// The stages, in the order a project goes through them.
pub const STAGES: [PppStage; 6] = [
    PppStage::Preparation,
    PppStage::Bidding,
    PppStage::Procurement,
    PppStage::Financing,
    PppStage::Implementation,
    PppStage::Handover,
];

/// A stage's place in the order (0 for PREPARATION).
pub fn position(stage: PppStage) -> usize {
    STAGES.iter().position(|s| *s == stage).unwrap_or(0)
}

/// The stage after `stage`, if any.
pub fn next(stage: PppStage) -> Option<PppStage> {
    STAGES.get(position(stage) + 1).copied()
}

/// A project moves only to the stage right after its own: `INVALID_TRANSITION` otherwise.
pub fn check_advance(from: PppStage, to: PppStage) -> Result<(), AppError> {
    if next(from) == Some(to) {
        Ok(())
    } else {
        Err(AppError::InvalidTransition(Reason::TransitionNotAllowed { from: from.to_value(), to: to.to_value() }))
    }
}

/// Whether a project now in `current` has reached `stage`.
pub fn reached(current: PppStage, stage: PppStage) -> bool {
    position(stage) <= position(current)
}

/// Whether an assignment covers `day` (its bounds included).
pub fn covers(assignment: &ppp_stage_assignment::Model, day: NaiveDate) -> bool {
    assignment.from_on <= day && assignment.to_on.is_none_or(|to| day <= to)
}

/// The assignment of `stage` that covers `day`, among a project's trail.
pub fn responsible_on(
    trail: &[ppp_stage_assignment::Model],
    stage: PppStage,
    day: NaiveDate,
) -> Option<&ppp_stage_assignment::Model> {
    trail.iter().filter(|a| a.stage == stage).find(|a| covers(a, day))
}

/// The assignment of `stage` in force now (the open one).
pub fn responsible_now(trail: &[ppp_stage_assignment::Model], stage: PppStage) -> Option<&ppp_stage_assignment::Model> {
    trail.iter().find(|a| a.stage == stage && a.to_on.is_none())
}

/// The first day a new assignment of `stage` may start: after every day the stage's trail
/// already covers (an open assignment is ended the day before the new one starts).
pub fn earliest_start(trail: &[ppp_stage_assignment::Model], stage: PppStage) -> Option<NaiveDate> {
    trail
        .iter()
        .filter(|a| a.stage == stage)
        .map(|a| a.to_on.unwrap_or(a.from_on))
        .max()
        .and_then(|last| last.succ_opt())
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn assignment(stage: PppStage, from: u32, to: Option<u32>) -> ppp_stage_assignment::Model {
        ppp_stage_assignment::Model {
            id: 1,
            project_id: 1,
            stage,
            official_id: from as i32,
            from_on: day(from),
            to_on: to.map(day),
            created_at: Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_project_moves_one_stage_forward_and_never_back_or_past_one() {
        assert!(check_advance(PppStage::Preparation, PppStage::Bidding).is_ok());
        assert!(check_advance(PppStage::Implementation, PppStage::Handover).is_ok());
        for (from, to) in [
            (PppStage::Bidding, PppStage::Preparation),
            (PppStage::Preparation, PppStage::Procurement),
            (PppStage::Financing, PppStage::Financing),
            (PppStage::Handover, PppStage::Preparation),
        ] {
            assert!(matches!(check_advance(from, to), Err(AppError::InvalidTransition(_))), "{from:?} → {to:?}");
        }
        assert!(reached(PppStage::Financing, PppStage::Bidding));
        assert!(!reached(PppStage::Bidding, PppStage::Financing));
    }

    #[test]
    fn the_trail_names_who_answered_for_a_stage_on_a_day() {
        let trail = vec![
            assignment(PppStage::Bidding, 1, Some(9)),
            assignment(PppStage::Bidding, 10, None),
            assignment(PppStage::Preparation, 1, Some(20)),
        ];
        let on = |d| responsible_on(&trail, PppStage::Bidding, day(d)).map(|a| a.official_id);
        assert_eq!((on(1), on(9), on(10), on(28)), (Some(1), Some(1), Some(10), Some(10)));
        assert_eq!(responsible_on(&trail, PppStage::Financing, day(5)), None);
        assert_eq!(responsible_now(&trail, PppStage::Bidding).map(|a| a.official_id), Some(10));
        assert_eq!(earliest_start(&trail, PppStage::Bidding), Some(day(11)));
        assert_eq!(earliest_start(&trail, PppStage::Preparation), Some(day(21)));
        assert_eq!(earliest_start(&trail, PppStage::Handover), None);
    }
}
