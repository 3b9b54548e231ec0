//! Who sees and decides accountability proposals (问责建议): the 监委's recorder — a recorder of a
//! unit authorised for ACCOUNTABILITY records — decides; the credit office, leadership and the
//! administrator follow them.

use entity::{accountability_proposal, enums::RecordCategory, recording_authority};
use sea_orm::{
    sea_query::{Expr, Query},
    ColumnTrait, Condition,
};

use super::{may, Operation, Role, Viewer};
use crate::error::{AppError, Reason};

/// The SQL form: which proposals the viewer may list (after
/// [`Operation::ListAccountabilityProposals`]). A recorder sees them only if its unit is
/// authorised for ACCOUNTABILITY records.
pub fn accountability_visible_to(viewer: &Viewer) -> Condition {
    match (viewer.role, viewer.unit_id) {
        (Some(Role::Admin | Role::CreditOffice | Role::Leader), _) => Condition::all(),
        (Some(Role::Recorder), Some(unit)) => Condition::all().add(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(recording_authority::Entity)
                .and_where(recording_authority::Column::UnitId.eq(unit))
                .and_where(recording_authority::Column::Category.eq(RecordCategory::Accountability))
                .to_owned(),
        )),
        _ => Condition::all().add(accountability_proposal::Column::Id.is_null()),
    }
}

/// Confirming or dismissing: a recorder of a unit authorised for ACCOUNTABILITY (the 监委).
pub fn can_decide_accountability(viewer: &Viewer, authorised: &[RecordCategory]) -> Result<(), AppError> {
    may(viewer, Operation::DecideAccountability)?;
    if authorised.contains(&RecordCategory::Accountability) {
        Ok(())
    } else {
        Err(AppError::Forbidden(Reason::SupervisoryCommissionOnly))
    }
}
