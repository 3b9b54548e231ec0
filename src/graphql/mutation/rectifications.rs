//! `openRectification`, `submitRectification`, `reviewRectification`, `recordCourtRemoval`: the
//! rectification of a dishonesty record by a deadline (整改). The record follows: ACTIVE →
//! RECTIFYING on opening, → RECTIFIED on acceptance, each change audited and pushed.

use async_graphql::{Context, Enum, InputObject, Object, Result, SimpleObject, ID};
use entity::{
    enums::{RecordStatus, RectificationStatus as Stored},
    rectification,
};
use sea_orm::{Set, TransactionTrait};

use super::shared::{authorised_categories, in_scope, record_of, visible_record};
use crate::{
    auth::policy::{
        may,
        workflows::{can_manage_rectification, can_record_court_removal, can_submit_rectification},
        Operation,
    },
    domain::{record_rules::require_text, rectification_rules as rules},
    error::AppError,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_rectification,
        scalars::Date,
        types::{rectification::ListingResolution, CreditRecord, Rectification},
    },
    store::record_writer::write_record_change,
    store::versioned::{expect_version, insert_audited, save_versioned},
};

/// Opens a rectification.
#[derive(InputObject)]
pub struct OpenRectificationInput {
    /// The ACTIVE dishonesty record to rectify.
    pub record_id: ID,
    /// The record's version you read; a stale one is refused with `CONFLICT`.
    pub record_version: i32,
    /// The last day to rectify (after today).
    pub deadline: Date,
}

/// The unit's submission.
#[derive(InputObject)]
pub struct SubmitRectificationInput {
    /// The rectification.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// The written explanation of the cause (at most 5000 characters).
    pub cause: String,
    /// The rectification plan (at most 5000 characters).
    pub plan: String,
    /// What was completed (at most 5000 characters).
    pub completion: String,
    /// For a 失信被执行人 listing (required there): how the obligation ended.
    pub resolution: Option<ListingResolution>,
}

/// A reviewer's verdict.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum RectificationVerdict {
    /// The rectification is done: the record becomes RECTIFIED.
    Accept,
    /// Not done: the unit submits again (reasons required).
    Reject,
}

/// A review of a submitted rectification.
#[derive(InputObject)]
pub struct ReviewRectificationInput {
    /// The rectification.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// Accept or reject.
    pub verdict: RectificationVerdict,
    /// Remarks; for a rejection, the reasons (required).
    pub note: Option<String>,
    /// For a rejection: a new deadline (after today); otherwise the old one stands.
    pub new_deadline: Option<Date>,
}

/// The court's removal of a 失信被执行人 listing.
#[derive(InputObject)]
pub struct RecordCourtRemovalInput {
    /// The listing's rectification (submitted with its resolution).
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// The day the court removed the listing (not in the future).
    pub removed_on: Date,
}

/// The rectification as saved, and its record where it changed.
#[derive(SimpleObject)]
pub struct RectificationPayload {
    /// The rectification.
    pub rectification: Rectification,
    /// The record, when this step changed it.
    pub record: Option<CreditRecord>,
}

async fn rectification_of(ctx: &Context<'_>, id: &ID, version: i32) -> Result<rectification::Model, AppError> {
    let row = expect_id(id, NodeType::Rectification, "input.id")?;
    let Rectification(model) =
        load_rectification(ctx, row).await?.ok_or_else(|| AppError::not_found("rectification"))?;
    expect_version("rectification", model.version, version)?;
    Ok(model)
}

#[derive(Default)]
pub struct RectificationMutation;

#[Object]
impl RectificationMutation {
    /// Opens a rectification of an ACTIVE dishonesty record with a deadline: the credit office,
    /// or the recording authority for its own records. The record becomes RECTIFYING.
    #[graphql(visible = "crate::graphql::visibility::manage_rectifications")]
    async fn open_rectification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The record and the deadline.")] input: OpenRectificationInput,
    ) -> Result<RectificationPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::ManageRectifications)?;
        let record = visible_record(ctx, &input.record_id, "input.recordId").await?;
        can_manage_rectification(viewer, &record)?;
        expect_version("record", record.version, input.record_version)?;
        rules::check_open(record.polarity, record.status, input.deadline.0, state.clock.today())?;
        let at = ctx.write_context()?;
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let changed = entity::credit_record::Model { status: RecordStatus::Rectifying, ..record.clone() };
        let record = write_record_change(&txn, &at, "credit_record.rectifying", &record, changed, None).await?;
        let row = rectification::ActiveModel {
            record_id: Set(record.id),
            deadline: Set(input.deadline.0),
            status: Set(Stored::Pending),
            opened_by_user_id: Set(viewer.user_id),
            accountability_flagged: Set(false),
            version: Set(1),
            created_at: Set(at.now),
            updated_at: Set(at.now),
            ..Default::default()
        };
        let opened = insert_audited::<rectification::Entity, _>(&txn, &at, "rectification.open", row).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(RectificationPayload { rectification: Rectification(opened), record: Some(CreditRecord(record)) })
    }

    /// The unit's clerk submits the cause, plan and completion (again after a rejection, or late
    /// after the deadline — an overdue flag stays).
    #[graphql(visible = "crate::graphql::visibility::submit_rectifications")]
    async fn submit_rectification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The submission.")] input: SubmitRectificationInput,
    ) -> Result<RectificationPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::SubmitRectifications)?;
        let before = rectification_of(ctx, &input.id, input.version).await?;
        let record = record_of(ctx, before.record_id).await?;
        can_submit_rectification(viewer, in_scope(ctx, record.unit_id).await?)?;
        rules::check_transition(before.status, Stored::Submitted)?;
        let resolution = input.resolution.map(Into::into);
        rules::check_submission(record.category, &input.cause, &input.plan, &input.completion, resolution)?;
        let at = ctx.write_context()?;
        let changed = rectification::Model {
            cause: Some(input.cause.trim().to_owned()),
            plan: Some(input.plan.trim().to_owned()),
            completion: Some(input.completion.trim().to_owned()),
            resolution,
            submitted_on: Some(state.clock.today()),
            status: Stored::Submitted,
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved =
            save_versioned::<rectification::Entity, _>(&txn, &at, "rectification.submit", &before, changed).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(RectificationPayload { rectification: Rectification(saved), record: None })
    }

    /// Whoever may open it accepts (the record becomes RECTIFIED; a listing needs the court's
    /// removal first) or rejects with reasons and, optionally, a new deadline.
    #[graphql(visible = "crate::graphql::visibility::manage_rectifications")]
    async fn review_rectification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The verdict.")] input: ReviewRectificationInput,
    ) -> Result<RectificationPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::ManageRectifications)?;
        let before = rectification_of(ctx, &input.id, input.version).await?;
        let record = record_of(ctx, before.record_id).await?;
        can_manage_rectification(viewer, &record)?;
        let today = state.clock.today();
        let accept = input.verdict == RectificationVerdict::Accept;
        let to = if accept { Stored::Accepted } else { Stored::Rejected };
        rules::check_transition(before.status, to)?;
        if accept {
            rules::check_acceptance(record.category, before.court_removed_on)?;
            if record.status != RecordStatus::Rectifying {
                return Err(AppError::InvalidTransition(format!("the record is {:?}", record.status)).into());
            }
        } else {
            require_text(input.note.as_deref().unwrap_or(""), "input.note", 5_000)?;
        }
        if let Some(deadline) = input.new_deadline {
            if accept || deadline.0 <= today {
                return Err(AppError::bad_input(
                    "input.newDeadline",
                    "only a rejection sets a new deadline, after today",
                )
                .into());
            }
        }
        let at = ctx.write_context()?;
        let changed = rectification::Model {
            status: to,
            review_note: input.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
            reviewed_at: Some(at.now),
            reviewer_user_id: viewer.user_id,
            completed_on: accept.then_some(today),
            deadline: input.new_deadline.map_or(before.deadline, |d| d.0),
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved =
            save_versioned::<rectification::Entity, _>(&txn, &at, "rectification.review", &before, changed).await?;
        let record = if accept {
            let rectified = entity::credit_record::Model { status: RecordStatus::Rectified, ..record.clone() };
            Some(write_record_change(&txn, &at, "credit_record.rectified", &record, rectified, None).await?)
        } else {
            None
        };
        txn.commit().await.map_err(AppError::from)?;
        Ok(RectificationPayload { rectification: Rectification(saved), record: record.map(CreditRecord) })
    }

    /// The court (a recorder of a unit authorised for 失信被执行人 listings) records the removal
    /// of a listing whose performance or settlement was submitted.
    #[graphql(visible = "crate::graphql::visibility::record_court_removal")]
    async fn record_court_removal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The listing's rectification and the day.")] input: RecordCourtRemovalInput,
    ) -> Result<RectificationPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::RecordCourtRemoval)?;
        can_record_court_removal(viewer, &authorised_categories(&state.db, viewer.unit_id).await?)?;
        let before = rectification_of(ctx, &input.id, input.version).await?;
        let record = record_of(ctx, before.record_id).await?;
        rules::check_court_removal(record.category, before.status, before.resolution, before.court_removed_on)?;
        if input.removed_on.0 > state.clock.today() || Some(input.removed_on.0) < before.submitted_on {
            return Err(AppError::bad_input("input.removedOn", "between the submission and today").into());
        }
        let at = ctx.write_context()?;
        let changed = rectification::Model {
            court_removed_on: Some(input.removed_on.0),
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved =
            save_versioned::<rectification::Entity, _>(&txn, &at, "rectification.court_removal", &before, changed)
                .await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(RectificationPayload { rectification: Rectification(saved), record: None })
    }
}
