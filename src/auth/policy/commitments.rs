//! Who sees and keeps commitments (承诺): the public sees public ones; a unit clerk its subtree's;
//! everyone else signed in, all. A clerk enters its subtree's commitments and declares them
//! fulfilled; the credit office decides breaches and lawful changes.

use entity::{
    commitment::{self, Column},
    enums::CommitmentStatus,
};
use sea_orm::{ColumnTrait, Condition};

use super::{in_subtree, may, Operation, Role, Viewer};
use crate::error::{AppError, Reason};

/// The SQL form: which commitments the viewer may see.
pub fn commitments_visible_to(viewer: &Viewer) -> Condition {
    match viewer.role {
        None => Condition::all().add(Column::IsPublic.eq(true)),
        Some(Role::UnitClerk) => {
            Condition::any().add(Column::IsPublic.eq(true)).add(in_subtree(Column::UnitId, viewer.unit_id))
        }
        Some(_) => Condition::all(),
    }
}

/// The row form of [`commitments_visible_to`]; `unit_in_scope`: the commitment's unit lies in the
/// viewer's subtree.
pub fn can_read_commitment(viewer: &Viewer, row: &commitment::Model, unit_in_scope: bool) -> bool {
    match viewer.role {
        None => row.is_public,
        Some(Role::UnitClerk) => row.is_public || unit_in_scope,
        Some(_) => true,
    }
}

/// Entering a commitment: the credit office and the administrator for any unit, a clerk for
/// its subtree.
pub fn can_create_commitment(viewer: &Viewer, unit_in_scope: bool) -> Result<(), AppError> {
    may(viewer, Operation::KeepCommitments)?;
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice) => Ok(()),
        Some(Role::UnitClerk) if unit_in_scope => Ok(()),
        _ => Err(AppError::Forbidden(Reason::OwnUnitsOnly)),
    }
}

/// Setting a status: a clerk may declare its subtree's commitments FULFILLED; breaches and
/// lawful changes are the credit office's (or the administrator's) decision.
pub fn can_set_commitment_status(viewer: &Viewer, to: CommitmentStatus, unit_in_scope: bool) -> Result<(), AppError> {
    may(viewer, Operation::KeepCommitments)?;
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice) => Ok(()),
        Some(Role::UnitClerk) if unit_in_scope && to == CommitmentStatus::Fulfilled => Ok(()),
        _ => Err(AppError::Forbidden(Reason::CreditOfficeDecides)),
    }
}
