//! Who sees which credit records. The SQL condition (lists, counts, aggregates) and the row
//! predicate (single rows, nested objects) are written side by side from the same table in
//! DESIGN.md, and a test checks they agree on every seeded row for every role.

use chrono::NaiveDate;
use entity::{
    credit_record::{self, Column},
    enums::{Disclosure, RecordStatus, SubjectType},
};
use sea_orm::{ColumnTrait, Condition};

use super::{in_subtree, Role, Viewer};

/// Whether rows are for a list (official-subject records hidden from evaluators) or only for
/// counts (evaluators see official records as numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordUse {
    Rows,
    Counts,
}

/// The disclosures every signed-in reader of records may see (PUBLIC and SHARED): all an
/// evaluation firm reads or counts.
pub const SHARED_OR_PUBLIC: [Disclosure; 2] = [Disclosure::Public, Disclosure::Shared];

/// Whether the viewer sees every record (the credit office, leadership, the administrator).
pub fn sees_every_record(viewer: &Viewer) -> bool {
    matches!(viewer.role, Some(Role::Admin | Role::CreditOffice | Role::Leader))
}

/// A viewer's record list in the rollups' terms, for its `totalCount`: the disclosures it shows
/// (`None`: all) and the subject it shows (`None`: units' and officials').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListedInRollups {
    pub disclosures: Option<&'static [Disclosure]>,
    pub subject_type: Option<SubjectType>,
}

/// Whether the rows [`records_visible_to`] gives for a list can be counted from the rollups
/// (`record_rollup` keeps unit, subject, polarity, severity, status, sector and disclosure), and
/// how. `None` where the rule needs more than the rollups keep (the portal's disclosure windows, a
/// recorder's own entries, a clerk's subtree line): those lists count their rows.
pub fn list_in_rollups(viewer: &Viewer) -> Option<ListedInRollups> {
    // Whose counts the rollups hold (the counting rule), narrowed as a list narrows them: an
    // evaluation firm counts officials' records but lists only units'.
    let disclosures = super::dashboards::rollup_disclosures(viewer)?;
    let subject_type = (viewer.role == Some(Role::Evaluator)).then_some(SubjectType::Unit);
    Some(ListedInRollups { disclosures, subject_type })
}

/// The SQL form: which `credit_record` rows the viewer may see.
pub fn records_visible_to(viewer: &Viewer, today: NaiveDate, purpose: RecordUse) -> Condition {
    let shared = Column::Disclosure.is_in(SHARED_OR_PUBLIC);
    let restricted = Column::Disclosure.eq(Disclosure::Restricted);
    match viewer.role {
        None => public_portal(today),
        Some(Role::Admin | Role::CreditOffice | Role::Leader) => Condition::all(),
        Some(Role::Evaluator) => match purpose {
            RecordUse::Rows => Condition::all().add(shared).add(Column::SubjectType.eq(SubjectType::Unit)),
            RecordUse::Counts => Condition::all().add(shared),
        },
        Some(Role::UnitClerk) => Condition::any()
            .add(Column::Disclosure.eq(Disclosure::Public))
            .add(in_subtree(Column::UnitId, viewer.unit_id)),
        Some(Role::Recorder) => {
            Condition::any().add(shared).add(Condition::all().add(restricted).add(match viewer.unit_id {
                Some(unit) => Column::RecordedByUnitId.eq(unit),
                None => Column::Id.eq(-1),
            }))
        }
        Some(Role::Personnel) => Condition::any()
            .add(shared)
            .add(Condition::all().add(restricted).add(Column::SubjectType.eq(SubjectType::Official))),
    }
}

/// The statuses in which a PUBLIC record stays published.
pub const PUBLISHED_STATUSES: [RecordStatus; 3] =
    [RecordStatus::Active, RecordStatus::Rectifying, RecordStatus::Rectified];

/// What the public portal shows: PUBLIC records of units whose disclosure window is still open,
/// while ACTIVE, RECTIFYING or RECTIFIED. Publication ends by repair, revocation, the court's
/// removal of a listing or the end of the window — not by rectification (信用修复管理办法:
/// a rectified record stays published, marked 已整改, until it is repaired). Never an official's
/// record.
pub fn public_portal(today: NaiveDate) -> Condition {
    Condition::all()
        .add(Column::Disclosure.eq(Disclosure::Public))
        .add(Column::SubjectType.eq(SubjectType::Unit))
        .add(Column::Status.is_in(PUBLISHED_STATUSES))
        .add(Condition::any().add(Column::DisclosureUntil.is_null()).add(Column::DisclosureUntil.gte(today)))
}

/// The row form of [`records_visible_to`]. `unit_in_scope`: the record's unit lies in the
/// viewer's subtree (only asked when [`super::reads_depend_on_subtree`]).
pub fn can_read_record(
    viewer: &Viewer,
    record: &credit_record::Model,
    today: NaiveDate,
    purpose: RecordUse,
    unit_in_scope: bool,
) -> bool {
    let shared = matches!(record.disclosure, Disclosure::Public | Disclosure::Shared);
    match viewer.role {
        None => is_on_public_portal(record, today),
        Some(Role::Admin | Role::CreditOffice | Role::Leader) => true,
        Some(Role::Evaluator) => shared && (purpose == RecordUse::Counts || record.subject_type == SubjectType::Unit),
        Some(Role::UnitClerk) => record.disclosure == Disclosure::Public || unit_in_scope,
        Some(Role::Recorder) => {
            shared
                || (record.disclosure == Disclosure::Restricted && Some(record.recorded_by_unit_id) == viewer.unit_id)
        }
        Some(Role::Personnel) => {
            shared || (record.disclosure == Disclosure::Restricted && record.subject_type == SubjectType::Official)
        }
    }
}

/// The row form of [`public_portal`].
pub fn is_on_public_portal(record: &credit_record::Model, today: NaiveDate) -> bool {
    record.disclosure == Disclosure::Public
        && record.subject_type == SubjectType::Unit
        && PUBLISHED_STATUSES.contains(&record.status)
        && record.disclosure_until.is_none_or(|until| until >= today)
}

/// Whether the viewer may enter a record of this kind. The credit office and the administrator
/// record anything; a recording authority only the categories its unit is authorised for
/// (`authorised`); a personnel office only honours of officials.
pub fn can_create_record(
    viewer: &Viewer,
    polarity: entity::enums::Polarity,
    category: entity::enums::RecordCategory,
    subject_type: SubjectType,
    authorised: &[entity::enums::RecordCategory],
) -> Result<(), crate::error::AppError> {
    super::may(viewer, super::Operation::CreateCreditRecord)?;
    let allowed = match viewer.role {
        Some(Role::Admin | Role::CreditOffice) => true,
        Some(Role::Recorder) => authorised.contains(&category),
        Some(Role::Personnel) => polarity == entity::enums::Polarity::Honor && subject_type == SubjectType::Official,
        _ => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(crate::error::AppError::Forbidden(crate::error::Reason::CategoryNotAuthorised {
            category: sea_orm::ActiveEnum::to_value(&category),
        }))
    }
}

/// Whether the viewer may change (update, revoke) a record: the credit office and the
/// administrator any; a recording authority or personnel office those its own unit made.
pub fn can_change_record(viewer: &Viewer, record: &credit_record::Model) -> Result<(), crate::error::AppError> {
    super::may(viewer, super::Operation::ChangeCreditRecord)?;
    let allowed = match viewer.role {
        Some(Role::Admin | Role::CreditOffice) => true,
        Some(Role::Recorder | Role::Personnel) => Some(record.recorded_by_unit_id) == viewer.unit_id,
        _ => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(crate::error::AppError::Forbidden(crate::error::Reason::NotRecordingUnit))
    }
}
