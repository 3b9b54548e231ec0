//! `units`, `unit(id)`.

use crate::error::{AppResult, Reason};
use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::unit;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::filters::contains;
use crate::{
    auth::policy,
    domain::uscc::validate_uscc,
    error::AppError,
    graphql::{
        access,
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        ids::{expect_id, NodeType},
        keyset::{paginate, SortKey},
        types::{enums::UnitKind, Unit, UnitConnection},
    },
};

/// Which units to list.
#[derive(InputObject, Default)]
pub struct UnitFilter {
    /// Only units of this kind.
    pub kind: Option<UnitKind>,
    /// Only direct children of this unit.
    pub parent_id: Option<ID>,
    /// Only this unit and everything under it.
    pub within_id: Option<ID>,
    /// Only units whose name contains this text.
    pub name_contains: Option<String>,
    /// Only the unit with this 行政区划代码.
    pub division_code: Option<String>,
    /// Only the unit with this 统一社会信用代码 (checked by GB 32100 first).
    pub uscc: Option<String>,
    /// Only active (true) or inactive (false) units.
    pub active: Option<bool>,
}

/// What to sort units by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum UnitOrderField {
    /// The order units were entered (the county's own order).
    #[default]
    Id,
    /// Name.
    Name,
    /// 行政区划代码 (units without one last).
    DivisionCode,
    /// When entered.
    CreatedAt,
}

/// Sort order of a unit list.
#[derive(InputObject, Default)]
pub struct UnitOrder {
    /// The field.
    pub field: UnitOrderField,
    /// The direction.
    #[graphql(default)]
    pub direction: OrderDirection,
}

#[derive(Default)]
pub struct UnitQuery;

#[Object]
impl UnitQuery {
    /// Units of the county (public).
    #[allow(clippy::too_many_arguments)]
    async fn units(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which units.")] filter: Option<UnitFilter>,
        #[graphql(desc = "Sort order (default: the county's own order).")] order_by: Option<UnitOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<UnitConnection> {
        if !policy::can_read_units(ctx.viewer()?) {
            return Err(AppError::forbidden());
        }
        let filter = filter.unwrap_or_default();
        let mut select = unit::Entity::find();
        if let Some(kind) = filter.kind {
            select = select.filter(unit::Column::Kind.eq(entity::enums::UnitKind::from(kind)));
        }
        if let Some(parent) = &filter.parent_id {
            select = select.filter(unit::Column::ParentId.eq(expect_id(parent, NodeType::Unit, "filter.parentId")?));
        }
        if let Some(root) = &filter.within_id {
            let root = expect_id(root, NodeType::Unit, "filter.withinId")?;
            select = select.filter(policy::in_subtree(unit::Column::Id, Some(root)));
        }
        if let Some(text) = &filter.name_contains {
            select = select.filter(contains(unit::Column::Name, text, "filter.nameContains")?);
        }
        if let Some(code) = &filter.division_code {
            select = select.filter(unit::Column::DivisionCode.eq(code.as_str()));
        }
        if let Some(code) = &filter.uscc {
            validate_uscc(code).map_err(|e| AppError::bad_argument("filter.uscc", e.reason()))?;
            select = select.filter(unit::Column::Uscc.eq(code.as_str()));
        }
        if let Some(active) = filter.active {
            select = select.filter(unit::Column::Active.eq(active));
        }
        let order = order_by.unwrap_or_default();
        let column = match order.field {
            UnitOrderField::Id => unit::Column::Id,
            UnitOrderField::Name => unit::Column::Name,
            UnitOrderField::DivisionCode => unit::Column::DivisionCode,
            UnitOrderField::CreatedAt => unit::Column::CreatedAt,
        };
        let key = SortKey::by(column, unit::Column::Id, order.direction);
        let args = PageArgs { first, after, last, before };
        let page = paginate(ctx, select, &key, &args).await?;
        // Not `parent`: the nodes' parents load in one batch with the other units they point to
        // (their officials' units), and loaded ahead they would take a statement of their own.
        access::prefetch::unit_children(ctx, page.edges.iter().map(|(_, unit)| unit.id).collect()).await?;
        Ok(page.map(Unit).into())
    }

    /// One unit by id; null with a `NOT_FOUND` error when there is none (the key stays).
    async fn unit(&self, ctx: &Context<'_>, #[graphql(desc = "The unit's id.")] id: ID) -> AppResult<Option<Unit>> {
        let row = expect_id(&id, NodeType::Unit, "id")?;
        let unit = access::unit(ctx, row).await?.ok_or(AppError::NotFound(Reason::UnitNotFound))?;
        Ok(Some(Unit(unit)))
    }
}
