//! Integrity training (诚信教育, plan task 2.2.1): an official's completed course, recorded by a
//! personnel office.

use chrono::NaiveDate;
use entity::{official, training_record};
use rust_decimal::{prelude::ToPrimitive, Decimal};
use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};
use serde_json::json;

use super::Actor;
use crate::{
    auth::policy::{may, Operation},
    error::{AppResult, FieldChecks, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::audit::{write_audit, AuditEntry},
};

/// A completed course.
pub struct RecordTraining {
    pub official_id: i32,
    pub course: String,
    pub hours: Decimal,
    pub completed_on: NaiveDate,
}

/// Records the course (whole minutes, more than 0 and at most 200 hours, not in the future);
/// returns the official.
pub async fn record(state: &AppState, actor: &Actor<'_>, command: RecordTraining) -> AppResult<official::Model> {
    may(actor.viewer, Operation::RecordTraining)?;
    let person = official::Entity::find_by_id(command.official_id).one(&state.db).await?;
    let course = command.course.trim();
    let minutes = (command.hours * Decimal::from(60)).round().to_i32().filter(|m| (1..=12_000).contains(m));
    FieldChecks::new()
        .refuse_if(person.is_none(), "officialId", Reason::UnknownOfficial)
        .refuse_if(
            course.is_empty() || course.chars().count() > 200,
            "course",
            Reason::LengthBetween { min: 1, max: 200 },
        )
        .refuse_if(minutes.is_none(), "hours", Reason::TrainingHours)
        .refuse_if(command.completed_on > state.clock.today(), "completedOn", Reason::DateInFuture)
        .finish()?;
    let (person, minutes) = (FieldChecks::passed(person)?, FieldChecks::passed(minutes)?);
    let txn = state.db.begin().await?;
    let record = training_record::ActiveModel {
        official_id: Set(person.id),
        course: Set(course.to_owned()),
        minutes: Set(minutes),
        completed_on: Set(command.completed_on),
        recorded_by_user_id: Set(actor.viewer.user_id),
        created_at: Set(actor.now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let entry = AuditEntry {
        action: "training.record",
        entity: "official",
        entity_id: Some(public_id(NodeType::Official, person.id)),
        before: None,
        after: Some(json!(record)),
    };
    write_audit(&txn, actor.viewer, actor.trace, actor.now, entry).await?;
    txn.commit().await?;
    Ok(person)
}
