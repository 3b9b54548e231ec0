//! `CreditCheck`: the answer to a credit check for appointment, promotion, awards or titles.

use async_graphql::{Enum, SimpleObject};

use super::{CreditRecord, Official};
use crate::{domain::credit_check_rules::Purpose, graphql::scalars::DateTime};

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

impl From<CheckPurpose> for Purpose {
    fn from(purpose: CheckPurpose) -> Self {
        match purpose {
            CheckPurpose::Appointment => Purpose::Appointment,
            CheckPurpose::Promotion => Purpose::Promotion,
            CheckPurpose::Award => Purpose::Award,
            CheckPurpose::TitleEvaluation => Purpose::TitleEvaluation,
        }
    }
}

/// The outcome.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::domain::credit_check_rules::Verdict")]
pub enum Verdict {
    /// No dishonesty record counts.
    Clear,
    /// Dishonesty in force that bars nothing: the decision-maker weighs it.
    Caution,
    /// A sanction's period bars this purpose, or a SERIOUS record is in force.
    Blocked,
}

/// The rule that decided the verdict.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::domain::credit_check_rules::Rule")]
pub enum VerdictRule {
    /// No dishonesty record counts.
    NothingInForce,
    /// A disciplinary sanction's period runs and bars this purpose: promotion and appointment
    /// (政务处分法 art. 22), awards (art. 19).
    SanctionPeriod,
    /// A SERIOUS dishonesty record is in force.
    SeriousRecord,
    /// Other dishonesty is in force.
    DishonestyInForce,
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
    /// The rule that decided it.
    pub rule: VerdictRule,
    /// The official's dishonesty records that count: in force (not repaired, revoked or
    /// removed), and no lapsed sanction.
    pub records: Vec<CreditRecord>,
    /// Sanctions whose period has ended: shown as history, they bar nothing.
    pub history: Vec<CreditRecord>,
    /// When the check was made.
    pub checked_at: DateTime,
}
