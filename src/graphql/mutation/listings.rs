//! `extendListing`, `removeListing`: the court's acts on a 失信被执行人 listing (法释〔2017〕7号).
//! Either changes the record (a new version, audited and pushed) and adds a listing event.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::{listing_event::ListingRemovalGrounds, CreditRecord, ListingEvent},
    },
    service::listings::{self, Extension, Removal},
};

/// An extension of a listing's term.
#[derive(InputObject)]
pub struct ExtendListingInput {
    /// The listing (a DEFAULTED_JUDGMENT_DEBTOR record).
    pub record_id: ID,
    /// The record's version you read.
    pub record_version: i32,
    /// By how many years: 1 to 3 in all, over every extension.
    pub years: i32,
    /// Why (the debtor's conduct that warrants it; at most 2000 characters).
    pub reason: String,
}

/// A removal of a listing.
#[derive(InputObject)]
pub struct RemoveListingInput {
    /// The listing (a DEFAULTED_JUDGMENT_DEBTOR record in force).
    pub record_id: ID,
    /// The record's version you read.
    pub record_version: i32,
    /// The grounds.
    pub grounds: ListingRemovalGrounds,
    /// The day the grounds arose (not in the future).
    pub grounds_on: Date,
    /// The day of removal (default today; from `groundsOn` to today). More than 3 working days
    /// after `groundsOn` flags the removal late.
    pub removed_on: Option<Date>,
    /// Remarks (at most 2000 characters).
    pub remarks: Option<String>,
}

/// The listing as changed, and the event recorded.
#[derive(SimpleObject)]
pub struct ListingPayload {
    /// The record at its new version.
    pub record: CreditRecord,
    /// The extension or removal.
    pub event: ListingEvent,
}

#[derive(Default)]
pub struct ListingMutation;

#[Object]
impl ListingMutation {
    /// The court extends a listing's term by 1 to 3 years in all, with a reason; the record's
    /// disclosure window moves and the new version is pushed.
    #[graphql(visible = "crate::graphql::visibility::record_court_removal")]
    async fn extend_listing(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The listing, the years and the reason.")] input: ExtendListingInput,
    ) -> AppResult<ListingPayload> {
        let record = expect_id(&input.record_id, NodeType::CreditRecord, "input.recordId")?;
        let extension = Extension { years: input.years, reason: input.reason };
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let (record, event) = listings::extend(state, &actor, record, input.record_version, extension).await?;
        Ok(ListingPayload { record: CreditRecord(record), event: ListingEvent(event) })
    }

    /// The court removes a listing on its grounds, at any time and whatever the state of a
    /// rectification: the record becomes REMOVED, leaves the portal at once, and is pushed.
    #[graphql(visible = "crate::graphql::visibility::record_court_removal")]
    async fn remove_listing(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The listing, the grounds and the days.")] input: RemoveListingInput,
    ) -> AppResult<ListingPayload> {
        let record = expect_id(&input.record_id, NodeType::CreditRecord, "input.recordId")?;
        let removal = Removal {
            grounds: input.grounds.into(),
            grounds_on: input.grounds_on.0,
            removed_on: input.removed_on.map(|d| d.0),
            remarks: input.remarks,
        };
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let (record, event) = listings::remove(state, &actor, record, input.record_version, removal).await?;
        Ok(ListingPayload { record: CreditRecord(record), event: ListingEvent(event) })
    }
}
