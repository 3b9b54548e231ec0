//! `recordTraining`: an official's completed integrity course (诚信教育, plan task 2.2.1).

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use entity::training_record;
use rust_decimal::prelude::ToPrimitive;
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde_json::json;

use crate::{
    auth::policy::{self, Operation},
    error::AppError,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_official,
        scalars::{Date, Decimal},
        types::Official,
    },
    store::audit::{write_audit, AuditEntry},
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
    ) -> Result<RecordTrainingPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::RecordTraining)?;
        let row = expect_id(&input.official_id, NodeType::Official, "input.officialId")?;
        let official = load_official(ctx, row)
            .await?
            .ok_or_else(|| AppError::bad_input("input.officialId", "no such official"))?;
        if input.course.trim().is_empty() || input.course.chars().count() > 200 {
            return Err(AppError::bad_input("input.course", "1 to 200 characters").into());
        }
        let minutes =
            (input.hours.0 * rust_decimal::Decimal::from(60)).round().to_i32().filter(|m| (1..=12_000).contains(m));
        let minutes = minutes.ok_or_else(|| AppError::bad_input("input.hours", "more than 0 and at most 200"))?;
        if input.completed_on.0 > state.clock.today() {
            return Err(AppError::bad_input("input.completedOn", "must not be in the future").into());
        }
        let now = state.clock.now();
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let record = training_record::ActiveModel {
            official_id: Set(row),
            course: Set(input.course.trim().to_owned()),
            minutes: Set(minutes),
            completed_on: Set(input.completed_on.0),
            recorded_by_user_id: Set(viewer.user_id),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(AppError::from)?;
        let entry = AuditEntry {
            action: "training.record",
            entity: "official",
            entity_id: Some(input.official_id.0.clone()),
            before: None,
            after: Some(json!(record)),
        };
        write_audit(&txn, viewer, ctx.trace(), now, entry).await.map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(RecordTrainingPayload { official })
    }
}
