//! The one place that decides what a viewer may see and do. Lists, counts and aggregates take a SQL
//! condition from here; single rows take a predicate built from the same rules. Resolvers never
//! compare roles themselves.

use entity::{official, unit_closure};
use sea_orm::{
    sea_query::{Expr, Query},
    ColumnTrait, Condition,
};

pub mod accountability;
pub mod commitments;
pub mod complaints;
pub mod dashboards;
pub mod evaluations;
pub mod operations;
pub mod proposals;
pub mod records;
pub mod sectors;
pub mod workflows;

pub use operations::{allowed, may, Operation};

use super::{Role, Viewer};
use crate::error::{AppError, Reason};

/// Units are public: the portal lists them too.
pub fn can_read_units(_viewer: &Viewer) -> bool {
    true
}

/// The plan's tasks and their lead units: any signed-in role.
pub fn can_read_plan_tasks(viewer: &Viewer) -> Result<(), AppError> {
    may(viewer, Operation::ListPlanTasks)
}

/// Reporting progress on a plan task for `unit`: the credit office and the administrator for any
/// lead unit, a unit clerk for its own unit only.
pub fn can_report_for(viewer: &Viewer, unit: i32) -> Result<(), AppError> {
    may(viewer, Operation::ReportTaskProgress)?;
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice) => Ok(()),
        Some(Role::UnitClerk) if viewer.unit_id == Some(unit) => Ok(()),
        _ => Err(AppError::Forbidden(crate::error::Reason::OutsideYourUnits)),
    }
}

/// Which officials a viewer may list: all of them for the credit office, personnel, leadership,
/// recorders and the administrator; a unit clerk only its unit's subtree; nobody else.
pub fn officials_visible_to(viewer: &Viewer) -> Result<Condition, AppError> {
    require_signed_in(viewer)?;
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice | Role::Personnel | Role::Leader | Role::Recorder) => {
            Ok(Condition::all())
        }
        Some(Role::UnitClerk) => Ok(Condition::all().add(in_subtree(official::Column::UnitId, viewer.unit_id))),
        _ => Err(AppError::forbidden()),
    }
}

/// The single-row form of [`officials_visible_to`]; `unit_in_scope` says whether the official's
/// unit lies in the viewer's subtree (the caller looks it up through the closure loader).
pub fn can_read_official(viewer: &Viewer, unit_in_scope: bool) -> bool {
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice | Role::Personnel | Role::Leader | Role::Recorder) => true,
        Some(Role::UnitClerk) => unit_in_scope,
        _ => false,
    }
}

/// Whether the row predicates (officials, records, commitments) need to know if the row's unit
/// lies in the viewer's subtree: only a unit clerk's reads depend on it.
pub fn reads_depend_on_subtree(viewer: &Viewer) -> bool {
    viewer.role == Some(Role::UnitClerk)
}

/// 身份证号 and phone numbers are shown whole only to the administrator and personnel offices.
pub fn sees_unmasked_identifiers(viewer: &Viewer) -> bool {
    matches!(viewer.role, Some(Role::Admin | Role::Personnel))
}

/// Anonymous callers may not; everyone with a valid token may.
pub fn require_signed_in(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.is_anonymous() {
        Err(AppError::Unauthenticated(Reason::SignInToSee))
    } else {
        Ok(())
    }
}

/// `column IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = root)`: the unit and
/// everything under it, one indexed lookup. A viewer with no unit matches nothing.
pub fn in_subtree<C: ColumnTrait>(column: C, root: Option<i32>) -> Condition {
    match root {
        Some(root) => Condition::all().add(
            column.in_subquery(
                Query::select()
                    .column(unit_closure::Column::DescendantId)
                    .from(unit_closure::Entity)
                    .and_where(unit_closure::Column::AncestorId.eq(root))
                    .to_owned(),
            ),
        ),
        None => Condition::all().add(Expr::cust("1 = 0")),
    }
}
