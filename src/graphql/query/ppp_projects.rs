//! `pppProjects` (plan task 3.2): for the credit office, leadership, the administrator and
//! evaluation firms all; for a unit clerk its subtree's, or in 财政局 the whole sector's.

use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::{
    enums::Sector,
    ppp_project::{self, Column},
    ppp_stage_assignment,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Query},
    ColumnTrait, EntityTrait, QueryFilter,
};

use crate::{
    auth::policy::{self, sectors::sector_rows_visible_to, Operation},
    error::AppResult,
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        ids::{expect_id, NodeType},
        keyset::{paginate, SortKey},
        types::ppp_project::{PppProject, PppProjectConnection, PppStage},
    },
};

/// Which PPP projects to list.
#[derive(InputObject, Default)]
pub struct PppProjectFilter {
    /// Only this government-side unit's.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only projects in these stages.
    pub stage: Option<Vec<PppStage>>,
    /// Only this partner's (its USCC as given).
    pub partner_uscc: Option<String>,
    /// Only projects this official answers for now, in any stage.
    pub responsible_official_id: Option<ID>,
}

/// What to sort PPP projects by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PppProjectOrderField {
    /// The project number.
    ProjectNumber,
    /// The total investment.
    TotalInvestment,
    /// When it was entered.
    CreatedAt,
}

/// Sort order of PPP projects (default: by project number).
#[derive(InputObject, Clone, Copy)]
pub struct PppProjectOrder {
    /// The field.
    #[graphql(default_with = "PppProjectOrderField::ProjectNumber")]
    pub field: PppProjectOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Asc")]
    pub direction: OrderDirection,
}

impl Default for PppProjectOrder {
    fn default() -> Self {
        Self { field: PppProjectOrderField::ProjectNumber, direction: OrderDirection::Asc }
    }
}

/// The list as `pppProjects` gives it.
pub async fn list(
    ctx: &Context<'_>,
    filter: PppProjectFilter,
    order: PppProjectOrder,
    args: PageArgs,
) -> AppResult<PppProjectConnection> {
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListSectorProjects)?;
    let mut select = ppp_project::Entity::find().filter(sector_rows_visible_to(viewer, Sector::Ppp, Column::UnitId));
    if let Some(unit) = &filter.unit_id {
        select =
            select.filter(super::filters::in_unit(Column::UnitId, unit, filter.include_subunits, "filter.unitId")?);
    }
    if let Some(stages) = &filter.stage {
        select = select.filter(Column::Stage.is_in(stages.iter().map(|s| entity::enums::PppStage::from(*s))));
    }
    if let Some(uscc) = &filter.partner_uscc {
        select = select.filter(Column::PartnerUscc.eq(uscc.trim().to_ascii_uppercase()));
    }
    if let Some(official) = &filter.responsible_official_id {
        let official = expect_id(official, NodeType::Official, "filter.responsibleOfficialId")?;
        let answering = Query::select()
            .column(ppp_stage_assignment::Column::ProjectId)
            .from(ppp_stage_assignment::Entity)
            .and_where(ppp_stage_assignment::Column::OfficialId.eq(official))
            .and_where(ppp_stage_assignment::Column::ToOn.is_null())
            .to_owned();
        select = select.filter(Expr::col((ppp_project::Entity, Column::Id)).in_subquery(answering));
    }
    let column = match order.field {
        PppProjectOrderField::ProjectNumber => Column::ProjectNumber,
        PppProjectOrderField::TotalInvestment => Column::TotalInvestmentFen,
        PppProjectOrderField::CreatedAt => Column::CreatedAt,
    };
    let key = SortKey::by(column, Column::Id, order.direction);
    let page = paginate(ctx, select, &key, &args).await?;
    Ok(page.map(PppProject).into())
}

#[derive(Default)]
pub struct PppProjectQuery;

#[Object]
impl PppProjectQuery {
    /// PPP projects the viewer may see (plan task 3.2), by project number.
    #[graphql(visible = "crate::graphql::visibility::list_sector_projects")]
    #[allow(clippy::too_many_arguments)]
    async fn ppp_projects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which projects.")] filter: Option<PppProjectFilter>,
        #[graphql(desc = "Sort order (default: by project number).")] order_by: Option<PppProjectOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<PppProjectConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }
}
