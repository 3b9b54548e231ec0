//! `publicRecords`: the public portal (信用公示).

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, ID};
use entity::credit_record::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::filters::contains;
use crate::{
    auth::policy::{self, records::public_portal, Operation},
    graphql::{
        connection::{paginate, PageArgs},
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::{
            record_enums::{Polarity, RecordCategory, Sector},
            PublicRecord, PublicRecordConnection,
        },
    },
};

/// Which published records to list.
#[derive(InputObject, Default)]
pub struct PublicRecordFilter {
    /// Only records of this unit.
    pub unit_id: Option<ID>,
    /// Only honours or only dishonesty.
    pub polarity: Option<Polarity>,
    /// Only this category.
    pub category: Option<RecordCategory>,
    /// Only this sector.
    pub sector: Option<Sector>,
    /// Only titles containing this text.
    pub title_contains: Option<String>,
}

#[derive(Default)]
pub struct PublicRecordQuery;

#[Object]
impl PublicRecordQuery {
    /// Published records of units (for everyone, signed in or not): PUBLIC, in force or being
    /// rectified, within their disclosure window; never an official's record. Newest first.
    async fn public_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which records.")] filter: Option<PublicRecordFilter>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<PublicRecordConnection> {
        let state = ctx.state()?;
        policy::may(ctx.viewer()?, Operation::ListPublicRecords)?;
        let filter = filter.unwrap_or_default();
        let mut select = credit_record::Entity::find().filter(public_portal(state.clock.today()));
        if let Some(unit) = &filter.unit_id {
            select = select.filter(Column::UnitId.eq(expect_id(unit, NodeType::Unit, "filter.unitId")?));
        }
        if let Some(polarity) = filter.polarity {
            select = select.filter(Column::Polarity.eq(entity::enums::Polarity::from(polarity)));
        }
        if let Some(category) = filter.category {
            select = select.filter(Column::Category.eq(entity::enums::RecordCategory::from(category)));
        }
        if let Some(sector) = filter.sector {
            select = select.filter(Column::Sector.eq(entity::enums::Sector::from(sector)));
        }
        if let Some(text) = &filter.title_contains {
            select = select.filter(contains(Column::Title, text, "filter.titleContains")?);
        }
        let select = select.order_by_desc(Column::DecidedOn).order_by_desc(Column::Id);
        let page = paginate(&state.db, select, &PageArgs { first, after, last, before }, &state.config.limits).await?;
        Ok(page.map(PublicRecord).into())
    }
}
