//! `updateCreditRecord`, `revokeCreditRecord`: optimistic concurrency on `version`.

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, ID};

use super::create_credit_record::CreditRecordPayload;
use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::{
            record_enums::{Disclosure, Sector, Severity},
            CreditRecord,
        },
    },
    service::credit_records::{self, CorrectRecord},
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

#[Object]
impl ChangeCreditRecordMutation {
    /// Corrects a record. Only the recording unit, the credit office or the administrator;
    /// a revoked record cannot change (`INVALID_TRANSITION`).
    #[graphql(visible = "crate::graphql::visibility::change_credit_record")]
    async fn update_credit_record(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The changes.")] input: UpdateCreditRecordInput,
    ) -> AppResult<CreditRecordPayload> {
        let id = expect_id(&input.id, NodeType::CreditRecord, "input.id")?;
        let change = CorrectRecord {
            title: input.title,
            facts: input.facts,
            document_number: input.document_number,
            deciding_authority: input.deciding_authority,
            sector: input.sector.map(Into::into),
            severity: input.severity.map(Into::into),
            disclosure: input.disclosure.map(Into::into),
            occurred_on: input.occurred_on.map(|d| d.0),
            decided_on: input.decided_on.map(|d| d.0),
        };
        let record = credit_records::correct(ctx.state()?, &ctx.actor()?, id, input.version, change).await?;
        Ok(CreditRecordPayload { record: CreditRecord(record) })
    }

    /// Revokes a record (from any status but REVOKED). Audited with the reason; pushed again.
    #[graphql(visible = "crate::graphql::visibility::change_credit_record")]
    async fn revoke_credit_record(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which record and why.")] input: RevokeCreditRecordInput,
    ) -> AppResult<CreditRecordPayload> {
        let id = expect_id(&input.id, NodeType::CreditRecord, "input.id")?;
        let record = credit_records::revoke(ctx.state()?, &ctx.actor()?, id, input.version, &input.reason).await?;
        Ok(CreditRecordPayload { record: CreditRecord(record) })
    }
}
