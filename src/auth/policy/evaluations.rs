//! Who sees and makes evaluations (plan tasks 2.1.1, 2.1.3): the credit office and the
//! administrator compute and publish them; the credit office, leadership and the administrator
//! read every one; a unit clerk its subtree's; everyone — evaluation firms and the public portal
//! included — the published ones.

use entity::evaluation::Column;
use sea_orm::{ColumnTrait, Condition};

use super::{in_subtree, Role, Viewer};

/// The SQL form: which evaluations the viewer may list.
pub fn evaluations_visible_to(viewer: &Viewer) -> Condition {
    let published = Condition::all().add(Column::Published.eq(true));
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice | Role::Leader) => Condition::all(),
        Some(Role::UnitClerk) => Condition::any().add(published).add(in_subtree(Column::UnitId, viewer.unit_id)),
        _ => published,
    }
}

/// The row form of [`evaluations_visible_to`]; `in_scope`: the unit lies in the viewer's subtree.
pub fn can_read_evaluation(viewer: &Viewer, published: bool, in_scope: bool) -> bool {
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice | Role::Leader) => true,
        Some(Role::UnitClerk) => published || in_scope,
        _ => published,
    }
}
