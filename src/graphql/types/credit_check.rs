//! `CreditCheck`: the answer to a credit check for appointment, promotion, awards or titles.

use async_graphql::{Enum, SimpleObject};

use super::{CreditRecord, Official};
use crate::graphql::scalars::DateTime;

/// Why the check is made (任用、升迁、评优评先、职称评聘).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum CheckPurpose {
    /// 任用: appointment.
    Appointment,
    /// 升迁: promotion.
    Promotion,
    /// 评优评先: awards and honours.
    Award,
    /// 职称评聘: professional title evaluation.
    TitleEvaluation,
}

/// The outcome.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No dishonesty record in force.
    Clear,
    /// Dishonesty records in force, none SERIOUS: the decision-maker weighs them.
    Caution,
    /// A SERIOUS dishonesty record in force.
    Blocked,
}

/// A credit check of an official (audited with who asked and why).
#[derive(SimpleObject)]
pub struct CreditCheck {
    /// The official checked.
    pub official: Official,
    /// Why.
    pub purpose: CheckPurpose,
    /// The outcome.
    pub verdict: Verdict,
    /// The official's dishonesty records in force (repaired and revoked ones do not count).
    pub records: Vec<CreditRecord>,
    /// When the check was made.
    pub checked_at: DateTime,
}
