//! Who sees and keeps the key sectors' projects (plan tasks 3.1–3.5): the credit office,
//! leadership, the administrator and evaluation firms read all of them; a unit clerk reads and
//! keeps its own subtree's — or, in the sector's lead department (财政局 for procurement, PPP and
//! debt; 发改局 and 行政服务中心 for bidding; 工信商务局 and 招商办 for investment), the whole
//! sector's. The credit office and the administrator keep any.

use entity::{enums::Sector, unit};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Query},
    ColumnTrait, Condition,
};

use super::{in_subtree, may, Operation, Role, Viewer};
use crate::error::{AppError, Reason};

/// The lead departments of a sector, by short name.
pub fn lead_departments(sector: Sector) -> &'static [&'static str] {
    match sector {
        Sector::Procurement | Sector::Ppp | Sector::Debt => &["县财政局"],
        Sector::Bidding => &["县发改局", "县行政服务中心"],
        Sector::InvestmentPromotion => &["县工信商务局", "县招商办"],
        _ => &[],
    }
}

/// The row form: a unit with this short name leads `sector`.
pub fn unit_leads(short_name: Option<&str>, sector: Sector) -> bool {
    short_name.is_some_and(|name| lead_departments(sector).contains(&name))
}

/// The SQL form: the viewer's unit is one of `sector`'s lead departments.
fn leads(viewer: &Viewer, sector: Sector) -> Condition {
    let Some(own) = viewer.unit_id else { return Condition::all().add(Expr::cust("1 = 0")) };
    let leading = Query::select()
        .column(unit::Column::Id)
        .from(unit::Entity)
        .and_where(unit::Column::ShortName.is_in(lead_departments(sector).iter().copied()))
        .to_owned();
    Condition::all().add(Expr::val(own).in_subquery(leading))
}

/// Which rows of `sector` the viewer may see, `unit_column` naming the row's government-side
/// unit. Callers first check [`Operation::ListSectorProjects`].
pub fn sector_rows_visible_to<C: ColumnTrait>(viewer: &Viewer, sector: Sector, unit_column: C) -> Condition {
    if sees_every_sector_row(viewer) {
        return Condition::all();
    }
    match viewer.role {
        Some(Role::UnitClerk) => {
            Condition::any().add(in_subtree(unit_column, viewer.unit_id)).add(leads(viewer, sector))
        }
        _ => Condition::all().add(Expr::cust("1 = 0")),
    }
}

/// Whether the viewer sees every row of every sector whatever its unit: the credit office,
/// leadership, the administrator and evaluation firms. A list they read whole may be counted from a
/// tally instead of its rows.
pub fn sees_every_sector_row(viewer: &Viewer) -> bool {
    matches!(viewer.role, Some(Role::Admin | Role::CreditOffice | Role::Leader | Role::Evaluator))
}

/// The row form: `unit_in_scope` — the row's unit lies in the viewer's subtree; `leads_sector` —
/// the viewer's unit leads the sector.
pub fn can_read_sector_row(viewer: &Viewer, unit_in_scope: bool, leads_sector: bool) -> bool {
    sees_every_sector_row(viewer) || (viewer.role == Some(Role::UnitClerk) && (unit_in_scope || leads_sector))
}

/// Setting a unit's fiscal capacity (综合财力): the credit office, the administrator, or a clerk
/// of 财政局 (`leads_debt`).
pub fn can_set_fiscal_capacity(viewer: &Viewer, leads_debt: bool) -> Result<(), AppError> {
    may(viewer, Operation::KeepSectorProjects)?;
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice) => Ok(()),
        Some(Role::UnitClerk) if leads_debt => Ok(()),
        _ => Err(AppError::Forbidden(Reason::FinanceBureauOnly)),
    }
}

/// Entering or changing a row of a sector: the credit office and the administrator any; a clerk
/// its subtree's, or the sector's in a lead department.
pub fn can_keep_sector_row(viewer: &Viewer, unit_in_scope: bool, leads_sector: bool) -> Result<(), AppError> {
    may(viewer, Operation::KeepSectorProjects)?;
    match viewer.role {
        Some(Role::Admin | Role::CreditOffice) => Ok(()),
        Some(Role::UnitClerk) if unit_in_scope || leads_sector => Ok(()),
        _ => Err(AppError::Forbidden(Reason::OutsideYourUnits)),
    }
}
