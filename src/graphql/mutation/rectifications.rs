//! `openRectification`, `submitRectification`, `reviewRectification`, `recordCourtRemoval`: the
//! rectification of a dishonesty record by a deadline (整改). The record follows: ACTIVE →
//! RECTIFYING on opening, → RECTIFIED on acceptance, each change audited and pushed.

use crate::error::AppResult;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::{rectification::ListingResolution, CreditRecord, Rectification},
    },
    service::rectifications::{self, Review, Submission},
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
    ) -> AppResult<RectificationPayload> {
        let record = expect_id(&input.record_id, NodeType::CreditRecord, "input.recordId")?;
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let (opened, record) =
            rectifications::open(state, &actor, record, input.record_version, input.deadline.0).await?;
        Ok(RectificationPayload { rectification: Rectification(opened), record: Some(CreditRecord(record)) })
    }

    /// The unit's clerk submits the cause, plan and completion (again after a rejection, or late
    /// after the deadline — an overdue flag stays).
    #[graphql(visible = "crate::graphql::visibility::submit_rectifications")]
    async fn submit_rectification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The submission.")] input: SubmitRectificationInput,
    ) -> AppResult<RectificationPayload> {
        let id = expect_id(&input.id, NodeType::Rectification, "input.id")?;
        let submission = Submission {
            cause: input.cause,
            plan: input.plan,
            completion: input.completion,
            resolution: input.resolution.map(Into::into),
        };
        let saved = rectifications::submit(ctx.state()?, &ctx.actor()?, id, input.version, submission).await?;
        Ok(RectificationPayload { rectification: Rectification(saved), record: None })
    }

    /// Whoever may open it accepts (the record becomes RECTIFIED; a listing needs the court's
    /// removal first) or rejects with reasons and, optionally, a new deadline.
    #[graphql(visible = "crate::graphql::visibility::manage_rectifications")]
    async fn review_rectification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The verdict.")] input: ReviewRectificationInput,
    ) -> AppResult<RectificationPayload> {
        let id = expect_id(&input.id, NodeType::Rectification, "input.id")?;
        let review = Review {
            accept: input.verdict == RectificationVerdict::Accept,
            note: input.note,
            new_deadline: input.new_deadline.map(|d| d.0),
        };
        let (saved, record) = rectifications::review(ctx.state()?, &ctx.actor()?, id, input.version, review).await?;
        Ok(RectificationPayload { rectification: Rectification(saved), record: record.map(CreditRecord) })
    }

    /// The court (a recorder of a unit authorised for 失信被执行人 listings) records the removal
    /// of a listing whose performance or settlement was submitted.
    #[graphql(visible = "crate::graphql::visibility::record_court_removal")]
    async fn record_court_removal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The listing's rectification and the day.")] input: RecordCourtRemovalInput,
    ) -> AppResult<RectificationPayload> {
        let id = expect_id(&input.id, NodeType::Rectification, "input.id")?;
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let saved = rectifications::record_court_removal(state, &actor, id, input.version, input.removed_on.0).await?;
        Ok(RectificationPayload { rectification: Rectification(saved), record: None })
    }
}
