//! `complaintStatus(reference)`: the complainant follows up a complaint by its reference.

use async_graphql::{Context, Object};
use entity::complaint;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::policy::{self, Operation},
    domain::complaint_rules::normalize_reference,
    error::AppResult,
    graphql::{context::ContextExt, types::ComplaintReceipt},
};

#[derive(Default)]
pub struct ComplaintStatusQuery;

#[Object]
impl ComplaintStatusQuery {
    /// A complaint by the reference its complainant was given (anyone; no sign-in): status,
    /// dates and reply, never contact details. Null when no complaint has this reference. Case,
    /// spaces and dashes do not matter.
    async fn complaint_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The reference from `submitComplaint` (`XXXX-XXXX-XXXX`).")] reference: String,
    ) -> AppResult<Option<ComplaintReceipt>> {
        policy::may(ctx.viewer()?, Operation::FollowComplaint)?;
        let Some(reference) = normalize_reference(&reference) else { return Ok(None) };
        let found =
            complaint::Entity::find().filter(complaint::Column::Reference.eq(reference)).one(ctx.reader()?).await?;
        Ok(found.map(ComplaintReceipt))
    }
}
