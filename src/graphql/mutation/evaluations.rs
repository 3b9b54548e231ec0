//! `createEvaluationPeriod`, `recordThirdPartyRating`, `computeEvaluations`,
//! `publishEvaluations` (plan tasks 2.1.1, 2.1.3): the credit office's evaluation round.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::evaluation::{EvaluationPeriod, Grade},
    },
    service::evaluations::{self, NewPeriod, NewRating},
};

/// A period to open.
#[derive(InputObject)]
pub struct CreateEvaluationPeriodInput {
    /// Its name (unique, at most 100 characters), e.g. 2026年度政务诚信评价.
    pub name: String,
    /// Its first day.
    pub starts_on: Date,
    /// Its last day (in the same calendar year).
    pub ends_on: Date,
}

/// A firm's published rating of a unit.
#[derive(InputObject)]
pub struct RecordThirdPartyRatingInput {
    /// The period (not yet published).
    pub period_id: ID,
    /// The unit rated.
    pub unit_id: ID,
    /// The firm (at most 200 characters).
    pub firm: String,
    /// Its grade.
    pub grade: Grade,
    /// The reference of its published report (at most 100 characters).
    pub report_reference: String,
}

/// A period to compute or publish.
#[derive(InputObject)]
pub struct EvaluationPeriodInput {
    /// The period.
    pub period_id: ID,
}

/// The period as saved.
#[derive(SimpleObject)]
pub struct EvaluationPeriodPayload {
    /// The period.
    pub period: EvaluationPeriod,
}

/// A computation's outcome.
#[derive(SimpleObject)]
pub struct ComputeEvaluationsPayload {
    /// The period.
    pub period: EvaluationPeriod,
    /// How many units were evaluated (the county's departments and townships).
    pub evaluated: i32,
}

/// The rating as recorded.
#[derive(SimpleObject)]
pub struct RecordThirdPartyRatingPayload {
    /// The period.
    pub period: EvaluationPeriod,
    /// The grade recorded.
    pub grade: Grade,
}

#[derive(Default)]
pub struct EvaluationMutation;

fn period_id(input: &ID) -> AppResult<i32> {
    expect_id(input, NodeType::EvaluationPeriod, "input.periodId")
}

#[Object]
impl EvaluationMutation {
    /// Opens an evaluation period within one calendar year, with the weights in force
    /// (`CHENGXIN_EVALUATION_WEIGHTS`), kept with it. Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_evaluations")]
    async fn create_evaluation_period(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The period.")] input: CreateEvaluationPeriodInput,
    ) -> AppResult<EvaluationPeriodPayload> {
        let new = NewPeriod { name: input.name, starts_on: input.starts_on.0, ends_on: input.ends_on.0 };
        let period = evaluations::create_period(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(EvaluationPeriodPayload { period: EvaluationPeriod(period) })
    }

    /// Records a third-party firm's published rating of a unit for a period not yet published;
    /// the next computation blends it in. Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_evaluations")]
    async fn record_third_party_rating(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The rating.")] input: RecordThirdPartyRatingInput,
    ) -> AppResult<RecordThirdPartyRatingPayload> {
        let new = NewRating {
            period_id: period_id(&input.period_id)?,
            unit_id: expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?,
            firm: input.firm,
            grade: input.grade.into(),
            report_reference: input.report_reference,
        };
        let (period, rating) = evaluations::record_rating(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(RecordThirdPartyRatingPayload { period: EvaluationPeriod(period), grade: rating.grade.into() })
    }

    /// Computes every department's and township's evaluation for a period not yet published, by
    /// the design's formula with the period's weights; recomputing gives the same scores. A
    /// published period is `INVALID_TRANSITION`. Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_evaluations")]
    async fn compute_evaluations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The period.")] input: EvaluationPeriodInput,
    ) -> AppResult<ComputeEvaluationsPayload> {
        let (period, evaluated) =
            evaluations::compute(ctx.state()?, &ctx.actor()?, period_id(&input.period_id)?).await?;
        Ok(ComputeEvaluationsPayload { period: EvaluationPeriod(period), evaluated: evaluated as i32 })
    }

    /// Publishes a computed period's evaluations — on the portal and to evaluation firms — and
    /// freezes the period. Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_evaluations")]
    async fn publish_evaluations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The period.")] input: EvaluationPeriodInput,
    ) -> AppResult<EvaluationPeriodPayload> {
        let period = evaluations::publish(ctx.state()?, &ctx.actor()?, period_id(&input.period_id)?).await?;
        Ok(EvaluationPeriodPayload { period: EvaluationPeriod(period) })
    }
}
