//! `assignComplaint`, `replyToComplaint`, `concludeComplaint`: the handling of a complaint. A
//! substantiated complaint may create its dishonesty record, linked to it, in the same transaction.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use chrono::Duration;
use entity::{
    complaint,
    enums::{self, ComplaintStatus as Stored},
    unit,
};
use sea_orm::{EntityTrait, TransactionTrait};

use super::shared::{existing_unit, in_scope};
use crate::{
    auth::policy::{complaints::can_reply_to_complaint, may, Operation},
    domain::{complaint_rules as rules, record_rules::require_text},
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_complaint,
        scalars::Date,
        types::{
            complaint::ComplaintStatus,
            record_enums::{RecordCategory, Severity},
            Complaint, CreditRecord,
        },
    },
    store::record_writer::{write_new_record, NewRecord},
    store::versioned::{expect_version, save_versioned},
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
}

/// The complaint as saved, and the record a substantiated one created.
#[derive(SimpleObject)]
pub struct ComplaintPayload {
    /// The complaint.
    pub complaint: Complaint,
    /// The record created from it.
    pub record: Option<CreditRecord>,
}

async fn complaint_of(ctx: &Context<'_>, id: &ID, version: i32) -> AppResult<complaint::Model> {
    let row = expect_id(id, NodeType::Complaint, "input.id")?;
    let Complaint(model) = load_complaint(ctx, row).await?.ok_or_else(|| AppError::not_found("complaint"))?;
    expect_version("complaint", model.version, version)?;
    Ok(model)
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
    ) -> Result<ComplaintPayload> {
        let state = ctx.state()?;
        may(ctx.viewer()?, Operation::TriageComplaints)?;
        let before = complaint_of(ctx, &input.id, input.version).await?;
        rules::check_transition(before.status, Stored::Assigned)?;
        let unit = existing_unit(&state.db, &input.unit_id, "input.unitId").await?;
        let today = state.clock.today();
        let deadline = match input.deadline {
            Some(day) if day.0 <= today => {
                return Err(AppError::bad_input("input.deadline", "must be after today").into())
            }
            Some(day) => day.0,
            None => today + Duration::days(i64::from(state.config.deadlines.complaint_days)),
        };
        let at = ctx.write_context()?;
        let changed = complaint::Model {
            status: Stored::Assigned,
            assigned_unit_id: Some(unit.id),
            handling_deadline: Some(deadline),
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved = save_versioned::<complaint::Entity, _>(&txn, &at, "complaint.assign", &before, changed).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(ComplaintPayload { complaint: Complaint(saved), record: None })
    }

    /// The assigned unit's clerk replies.
    #[graphql(visible = "crate::graphql::visibility::reply_to_complaints")]
    async fn reply_to_complaint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The reply.")] input: ReplyToComplaintInput,
    ) -> Result<ComplaintPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::ReplyToComplaints)?;
        let before = complaint_of(ctx, &input.id, input.version).await?;
        let assigned_in_scope = match before.assigned_unit_id {
            Some(unit) => in_scope(ctx, unit).await?,
            None => false,
        };
        can_reply_to_complaint(viewer, &before, assigned_in_scope)?;
        rules::check_transition(before.status, Stored::Replied)?;
        require_text(&input.reply, "input.reply", 5_000)?;
        let at = ctx.write_context()?;
        let changed = complaint::Model {
            status: Stored::Replied,
            reply: Some(input.reply.trim().to_owned()),
            replied_at: Some(at.now),
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved = save_versioned::<complaint::Entity, _>(&txn, &at, "complaint.reply", &before, changed).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(ComplaintPayload { complaint: Complaint(saved), record: None })
    }

    /// The credit office concludes: SUBSTANTIATED (optionally creating a linked dishonesty record
    /// of the target unit in the same transaction), UNFOUNDED, or CLOSED.
    #[graphql(visible = "crate::graphql::visibility::triage_complaints")]
    async fn conclude_complaint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The conclusion.")] input: ConcludeComplaintInput,
    ) -> Result<ComplaintPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::TriageComplaints)?;
        let before = complaint_of(ctx, &input.id, input.version).await?;
        let to: Stored = input.status.into();
        if !matches!(to, Stored::Substantiated | Stored::Unfounded | Stored::Closed) {
            return Err(AppError::bad_input("input.status", "SUBSTANTIATED, UNFOUNDED or CLOSED").into());
        }
        rules::check_transition(before.status, to)?;
        require_text(&input.conclusion, "input.conclusion", 5_000)?;
        if input.record.is_some() && to != Stored::Substantiated {
            return Err(AppError::bad_input("input.record", "only a substantiated complaint creates a record").into());
        }
        let at = ctx.write_context()?;
        let unit = unit::Entity::find_by_id(before.target_unit_id).one(&state.db).await.map_err(AppError::from)?;
        let unit_name = unit.map(|u| u.short_name.unwrap_or(u.name)).unwrap_or_default();
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let mut changed = complaint::Model {
            status: to,
            conclusion: Some(input.conclusion.trim().to_owned()),
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let record = match input.record {
            Some(spec) => {
                let category: enums::RecordCategory = spec.category.into();
                if category == enums::RecordCategory::Commendation {
                    return Err(AppError::bad_input("input.record.category", "a complaint leads to dishonesty").into());
                }
                let title = spec.title.unwrap_or_else(|| format!("{unit_name}被投诉举报查实"));
                let facts = spec.facts.unwrap_or_else(|| before.content.clone());
                require_text(&title, "input.record.title", 300)?;
                require_text(&facts, "input.record.facts", 10_000)?;
                let today = state.clock.today();
                let new = NewRecord {
                    subject_type: enums::SubjectType::Unit,
                    unit_id: before.target_unit_id,
                    official_id: None,
                    polarity: enums::Polarity::Dishonesty,
                    category,
                    sector: before.sector,
                    severity: spec.severity.into(),
                    title,
                    facts,
                    document_number: None,
                    deciding_authority: "德化县社会信用体系建设领导小组办公室".into(),
                    occurred_on: before.received_at.date_naive().min(today),
                    decided_on: today,
                    disclosure: enums::Disclosure::Shared,
                    recorded_by_unit_id: viewer.unit_id.unwrap_or(before.target_unit_id),
                    source: Some(("complaint", before.id)),
                };
                let record = write_new_record(&txn, &at, new).await?;
                changed.record_id = Some(record.id);
                Some(record)
            }
            None => None,
        };
        let saved = save_versioned::<complaint::Entity, _>(&txn, &at, "complaint.conclude", &before, changed).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(ComplaintPayload { complaint: Complaint(saved), record: record.map(CreditRecord) })
    }
}
