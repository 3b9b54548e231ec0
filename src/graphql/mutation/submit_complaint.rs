//! `submitComplaint`: the public's complaint form (anyone but evaluators; anonymous callers
//! limited per client address and hour).

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use chrono::Duration;
use entity::{
    complaint::{self, Column},
    enums::ComplaintStatus as Stored,
    official,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, Set,
    Statement, TransactionTrait,
};

use super::shared::{existing_unit, in_scope};
use crate::{
    auth::{
        client_key::client_key as keyed_address,
        policy::{complaints::can_read_complaint, may, Operation},
    },
    domain::complaint_rules as rules,
    error::{AppError, AppResult},
    graphql::{
        context::{ClientAddress, ContextExt},
        ids::{expect_id, global_id, NodeType},
        scalars::DateTime,
        types::{complaint::ComplaintChannel, record_enums::Sector, Complaint},
    },
    store::versioned::insert_audited,
};

/// A complaint or report from the public.
#[derive(InputObject)]
pub struct SubmitComplaintInput {
    /// How it arrived (default WEBSITE; the credit office enters 12345 hotline calls).
    #[graphql(default_with = "ComplaintChannel::Website")]
    pub channel: ComplaintChannel,
    /// The unit complained about.
    pub target_unit_id: ID,
    /// The public servant complained about, if any.
    pub official_id: Option<ID>,
    /// The key sector (default GENERAL).
    #[graphql(default_with = "Sector::General")]
    pub sector: Sector,
    /// What happened (10 to 2000 characters).
    pub content: String,
    /// Your name (optional; seen only by the credit office).
    pub contact_name: Option<String>,
    /// Your phone (optional; seen only by the credit office).
    pub contact_phone: Option<String>,
}

/// The receipt of a complaint.
#[derive(SimpleObject)]
pub struct SubmitComplaintPayload {
    /// The complaint's reference (its global id), to quote when following up.
    pub reference: ID,
    /// When it was received.
    pub received_at: DateTime,
    /// The complaint itself, for those who may read complaints (null for the public).
    pub complaint: Option<Complaint>,
}

/// A keyed hash of the client's address: counts submissions without storing the address.
fn client_key(ctx: &Context<'_>) -> AppResult<Option<String>> {
    let Ok(ClientAddress(address)) = ctx.data::<ClientAddress>() else { return Ok(None) };
    Ok(Some(keyed_address(&ctx.state()?.config.jwt_secret, "complaint", address)?))
}

/// Makes concurrent anonymous submissions from one address take turns: a transaction-scoped
/// advisory lock on PostgreSQL; SQLite already runs one writer at a time (our insert comes before
/// the count).
async fn serialize_per_client(txn: &DatabaseTransaction, key: &str) -> AppResult<()> {
    if txn.get_database_backend() == DbBackend::Postgres {
        let lock = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtext($1))",
            [key.into()],
        );
        txn.execute_raw(lock).await?;
    }
    Ok(())
}

/// The official a complaint names, if they serve the target unit. Staff are told when they do
/// not; the public's complaint is taken without the link (no answer reveals membership).
async fn named_official(
    db: &sea_orm::DatabaseConnection,
    official: i32,
    target_unit: i32,
    anonymous: bool,
) -> AppResult<Option<i32>> {
    let known = official::Entity::find_by_id(official).one(db).await?;
    match known {
        Some(row) if row.unit_id == target_unit => Ok(Some(row.id)),
        _ if anonymous => Ok(None),
        _ => Err(AppError::bad_input("input.officialId", "no such official in the target unit")),
    }
}

#[derive(Default)]
pub struct SubmitComplaintMutation;

#[Object]
impl SubmitComplaintMutation {
    /// Submits a complaint — anyone, anonymously if they like. The public may send a limited
    /// number per hour from one address (`RATE_LIMITED` beyond it). Audited.
    #[graphql(visible = "crate::graphql::visibility::submit_complaint")]
    async fn submit_complaint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The complaint.")] input: SubmitComplaintInput,
    ) -> Result<SubmitComplaintPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::SubmitComplaint)?;
        let name = input.contact_name.as_deref().map(str::trim).filter(|n| !n.is_empty());
        let phone = input.contact_phone.as_deref().map(str::trim).filter(|p| !p.is_empty());
        rules::check_submission(&input.content, name, phone)?;
        let target = existing_unit(&state.db, &input.target_unit_id, "input.targetUnitId").await?;
        let named = match &input.official_id {
            Some(id) => Some(expect_id(id, NodeType::Official, "input.officialId")?),
            None => None,
        };
        // Only the public's submissions carry the address key and count against its limit;
        // staff entering calls are signed in and audited, and never use up the public's quota.
        let limited = if viewer.is_anonymous() { client_key(ctx)? } else { None };
        // For the public, the named official is linked only if they serve the target unit, and
        // the answer is the same either way: the form tells nothing about who serves where.
        let official_id = match named {
            Some(official) => named_official(&state.db, official, target.id, viewer.is_anonymous()).await?,
            None => None,
        };
        let at = ctx.write_context()?;
        let row = complaint::ActiveModel {
            channel: Set(input.channel.into()),
            target_unit_id: Set(target.id),
            official_id: Set(official_id),
            sector: Set(input.sector.into()),
            content: Set(input.content.trim().to_owned()),
            contact_name: Set(name.map(str::to_owned)),
            contact_phone: Set(phone.map(str::to_owned)),
            received_at: Set(at.now),
            status: Set(Stored::Received),
            client_key: Set(limited.clone()),
            overdue: Set(false),
            version: Set(1),
            created_at: Set(at.now),
            updated_at: Set(at.now),
            ..Default::default()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        if let Some(key) = &limited {
            serialize_per_client(&txn, key).await?;
        }
        let saved = insert_audited::<complaint::Entity, _>(&txn, &at, "complaint.submit", row).await?;
        if let Some(key) = &limited {
            let recent = complaint::Entity::find()
                .filter(Column::ClientKey.eq(key.as_str()))
                .filter(Column::ReceivedAt.gt(at.now - Duration::hours(1)))
                .count(&txn)
                .await
                .map_err(AppError::from)?;
            if recent > state.config.deadlines.complaints_per_hour {
                // Counted after our own insert, inside the transaction: two concurrent
                // submissions from one address cannot both see room for one more.
                txn.rollback().await.map_err(AppError::from)?;
                return Err(AppError::rate_limited("too many complaints from this address", Duration::hours(1)).into());
            }
        }
        txn.commit().await.map_err(AppError::from)?;
        let readable = may(viewer, Operation::ListComplaints).is_ok()
            && can_read_complaint(viewer, in_scope(ctx, saved.target_unit_id).await?);
        Ok(SubmitComplaintPayload {
            reference: global_id(NodeType::Complaint, saved.id),
            received_at: DateTime(saved.received_at),
            complaint: readable.then_some(Complaint(saved)),
        })
    }
}
