//! Who sees and handles complaints (投诉举报). The public submits; the credit office triages and
//! concludes; a unit clerk sees and answers its subtree's; leadership and evaluators read. The
//! complainant's contact is shown only to the credit office and the administrator.

use entity::complaint::{self, Column};
use sea_orm::Condition;

use super::{in_subtree, may, Operation, Role, Viewer};
use crate::error::{AppError, Reason};

/// The SQL form: which complaints the viewer may list (after [`Operation::ListComplaints`]).
pub fn complaints_visible_to(viewer: &Viewer) -> Condition {
    match viewer.role {
        Some(Role::UnitClerk) => Condition::any()
            .add(in_subtree(Column::TargetUnitId, viewer.unit_id))
            .add(in_subtree(Column::AssignedUnitId, viewer.unit_id)),
        Some(Role::Admin | Role::CreditOffice | Role::Leader | Role::Evaluator) => Condition::all(),
        _ => Condition::all().add(sea_orm::sea_query::Expr::cust("1 = 0")),
    }
}

/// The row form of [`complaints_visible_to`]; `in_scope`: the target or assigned unit lies in the
/// viewer's subtree.
pub fn can_read_complaint(viewer: &Viewer, in_scope: bool) -> bool {
    match viewer.role {
        Some(Role::UnitClerk) => in_scope,
        Some(Role::Admin | Role::CreditOffice | Role::Leader | Role::Evaluator) => true,
        _ => false,
    }
}

/// The complainant's name and phone: the credit office and the administrator only.
pub fn sees_complainant(viewer: &Viewer) -> bool {
    matches!(viewer.role, Some(Role::Admin | Role::CreditOffice))
}

/// Replying: the clerk of the unit the complaint was assigned to (or a unit above it).
pub fn can_reply_to_complaint(
    viewer: &Viewer,
    row: &complaint::Model,
    assigned_in_scope: bool,
) -> Result<(), AppError> {
    may(viewer, Operation::ReplyToComplaints)?;
    match viewer.role {
        Some(Role::Admin) => Ok(()),
        Some(Role::UnitClerk) if row.assigned_unit_id.is_some() && assigned_in_scope => Ok(()),
        _ => Err(AppError::Forbidden(Reason::NotAssignedUnit)),
    }
}
