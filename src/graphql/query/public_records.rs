//! `publicRecords`: the public portal (信用公示).

use crate::error::AppResult;
use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::credit_record::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::filters::contains;
use crate::{
    auth::policy::{self, records::public_portal, Operation},
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        ids::{expect_id, NodeType},
        keyset::{paginate, SortKey},
        scalars::Date,
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
    /// Decided on or after this day.
    pub decided_from: Option<Date>,
    /// Decided on or before this day.
    pub decided_to: Option<Date>,
}

/// What to sort published records by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PublicRecordOrderField {
    /// The decision date.
    DecidedOn,
    /// The last day of publication.
    DisclosureUntil,
}

/// Sort order of published records (default: newest decision first).
#[derive(InputObject, Clone, Copy)]
pub struct PublicRecordOrder {
    /// The field.
    #[graphql(default_with = "PublicRecordOrderField::DecidedOn")]
    pub field: PublicRecordOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Desc")]
    pub direction: OrderDirection,
}

#[derive(Default)]
pub struct PublicRecordQuery;

#[Object]
impl PublicRecordQuery {
    /// Published records of units (for everyone, signed in or not): PUBLIC, in force or being
    /// rectified, within their disclosure window; never an official's record. Newest first.
    #[allow(clippy::too_many_arguments)]
    async fn public_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which records.")] filter: Option<PublicRecordFilter>,
        #[graphql(desc = "Sort order (default: newest decision first).")] order_by: Option<PublicRecordOrder>,
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
        let range =
            super::filters::within(Column::DecidedOn, filter.decided_from.map(|d| d.0), filter.decided_to.map(|d| d.0));
        let (field, direction) =
            order_by.map_or((PublicRecordOrderField::DecidedOn, OrderDirection::Desc), |o| (o.field, o.direction));
        let column = match field {
            PublicRecordOrderField::DecidedOn => Column::DecidedOn,
            PublicRecordOrderField::DisclosureUntil => Column::DisclosureUntil,
        };
        let key = SortKey::by(column, Column::Id, direction);
        let page = paginate(ctx, select.filter(range), &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(PublicRecord).into())
    }
}
