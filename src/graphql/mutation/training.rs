//! `recordTraining`: an official's completed integrity course (诚信教育, plan task 2.2.1).

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::{Date, Decimal},
        types::Official,
    },
    service::training::{self, RecordTraining},
};

/// A completed course.
#[derive(InputObject)]
pub struct RecordTrainingInput {
    /// The official.
    pub official_id: ID,
    /// The course (at most 200 characters).
    pub course: String,
    /// Hours attended: more than 0, at most 200, in steps of a minute.
    pub hours: Decimal,
    /// When it was completed (not in the future).
    pub completed_on: Date,
}

/// The official, with their hours updated.
#[derive(SimpleObject)]
pub struct RecordTrainingPayload {
    /// The official.
    pub official: Official,
}

#[derive(Default)]
pub struct TrainingMutation;

#[Object]
impl TrainingMutation {
    /// Records an official's completed integrity course (personnel offices and the
    /// administrator). Audited.
    #[graphql(visible = "crate::graphql::visibility::record_training")]
    async fn record_training(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The course.")] input: RecordTrainingInput,
    ) -> AppResult<RecordTrainingPayload> {
        let command = RecordTraining {
            official_id: expect_id(&input.official_id, NodeType::Official, "input.officialId")?,
            course: input.course,
            hours: input.hours.0,
            completed_on: input.completed_on.0,
        };
        let official = Official(training::record(ctx.state()?, &ctx.actor()?, command).await?);
        Ok(RecordTrainingPayload { official })
    }
}
