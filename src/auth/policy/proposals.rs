//! Who sees and handles proposals (人大代表建议 / 政协委员提案): the credit office registers them and
//! records satisfaction; the handling unit's clerk replies and sees its subtree's; leadership reads.

use entity::proposal::Column;
use sea_orm::Condition;

use super::{in_subtree, may, Operation, Role, Viewer};
use crate::error::{AppError, Reason};

/// The SQL form: which proposals the viewer may list (after [`Operation::ListProposals`]).
pub fn proposals_visible_to(viewer: &Viewer) -> Condition {
    match viewer.role {
        Some(Role::UnitClerk) => in_subtree(Column::HandlingUnitId, viewer.unit_id),
        Some(Role::Admin | Role::CreditOffice | Role::Leader) => Condition::all(),
        _ => Condition::all().add(sea_orm::sea_query::Expr::cust("1 = 0")),
    }
}

/// The row form of [`proposals_visible_to`]; `in_scope`: the handling unit lies in the subtree.
pub fn can_read_proposal(viewer: &Viewer, in_scope: bool) -> bool {
    match viewer.role {
        Some(Role::UnitClerk) => in_scope,
        Some(Role::Admin | Role::CreditOffice | Role::Leader) => true,
        _ => false,
    }
}

/// Replying: the handling unit's clerk.
pub fn can_reply_to_proposal(viewer: &Viewer, in_scope: bool) -> Result<(), AppError> {
    may(viewer, Operation::ReplyToProposals)?;
    match viewer.role {
        Some(Role::Admin) => Ok(()),
        Some(Role::UnitClerk) if in_scope => Ok(()),
        _ => Err(AppError::Forbidden(Reason::NotHandlingUnit)),
    }
}
