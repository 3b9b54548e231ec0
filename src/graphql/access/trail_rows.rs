//! Single rows by id of the types that are read mostly in lists or nested (accounts, the audit
//! trail, deliveries, listing events, rounds, transfers, accountability proposals, published
//! records), for `node(id:)`. Each asks the same policy as the list or field it comes from.

use async_graphql::Context;
use entity::{
    accountability_proposal, api_token, audit_log, credit_record, listing_event, official_transfer, platform_push,
    proposal_round, user_account,
};
use sea_orm::{EntityTrait, QueryFilter};

use super::{rows, workflow_visible, Found};
use crate::{
    auth::policy::{self, accountability::accountability_visible_to, records::is_on_public_portal, Operation},
    graphql::context::ContextExt,
};

/// Whether the viewer may run `operation` at all.
fn may(ctx: &Context<'_>, operation: Operation) -> Result<bool, crate::error::AppError> {
    Ok(policy::may(ctx.viewer()?, operation).is_ok())
}

/// An account, for the administrator.
pub async fn user(ctx: &Context<'_>, row: i32) -> Found<user_account::Model> {
    if !may(ctx, Operation::ManageUsers)? {
        return Ok(None);
    }
    rows(ctx)?.users().load_one(row).await
}

/// The caller's own account (for `me`), whatever its role.
pub async fn own_account(ctx: &Context<'_>) -> Found<user_account::Model> {
    let Some(id) = ctx.viewer()?.user_id else { return Ok(None) };
    rows(ctx)?.users().load_one(id).await
}

/// An API token, for the administrator.
pub async fn api_token(ctx: &Context<'_>, row: i32) -> Found<api_token::Model> {
    if !may(ctx, Operation::ManageApiTokens)? {
        return Ok(None);
    }
    rows(ctx)?.api_tokens().load_one(row).await
}

/// An audit entry, for whoever may read the audit log.
pub async fn audit_entry(ctx: &Context<'_>, row: i32) -> Found<audit_log::Model> {
    if !may(ctx, Operation::ReadAuditLog)? {
        return Ok(None);
    }
    rows(ctx)?.audit_entries().load_one(row).await
}

/// A delivery to the municipal platform, for whoever manages them.
pub async fn platform_push(ctx: &Context<'_>, row: i32) -> Found<platform_push::Model> {
    if !may(ctx, Operation::ManagePlatformPushes)? {
        return Ok(None);
    }
    rows(ctx)?.platform_pushes().load_one(row).await
}

/// A listing event (失信被执行人), if the viewer sees the workflows of its record.
pub async fn listing_event(ctx: &Context<'_>, row: i32) -> Found<listing_event::Model> {
    let Some(model) = rows(ctx)?.listing_events().load_one(row).await? else { return Ok(None) };
    Ok(workflow_visible(ctx, model.record_id).await?.then_some(model))
}

/// A handling round of a proposal the viewer may see.
pub async fn proposal_round(ctx: &Context<'_>, row: i32) -> Found<proposal_round::Model> {
    let Some(model) = rows(ctx)?.proposal_rounds().load_one(row).await? else { return Ok(None) };
    Ok(super::proposal(ctx, model.proposal_id).await?.map(|_| model))
}

/// A transfer of an official the viewer may see.
pub async fn official_transfer(ctx: &Context<'_>, row: i32) -> Found<official_transfer::Model> {
    let Some(model) = rows(ctx)?.official_transfers().load_one(row).await? else { return Ok(None) };
    Ok(super::official(ctx, model.official_id).await?.map(|_| model))
}

/// An accountability proposal, for those who may list it (the list's own row rule).
pub async fn accountability_proposal(ctx: &Context<'_>, row: i32) -> Found<accountability_proposal::Model> {
    let viewer = ctx.viewer()?;
    if !may(ctx, Operation::ListAccountabilityProposals)? {
        return Ok(None);
    }
    let visible = accountability_proposal::Entity::find_by_id(row).filter(accountability_visible_to(viewer));
    Ok(visible.one(ctx.reader()?).await?)
}

/// A record as the public portal shows it, for everyone: only while it is on the portal.
pub async fn public_record(ctx: &Context<'_>, row: i32) -> Found<credit_record::Model> {
    let today = ctx.state()?.clock.today();
    let Some(record) = rows(ctx)?.records().load_one(row).await? else { return Ok(None) };
    Ok(is_on_public_portal(&record, today).then_some(record))
}
