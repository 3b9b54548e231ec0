//! `assignComplaint`, `replyToComplaint`, `concludeComplaint`: the handling of a complaint. A
//! substantiated complaint may create its dishonesty record, linked to it, in the same transaction.

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::{
            complaint::ComplaintStatus,
            record_enums::{RecordCategory, Severity},
            Complaint, CreditRecord,
        },
    },
    service::complaints::{self, ComplaintRecord, Conclusion},
};

/// An assignment to a handling unit.
#[derive(InputObject)]
pub struct AssignComplaintInput {
    /// The complaint.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// The unit that must reply.
    pub unit_id: ID,
    /// The last day for the reply (after today; default: the configured handling days).
    pub deadline: Option<Date>,
}

/// The unit's reply.
#[derive(InputObject)]
pub struct ReplyToComplaintInput {
    /// The complaint.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// The reply (at most 5000 characters).
    pub reply: String,
}

/// The dishonesty record a substantiated complaint creates.
#[derive(InputObject)]
pub struct ComplaintRecordInput {
    /// The category (default OTHER).
    #[graphql(default_with = "RecordCategory::Other")]
    pub category: RecordCategory,
    /// The severity (default GENERAL).
    #[graphql(default_with = "Severity::General")]
    pub severity: Severity,
    /// The title (default: from the unit's name).
    pub title: Option<String>,
    /// The facts (default: the complaint's content).
    pub facts: Option<String>,
}

/// The credit office's conclusion.
#[derive(InputObject)]
pub struct ConcludeComplaintInput {
    /// The complaint.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// SUBSTANTIATED or UNFOUNDED (after a reply), or CLOSED (before one: withdrawn, duplicate,
    /// outside the remit).
    pub status: ComplaintStatus,
    /// The conclusion (at most 5000 characters).
    pub conclusion: String,
    /// For SUBSTANTIATED: create this dishonesty record of the target unit, linked to the complaint.
    pub record: Option<ComplaintRecordInput>,
    /// For SUBSTANTIATED, instead of `record`: the existing dishonesty record of the target unit
    /// that already holds the same conduct (one act, one record), e.g. a breached commitment's.
    pub record_id: Option<ID>,
}

/// The complaint as saved, and the record a substantiated one created.
#[derive(SimpleObject)]
pub struct ComplaintPayload {
    /// The complaint.
    pub complaint: Complaint,
    /// The record created from it.
    pub record: Option<CreditRecord>,
}

#[derive(Default)]
pub struct ComplaintMutation;

#[Object]
impl ComplaintMutation {
    /// The credit office assigns a received complaint to a unit with a handling deadline.
    #[graphql(visible = "crate::graphql::visibility::triage_complaints")]
    async fn assign_complaint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The assignment.")] input: AssignComplaintInput,
    ) -> AppResult<ComplaintPayload> {
        let id = expect_id(&input.id, NodeType::Complaint, "input.id")?;
        let unit = expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?;
        let deadline = input.deadline.map(|d| d.0);
        let saved = complaints::assign(ctx.state()?, &ctx.actor()?, id, input.version, unit, deadline).await?;
        Ok(ComplaintPayload { complaint: Complaint(saved), record: None })
    }

    /// The assigned unit's clerk replies.
    #[graphql(visible = "crate::graphql::visibility::reply_to_complaints")]
    async fn reply_to_complaint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The reply.")] input: ReplyToComplaintInput,
    ) -> AppResult<ComplaintPayload> {
        let id = expect_id(&input.id, NodeType::Complaint, "input.id")?;
        let saved = complaints::reply(ctx.state()?, &ctx.actor()?, id, input.version, &input.reply).await?;
        Ok(ComplaintPayload { complaint: Complaint(saved), record: None })
    }

    /// The credit office concludes: SUBSTANTIATED (optionally creating a linked dishonesty record
    /// of the target unit in the same transaction, or naming the existing record of the same
    /// conduct with `recordId`), UNFOUNDED, or CLOSED.
    #[graphql(visible = "crate::graphql::visibility::triage_complaints")]
    async fn conclude_complaint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The conclusion.")] input: ConcludeComplaintInput,
    ) -> AppResult<ComplaintPayload> {
        let id = expect_id(&input.id, NodeType::Complaint, "input.id")?;
        let conclusion = Conclusion {
            to: input.status.into(),
            conclusion: input.conclusion,
            existing_record_id: input
                .record_id
                .as_ref()
                .map(|id| expect_id(id, NodeType::CreditRecord, "input.recordId"))
                .transpose()?,
            record: input.record.map(|spec| ComplaintRecord {
                category: spec.category.into(),
                severity: spec.severity.into(),
                title: spec.title,
                facts: spec.facts,
            }),
        };
        let (saved, record) = complaints::conclude(ctx.state()?, &ctx.actor()?, id, input.version, conclusion).await?;
        Ok(ComplaintPayload { complaint: Complaint(saved), record: record.map(CreditRecord) })
    }
}
