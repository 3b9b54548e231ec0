//! Who works a record's workflows: rectification (整改), objections (异议), credit repair (信用修复).
//! Whoever may read a record (signed in) reads its workflows; the row rules below say who acts.

use entity::{
    credit_record,
    enums::{RecordCategory, SubjectType},
};

use chrono::NaiveDate;
use sea_orm::{
    sea_query::{Expr, ExprTrait, IntoColumnRef, Query},
    Condition,
};

use super::{
    may,
    records::{records_visible_to, sees_every_record, RecordUse},
    Operation, Role, Viewer,
};
use crate::error::{AppError, Reason};

/// Whether the viewer sees the rectification, objections and repair applications of a record it
/// may read: every signed-in role; the public portal shows none.
pub fn can_read_workflows(viewer: &Viewer) -> bool {
    may(viewer, Operation::ReadRecordWorkflows).is_ok()
}

/// The SQL form of the rule above, for a workflow table's `record_column`: its record is one the
/// viewer may see (and matches `narrowing`, a list's own filter on the records).
pub fn workflows_visible_to(
    record_column: impl IntoColumnRef,
    viewer: &Viewer,
    today: NaiveDate,
    narrowing: Condition,
) -> Condition {
    // Every record, unnarrowed: no subquery (SQLite would list every record's id for it).
    if sees_every_record(viewer) && narrowing.is_empty() {
        return Condition::all();
    }
    let records = Condition::all().add(records_visible_to(viewer, today, RecordUse::Rows)).add(narrowing);
    let ids =
        Query::select().column(credit_record::Column::Id).from(credit_record::Entity).cond_where(records).to_owned();
    Condition::all().add(Expr::col(record_column).in_subquery(ids))
}

/// Opening and reviewing a rectification: the credit office for any record, a recording
/// authority for the records its unit made.
pub fn can_manage_rectification(viewer: &Viewer, record: &credit_record::Model) -> Result<(), AppError> {
    may(viewer, Operation::ManageRectifications)?;
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice) => Ok(()),
        Some(Role::Recorder) if Some(record.recorded_by_unit_id) == viewer.unit_id => Ok(()),
        _ => Err(AppError::Forbidden(Reason::NotOverseer)),
    }
}

/// Submitting the cause, plan and completion: the clerk of the record's unit (or a unit above it).
pub fn can_submit_rectification(viewer: &Viewer, unit_in_scope: bool) -> Result<(), AppError> {
    may(viewer, Operation::SubmitRectifications)?;
    match viewer.role {
        Some(Role::Admin) => Ok(()),
        Some(Role::UnitClerk) if unit_in_scope => Ok(()),
        _ => Err(AppError::Forbidden(Reason::NotRecordUnit)),
    }
}

/// Marking a 失信被执行人 listing removed: a recorder of a unit authorised for listings (the court).
pub fn can_record_court_removal(viewer: &Viewer, authorised: &[RecordCategory]) -> Result<(), AppError> {
    may(viewer, Operation::RecordCourtRemoval)?;
    if authorised.contains(&RecordCategory::DefaultedJudgmentDebtor) {
        Ok(())
    } else {
        Err(AppError::Forbidden(Reason::CourtOnly))
    }
}

/// Filing an objection or applying for repair on behalf of the record's subject: the unit's clerk
/// for a unit's record, a personnel office for an official's record.
pub fn can_act_for_subject(
    viewer: &Viewer,
    operation: Operation,
    record: &credit_record::Model,
    unit_in_scope: bool,
) -> Result<(), AppError> {
    may(viewer, operation)?;
    let allowed = match viewer.role {
        Some(Role::Admin) => true,
        Some(Role::UnitClerk) => record.subject_type == SubjectType::Unit && unit_in_scope,
        Some(Role::Personnel) => record.subject_type == SubjectType::Official,
        _ => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden(Reason::NotSubject))
    }
}
