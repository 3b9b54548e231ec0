//! Incentives and discipline (plan task 2.3.3): a unit with a SERIOUS dishonesty record still in
//! force, or a rectification past its deadline, loses the right to take part in honours
//! (取消参加各类荣誉评选资格); an official within a sanction period may not be awarded
//! (《公职人员政务处分法》 art. 19 with the personnel rules). A COMMENDATION for either is refused
//! with `HONOURS_BARRED`, naming the records that bar it.

use chrono::NaiveDate;
use entity::{
    credit_record,
    enums::{Polarity, RecordCategory, RecordStatus, RectificationStatus, Severity, SubjectType},
    rectification,
};

use super::sanction_rules::in_period;

/// Why a unit or an official may not be honoured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    /// The unit's own SERIOUS dishonesty record is in force.
    SeriousDishonesty,
    /// A rectification of the unit's record is past its deadline.
    OverdueRectification,
    /// The official's disciplinary sanction still runs.
    SanctionPeriod,
}

/// One thing that bars honours, and the record it hangs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    pub kind: BarKind,
    pub record_id: i32,
}

/// The statuses in which a record is in force.
pub const IN_FORCE: [RecordStatus; 2] = [RecordStatus::Active, RecordStatus::Rectifying];

/// The rectification statuses that are overdue once the deadline has passed (OVERDUE always is).
pub const OPEN_RECTIFICATION: [RectificationStatus; 2] = [RectificationStatus::Pending, RectificationStatus::Rejected];

/// Whether a record bars its unit: the unit's own SERIOUS dishonesty record, in force.
pub fn record_bars_unit(record: &credit_record::Model) -> bool {
    record.subject_type == SubjectType::Unit
        && record.polarity == Polarity::Dishonesty
        && record.severity == Severity::Serious
        && IN_FORCE.contains(&record.status)
}

/// Whether a rectification is overdue on `today`.
pub fn rectification_overdue(rectification: &rectification::Model, today: NaiveDate) -> bool {
    rectification.status == RectificationStatus::Overdue
        || (OPEN_RECTIFICATION.contains(&rectification.status) && rectification.deadline < today)
}

/// Whether a record bars its official on `today`: a disciplinary sanction, not revoked, whose
/// period still runs.
pub fn record_bars_official(record: &credit_record::Model, today: NaiveDate) -> bool {
    record.category == RecordCategory::DisciplinarySanction
        && record.status != RecordStatus::Revoked
        && record.sanction.is_some_and(|sanction| in_period(sanction, record.decided_on, today))
}
