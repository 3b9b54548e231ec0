//! `accountabilityProposals`: the 监委's recorder decides them; the credit office, leadership and
//! the administrator follow them.

use async_graphql::{Context, InputObject, Object, ID};
use entity::accountability_proposal::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::policy::{self, accountability::accountability_visible_to, Operation},
    error::AppResult,
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        keyset::{paginate, SortKey},
        types::{
            accountability_proposal::AccountabilityStatus, AccountabilityProposal, AccountabilityProposalConnection,
        },
    },
};

/// Which accountability proposals to list.
#[derive(InputObject, Default)]
pub struct AccountabilityProposalFilter {
    /// Only those in this state (PROPOSED: the ones to decide).
    pub status: Option<AccountabilityStatus>,
    /// Only those about this unit.
    pub unit_id: Option<ID>,
    /// With `unitId`: also those about the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
}

#[derive(Default)]
pub struct AccountabilityQuery;

#[Object]
impl AccountabilityQuery {
    /// Accountability proposals opened for overdue rectifications, oldest overdue first.
    #[graphql(visible = "crate::graphql::visibility::list_accountability_proposals")]
    async fn accountability_proposals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which proposals.")] filter: Option<AccountabilityProposalFilter>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<AccountabilityProposalConnection> {
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ListAccountabilityProposals)?;
        let filter = filter.unwrap_or_default();
        let mut select = accountability_proposal::Entity::find().filter(accountability_visible_to(viewer));
        if let Some(status) = filter.status {
            select = select.filter(Column::Status.eq(entity::enums::AccountabilityStatus::from(status)));
        }
        if let Some(unit) = &filter.unit_id {
            select =
                select.filter(super::filters::in_unit(Column::UnitId, unit, filter.include_subunits, "filter.unitId")?);
        }
        let key = SortKey::by(Column::OverdueSince, Column::Id, OrderDirection::Asc);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(AccountabilityProposal).into())
    }
}
