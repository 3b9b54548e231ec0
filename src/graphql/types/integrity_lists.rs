//! `IntegrityLists`: a period's 守信红名单 and 失信黑名单 (`domain::integrity_list_rules`).

use async_graphql::{Enum, SimpleObject};

use super::{evaluation::Evaluation, evaluation::EvaluationPeriod, CreditRecord, Unit};

/// Why a unit is on a list.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::domain::integrity_list_rules::ListReason")]
pub enum IntegrityListReason {
    /// Graded A in the period.
    GradeA,
    /// Graded D in the period.
    GradeD,
    /// A SERIOUS dishonesty record of the unit's own is in force (ACTIVE or RECTIFYING).
    SeriousRecordInForce,
}

/// A unit on a list.
#[derive(SimpleObject, Clone)]
pub struct IntegrityListEntry {
    /// The unit.
    pub unit: Unit,
    /// Its evaluation in the period, where the viewer may see it.
    pub evaluation: Option<Evaluation>,
    /// Why it is on the list.
    pub reasons: Vec<IntegrityListReason>,
    /// Its SERIOUS dishonesty records in force that the viewer may see (a listing's ground may be
    /// a record the viewer may not read). Signed-in readers; the portal lists its records as
    /// `publicRecords`.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    pub serious_records: Vec<CreditRecord>,
}

/// A period's red and black lists: from the grades of the evaluations the viewer may read
/// (published ones for the public and evaluation firms) and every SERIOUS record in force; the
/// records shown are those the viewer may read.
#[derive(SimpleObject, Clone)]
pub struct IntegrityLists {
    /// The period.
    pub period: EvaluationPeriod,
    /// 守信红名单: graded A, with no SERIOUS dishonesty record of its own in force; best score
    /// first.
    pub red: Vec<IntegrityListEntry>,
    /// 失信黑名单: graded D, or a SERIOUS dishonesty record of its own in force; by name.
    pub black: Vec<IntegrityListEntry>,
}
