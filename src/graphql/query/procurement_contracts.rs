//! `procurementContracts` (plan task 3.1): for the credit office, leadership, the administrator
//! and evaluation firms all; for a unit clerk its subtree's, or in 财政局 the whole sector's.

use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::{
    enums::Sector,
    procurement_contract::{self, Column},
};
use sea_orm::{
    sea_query::{Expr, ExprTrait, SimpleExpr},
    ColumnTrait, Condition, EntityTrait, QueryFilter,
};

use crate::{
    auth::{
        policy::{
            self,
            sectors::{sector_rows_visible_to, sees_every_sector_row},
            Operation,
        },
        Viewer,
    },
    domain::uscc::validate_uscc,
    error::{AppError, AppResult},
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        keyset::{paginate_counted_by, summed_total, SortKey},
        scalars::Date,
        types::procurement_contract::{
            Acceptance, ProcurementContract, ProcurementContractConnection, ProcurementMethod,
        },
    },
    store::procurement_tally,
};

/// Which procurement contracts to list.
#[derive(InputObject, Default)]
pub struct ProcurementContractFilter {
    /// Only this purchaser's.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only this supplier's (its USCC, 18 characters).
    pub supplier_uscc: Option<String>,
    /// Only these acceptance states.
    pub acceptance: Option<Vec<Acceptance>>,
    /// Only this procurement method.
    pub method: Option<ProcurementMethod>,
    /// Only contracts whose payment is or was late (true), or never late (false), as of today.
    pub late_payment: Option<bool>,
    /// Signed on or after this day.
    pub signed_from: Option<Date>,
    /// Signed on or before this day.
    pub signed_to: Option<Date>,
}

/// What to sort procurement contracts by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum ProcurementContractOrderField {
    /// The day it was signed.
    #[default]
    SignedOn,
    /// The day payment falls due.
    PaymentDueOn,
    /// The amount.
    Amount,
}

/// Sort order of procurement contracts (default: newest signed first).
#[derive(InputObject, Clone, Copy)]
pub struct ProcurementContractOrder {
    /// The field.
    #[graphql(default_with = "ProcurementContractOrderField::SignedOn")]
    pub field: ProcurementContractOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Desc")]
    pub direction: OrderDirection,
}

impl Default for ProcurementContractOrder {
    fn default() -> Self {
        Self { field: ProcurementContractOrderField::SignedOn, direction: OrderDirection::Desc }
    }
}

/// The SQL form of `ProcurementContract.latePayment` as of `today`: never NULL, so that its
/// negation holds exactly for the contracts it does not (an unpaid contract not yet due included).
fn late_payment(today: chrono::NaiveDate) -> Condition {
    let paid_late = Condition::all()
        .add(Column::PaidOn.is_not_null())
        .add(Expr::col(Column::PaidOn).gt(Expr::col(Column::PaymentDueOn)));
    Condition::all().add(Column::PaymentDueOn.is_not_null()).add(
        Condition::any()
            .add(paid_late)
            .add(Condition::all().add(Column::PaidOn.is_null()).add(Column::PaymentDueOn.lt(today))),
    )
}

/// The list's `totalCount` from the procurement tally, when the viewer sees every contract and
/// filters only on what the tally keeps (acceptance, method, late payment); `None`: count the rows.
fn total_from_tally(
    viewer: &Viewer,
    filter: &ProcurementContractFilter,
    today: chrono::NaiveDate,
) -> Option<SimpleExpr> {
    let narrowed = filter.unit_id.is_some()
        || filter.supplier_uscc.is_some()
        || filter.signed_from.is_some()
        || filter.signed_to.is_some();
    if narrowed || !sees_every_sector_row(viewer) {
        return None;
    }
    let acceptance: Option<Vec<entity::enums::Acceptance>> =
        filter.acceptance.as_ref().map(|states| states.iter().map(|s| (*s).into()).collect());
    let method = filter.method.map(entity::enums::ProcurementMethod::from);
    let matching = procurement_tally::contracts_matching(acceptance.as_deref(), method, filter.late_payment, today);
    Some(summed_total(entity::procurement_tally::Entity, "contracts", matching))
}

/// The list as `procurementContracts` gives it; nested lists with a filter call it too.
pub async fn list(
    ctx: &Context<'_>,
    filter: ProcurementContractFilter,
    order: ProcurementContractOrder,
    args: PageArgs,
) -> AppResult<ProcurementContractConnection> {
    let state = ctx.state()?;
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListSectorProjects)?;
    let mut select = procurement_contract::Entity::find().filter(sector_rows_visible_to(
        viewer,
        Sector::Procurement,
        Column::PurchaserUnitId,
    ));
    if let Some(unit) = &filter.unit_id {
        let unit = super::filters::in_unit(Column::PurchaserUnitId, unit, filter.include_subunits, "filter.unitId")?;
        select = select.filter(unit);
    }
    if let Some(uscc) = &filter.supplier_uscc {
        let uscc = uscc.trim().to_ascii_uppercase();
        validate_uscc(&uscc).map_err(|e| AppError::bad_argument("filter.supplierUscc", e.reason()))?;
        select = select.filter(Column::SupplierUscc.eq(uscc));
    }
    if let Some(states) = &filter.acceptance {
        select = select.filter(Column::Acceptance.is_in(states.iter().map(|s| entity::enums::Acceptance::from(*s))));
    }
    if let Some(method) = filter.method {
        select = select.filter(Column::Method.eq(entity::enums::ProcurementMethod::from(method)));
    }
    if let Some(late) = filter.late_payment {
        let condition = late_payment(state.clock.today());
        select = select.filter(if late { condition } else { condition.not() });
    }
    let (from, to) = (filter.signed_from.map(|d| d.0), filter.signed_to.map(|d| d.0));
    select = select.filter(super::filters::within(Column::SignedOn, from, to));
    let column = match order.field {
        ProcurementContractOrderField::SignedOn => Column::SignedOn,
        ProcurementContractOrderField::PaymentDueOn => Column::PaymentDueOn,
        ProcurementContractOrderField::Amount => Column::AmountFen,
    };
    let key = SortKey::by(column, Column::Id, order.direction);
    let total = total_from_tally(viewer, &filter, state.clock.today());
    let page = paginate_counted_by(ctx, select, &key, &args, total).await?;
    Ok(page.map(ProcurementContract).into())
}

#[derive(Default)]
pub struct ProcurementContractQuery;

#[Object]
impl ProcurementContractQuery {
    /// Government procurement contracts the viewer may see (plan task 3.1), newest signed first.
    #[graphql(visible = "crate::graphql::visibility::list_sector_projects")]
    #[allow(clippy::too_many_arguments)]
    async fn procurement_contracts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which contracts.")] filter: Option<ProcurementContractFilter>,
        #[graphql(desc = "Sort order (default: newest signed first).")] order_by: Option<ProcurementContractOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<ProcurementContractConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }
}
