//! `updateCreditRecord`, `revokeCreditRecord`: optimistic concurrency on `version`.

use async_graphql::{Context, InputObject, Object, Result, ID};
use entity::{
    credit_record,
    enums::{Polarity, RecordStatus},
};
use sea_orm::TransactionTrait;

use super::create_credit_record::CreditRecordPayload;
use crate::{
    auth::policy::{self, records::can_change_record, Operation},
    domain::record_rules::{check_record, RecordDraft},
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_record,
        scalars::Date,
        types::{
            record_enums::{Disclosure, Sector, Severity},
            CreditRecord,
        },
    },
    state::AppState,
    store::record_writer::{write_record_change, WriteContext},
};

/// Changes to a record; omitted fields stay as they are.
#[derive(InputObject)]
pub struct UpdateCreditRecordInput {
    /// The record.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// New title.
    pub title: Option<String>,
    /// New facts.
    pub facts: Option<String>,
    /// New document number.
    pub document_number: Option<String>,
    /// New deciding authority.
    pub deciding_authority: Option<String>,
    /// New sector.
    pub sector: Option<Sector>,
    /// New severity (the disclosure window follows).
    pub severity: Option<Severity>,
    /// New disclosure level.
    pub disclosure: Option<Disclosure>,
    /// New date of the conduct.
    pub occurred_on: Option<Date>,
    /// New decision date (the disclosure window follows).
    pub decided_on: Option<Date>,
}

/// Revocation of a record (e.g. after an upheld objection or a court's annulment).
#[derive(InputObject)]
pub struct RevokeCreditRecordInput {
    /// The record.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// Why it is revoked (kept in the audit log).
    pub reason: String,
}

#[derive(Default)]
pub struct ChangeCreditRecordMutation;

/// The record as the viewer may see and change it, at the version they read.
async fn record_to_change(ctx: &Context<'_>, id: &ID, version: i32) -> AppResult<credit_record::Model> {
    policy::may(ctx.viewer()?, Operation::ChangeCreditRecord)?;
    let row = expect_id(id, NodeType::CreditRecord, "input.id")?;
    let CreditRecord(record) = load_record(ctx, row).await?.ok_or_else(|| AppError::not_found("credit record"))?;
    can_change_record(ctx.viewer()?, &record)?;
    if record.version != version {
        return Err(AppError::Conflict(format!("the record has changed (now version {})", record.version)));
    }
    Ok(record)
}

/// Writes `changed` if the row is still at `before.version`, with the audit entry and the outbox
/// row, in one transaction. The conditional UPDATE is the first statement, so a concurrent change
/// makes it touch no row and the caller gets `CONFLICT`.
async fn save(
    ctx: &Context<'_>,
    state: &AppState,
    action: &str,
    before: credit_record::Model,
    changed: credit_record::Model,
    note: Option<&str>,
) -> AppResult<credit_record::Model> {
    let at = WriteContext {
        viewer: ctx.viewer()?,
        trace: ctx.trace(),
        now: state.clock.now(),
        rules: &state.config.repair_rules,
    };
    let txn = state.db.begin().await?;
    let changed = write_record_change(&txn, &at, action, &before, changed, note).await?;
    txn.commit().await?;
    Ok(changed)
}

#[Object]
impl ChangeCreditRecordMutation {
    /// Corrects a record. Only the recording unit, the credit office or the administrator;
    /// a revoked record cannot change (`INVALID_TRANSITION`).
    #[graphql(visible = "crate::graphql::visibility::change_credit_record")]
    async fn update_credit_record(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The changes.")] input: UpdateCreditRecordInput,
    ) -> Result<CreditRecordPayload> {
        let state = ctx.state()?;
        let before = record_to_change(ctx, &input.id, input.version).await?;
        if before.status == RecordStatus::Revoked {
            return Err(AppError::InvalidTransition("a revoked record cannot be changed".into()).into());
        }
        let mut changed = before.clone();
        if let Some(title) = input.title {
            changed.title = title.trim().to_owned();
        }
        if let Some(facts) = input.facts {
            changed.facts = facts;
        }
        if let Some(number) = input.document_number {
            changed.document_number = Some(number);
        }
        if let Some(authority) = input.deciding_authority {
            changed.deciding_authority = authority;
        }
        if let Some(sector) = input.sector {
            changed.sector = sector.into();
        }
        if let Some(severity) = input.severity {
            changed.severity = severity.into();
        }
        if let Some(disclosure) = input.disclosure {
            changed.disclosure = disclosure.into();
        }
        if let Some(day) = input.occurred_on {
            changed.occurred_on = day.0;
        }
        if let Some(day) = input.decided_on {
            changed.decided_on = day.0;
        }
        check_record(&RecordDraft::of(&changed), state.clock.today())?;
        if changed.polarity == Polarity::Dishonesty {
            changed.disclosure_until = state.config.repair_rules.disclosure_until(changed.severity, changed.decided_on);
        }
        let record = save(ctx, state, "credit_record.update", before, changed, None).await?;
        Ok(CreditRecordPayload { record: CreditRecord(record) })
    }

    /// Revokes a record (from any status but REVOKED). Audited with the reason; pushed again.
    #[graphql(visible = "crate::graphql::visibility::change_credit_record")]
    async fn revoke_credit_record(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which record and why.")] input: RevokeCreditRecordInput,
    ) -> Result<CreditRecordPayload> {
        let state = ctx.state()?;
        if input.reason.trim().is_empty() || input.reason.chars().count() > 2_000 {
            return Err(AppError::bad_input("input.reason", "give a reason of at most 2000 characters").into());
        }
        let before = record_to_change(ctx, &input.id, input.version).await?;
        if before.status == RecordStatus::Revoked {
            return Err(AppError::InvalidTransition("the record is already revoked".into()).into());
        }
        let mut changed = before.clone();
        changed.status = RecordStatus::Revoked;
        let record = save(ctx, state, "credit_record.revoke", before, changed, Some(input.reason.trim())).await?;
        Ok(CreditRecordPayload { record: CreditRecord(record) })
    }
}
