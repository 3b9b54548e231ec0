//! `officials`, `official(id)`.

use crate::error::{AppResult, Reason};
use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::official;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::filters::contains;
use crate::{
    auth::policy,
    error::AppError,
    graphql::{
        access,
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        ids::{expect_id, NodeType},
        keyset::{paginate, SortKey},
        types::{
            enums::{OfficialCategory, OfficialStatus},
            Official, OfficialConnection,
        },
    },
};

/// Which officials to list.
#[derive(InputObject, Default)]
pub struct OfficialFilter {
    /// Only officials of this unit.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only this category.
    pub category: Option<OfficialCategory>,
    /// Only this status.
    pub status: Option<OfficialStatus>,
    /// Only names containing this text.
    pub name_contains: Option<String>,
}

/// What to sort officials by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum OfficialOrderField {
    /// Name.
    #[default]
    Name,
    /// When entered.
    CreatedAt,
    /// The order officials were entered.
    Id,
}

/// Sort order of an official list.
#[derive(InputObject, Default)]
pub struct OfficialOrder {
    /// The field.
    pub field: OfficialOrderField,
    /// The direction.
    #[graphql(default)]
    pub direction: OrderDirection,
}

#[derive(Default)]
pub struct OfficialQuery;

#[Object]
impl OfficialQuery {
    /// Public servants the viewer may see (a unit clerk: its own subtree).
    #[graphql(visible = "crate::graphql::visibility::list_officials")]
    #[allow(clippy::too_many_arguments)]
    async fn officials(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which officials.")] filter: Option<OfficialFilter>,
        #[graphql(desc = "Sort order (default: by name).")] order_by: Option<OfficialOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<OfficialConnection> {
        let visible = policy::officials_visible_to(ctx.viewer()?)?;
        let filter = filter.unwrap_or_default();
        let mut select = official::Entity::find().filter(visible);
        if let Some(unit) = &filter.unit_id {
            select = select.filter(super::filters::in_unit(
                official::Column::UnitId,
                unit,
                filter.include_subunits,
                "filter.unitId",
            )?);
        }
        if let Some(category) = filter.category {
            select = select.filter(official::Column::Category.eq(entity::enums::OfficialCategory::from(category)));
        }
        if let Some(status) = filter.status {
            select = select.filter(official::Column::Status.eq(entity::enums::OfficialStatus::from(status)));
        }
        if let Some(text) = &filter.name_contains {
            select = select.filter(contains(official::Column::Name, text, "filter.nameContains")?);
        }
        let order = order_by.unwrap_or_default();
        let column = match order.field {
            OfficialOrderField::Name => official::Column::Name,
            OfficialOrderField::CreatedAt => official::Column::CreatedAt,
            OfficialOrderField::Id => official::Column::Id,
        };
        let key = SortKey::by(column, official::Column::Id, order.direction);
        let args = PageArgs { first, after, last, before };
        let page = paginate(ctx, select, &key, &args).await?;
        Ok(page.map(Official).into())
    }

    /// One official by id; null with `NOT_FOUND` or `FORBIDDEN` when the viewer may see none.
    #[graphql(visible = "crate::graphql::visibility::list_officials")]
    async fn official(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The official's id.")] id: ID,
    ) -> AppResult<Option<Official>> {
        policy::officials_visible_to(ctx.viewer()?)?;
        let row = expect_id(&id, NodeType::Official, "id")?;
        Ok(Some(access::official(ctx, row).await?.map(Official).ok_or(AppError::NotFound(Reason::OfficialNotFound))?))
    }
}
