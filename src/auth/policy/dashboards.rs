//! Who reads the leadership dashboards and what they count: leadership, the credit office and the
//! administrator the whole county and every record; an evaluation firm the whole county but only
//! PUBLIC and SHARED records (what it may count elsewhere); a unit clerk its own subtree only.

use entity::enums::Disclosure;

use super::{Role, Viewer};
use crate::error::{AppError, Reason};

/// The units a viewer's dashboard may cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashboardReach {
    /// Any unit, the whole county by default.
    County,
    /// This unit's subtree, which is also the default.
    Subtree(i32),
}

/// Where the viewer's dashboards may look (run after `may(ReadDashboard)`).
pub fn dashboard_reach(viewer: &Viewer) -> Result<DashboardReach, AppError> {
    match viewer.role {
        Some(Role::UnitClerk) => {
            viewer.unit_id.map(DashboardReach::Subtree).ok_or(AppError::Forbidden(Reason::OutsideYourUnits))
        }
        _ => Ok(DashboardReach::County),
    }
}

/// The disclosures a dashboard counts (its reach already narrowed); `None`: all of them. The
/// same rule as `records_visible_to(…, RecordUse::Counts)` inside the reach.
pub fn dashboard_disclosures(viewer: &Viewer) -> Option<&'static [Disclosure]> {
    match viewer.role {
        Some(Role::Evaluator) => Some(&super::records::SHARED_OR_PUBLIC),
        _ => None,
    }
}

/// Whether a viewer's record counts anywhere (`Unit.recordStats`) can be read from the rollups,
/// and with which disclosures (`Some(None)`: all). `None` where the count rule needs more than
/// the rollups keep (the portal's disclosure windows, a recorder's own entries, a clerk's subtree
/// line): those counts aggregate the records.
pub fn rollup_disclosures(viewer: &Viewer) -> Option<Option<&'static [Disclosure]>> {
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice | Role::Leader) => Some(None),
        Some(Role::Evaluator) => Some(dashboard_disclosures(viewer)),
        _ => None,
    }
}

/// Whether a viewer's open-workflow counts can be read from the workflow rollup: a viewer who may
/// list every rectification, objection, repair application, complaint, proposal and commitment
/// (the rollup keeps no disclosure, publicity or subtree line). Other viewers' counts aggregate
/// the rows under their list rules.
pub fn rollup_counts_workflows(viewer: &Viewer) -> bool {
    matches!(viewer.role, Some(Role::Admin | Role::CreditOffice | Role::Leader))
}
