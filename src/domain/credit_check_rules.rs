//! The verdict of a credit check for a personnel decision (任用、升迁、评优评先、职称评聘), and the
//! rule that decided it. A disciplinary sanction bars promotion and appointment (政务处分法 art.
//! 22) and awards (art. 19 with the personnel rules) while its period runs (art. 8), and is history
//! after it; any SERIOUS record in force blocks; any other dishonesty in force asks for care.

use chrono::NaiveDate;
use entity::credit_record;

use super::sanction_rules::in_period;

/// Why the check is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Appointment,
    Promotion,
    Award,
    TitleEvaluation,
}

/// The outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Clear,
    Caution,
    Blocked,
}

/// The rule that decided the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// No dishonesty record counts.
    NothingInForce,
    /// A sanction's period runs, and the purpose is one it bars.
    SanctionPeriod,
    /// A SERIOUS record is in force.
    SeriousRecord,
    /// Other dishonesty is in force.
    DishonestyInForce,
}

/// The verdict, its rule, and the records split into those that count and lapsed sanctions
/// (history).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub verdict: Verdict,
    pub rule: Rule,
    pub counted: Vec<credit_record::Model>,
    pub history: Vec<credit_record::Model>,
}

/// Assesses an official's dishonesty records in force (not repaired, revoked or removed) for
/// `purpose` on `today`.
pub fn assess(records: Vec<credit_record::Model>, purpose: Purpose, today: NaiveDate) -> Assessment {
    let lapsed = |r: &credit_record::Model| r.sanction.is_some_and(|s| !in_period(s, r.decided_on, today));
    let (history, counted): (Vec<_>, Vec<_>) = records.into_iter().partition(lapsed);
    let sanction_runs = counted.iter().any(|r| r.sanction.is_some());
    let barred = matches!(purpose, Purpose::Appointment | Purpose::Promotion | Purpose::Award);
    let (verdict, rule) = if sanction_runs && barred {
        (Verdict::Blocked, Rule::SanctionPeriod)
    } else if counted.iter().any(|r| r.severity == entity::enums::Severity::Serious) {
        (Verdict::Blocked, Rule::SeriousRecord)
    } else if !counted.is_empty() {
        (Verdict::Caution, Rule::DishonestyInForce)
    } else {
        (Verdict::Clear, Rule::NothingInForce)
    };
    Assessment { verdict, rule, counted, history }
}
