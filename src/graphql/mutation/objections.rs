//! `fileObjection`, `decideObjection`: objections (异议) to a record, decided by the credit office
//! within the configured handling deadline. Upheld, the record is revoked or corrected — audited
//! and pushed again — in the same transaction.

use async_graphql::{Context, Enum, InputObject, Object, Result, SimpleObject, ID};
use chrono::Duration;
use entity::{
    credit_record,
    enums::{ObjectionStatus as Stored, Polarity, RecordStatus},
    objection::{self, Column},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::shared::{in_scope, record_of, visible_record};
use crate::{
    auth::policy::{may, workflows::can_act_for_subject, Operation},
    domain::{
        objection_rules as rules,
        record_rules::{check_record, require_text, RecordDraft},
    },
    error::AppError,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_objection,
        types::{
            objection::ObjectionStatus,
            record_enums::{Disclosure, Severity},
            CreditRecord, Objection,
        },
    },
    store::record_writer::write_record_change,
    store::versioned::{expect_version, insert_audited, save_versioned},
};

/// An objection to a record.
#[derive(InputObject)]
pub struct FileObjectionInput {
    /// The dishonesty record objected to.
    pub record_id: ID,
    /// The grounds (at most 5000 characters).
    pub grounds: String,
}

/// What an upheld objection does to the record.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ObjectionRemedy {
    /// The record is revoked.
    Revoke,
    /// The record is corrected as given in `correction`.
    Correct,
}

/// The corrected fields of a record (at least one).
#[derive(InputObject, Default)]
pub struct RecordCorrection {
    /// New title.
    pub title: Option<String>,
    /// New facts.
    pub facts: Option<String>,
    /// New severity (the disclosure window follows).
    pub severity: Option<Severity>,
    /// New disclosure level.
    pub disclosure: Option<Disclosure>,
}

/// The credit office's step on an objection.
#[derive(InputObject)]
pub struct DecideObjectionInput {
    /// The objection.
    pub id: ID,
    /// The version you read; a stale one (someone decided first) is refused with `CONFLICT`.
    pub version: i32,
    /// UNDER_REVIEW (taken up), UPHELD or DISMISSED.
    pub status: ObjectionStatus,
    /// The decision's text (required for UPHELD and DISMISSED).
    pub decision: Option<String>,
    /// For UPHELD: revoke or correct the record.
    pub remedy: Option<ObjectionRemedy>,
    /// For a correction: the new values.
    pub correction: Option<RecordCorrection>,
}

/// The objection as saved, and the record when an upheld objection changed it.
#[derive(SimpleObject)]
pub struct ObjectionPayload {
    /// The objection.
    pub objection: Objection,
    /// The revoked or corrected record.
    pub record: Option<CreditRecord>,
}

/// The record after an upheld objection's remedy, checked against the record rules.
fn remedied(
    record: &credit_record::Model,
    remedy: Option<ObjectionRemedy>,
    correction: Option<RecordCorrection>,
    ctx: &Context<'_>,
) -> Result<credit_record::Model, AppError> {
    let state = ctx.state()?;
    let mut changed = record.clone();
    match remedy {
        None => return Err(AppError::bad_input("input.remedy", "an upheld objection revokes or corrects the record")),
        Some(ObjectionRemedy::Revoke) => changed.status = RecordStatus::Revoked,
        Some(ObjectionRemedy::Correct) => {
            let correction = correction.unwrap_or_default();
            if correction.title.is_none()
                && correction.facts.is_none()
                && correction.severity.is_none()
                && correction.disclosure.is_none()
            {
                return Err(AppError::bad_input("input.correction", "give at least one corrected field"));
            }
            if let Some(title) = correction.title {
                changed.title = title.trim().to_owned();
            }
            if let Some(facts) = correction.facts {
                changed.facts = facts;
            }
            if let Some(severity) = correction.severity {
                changed.severity = severity.into();
            }
            if let Some(disclosure) = correction.disclosure {
                changed.disclosure = disclosure.into();
            }
            check_record(&RecordDraft::of(&changed), state.clock.today()).map_err(|e| match e {
                AppError::BadUserInput { field, message } => {
                    AppError::bad_input(field.replace("input.", "input.correction."), message)
                }
                other => other,
            })?;
            if changed.polarity == Polarity::Dishonesty {
                changed.disclosure_until =
                    state.config.repair_rules.disclosure_until(changed.severity, changed.decided_on);
            }
        }
    }
    Ok(changed)
}

#[derive(Default)]
pub struct ObjectionMutation;

#[Object]
impl ObjectionMutation {
    /// Files an objection to a dishonesty record in force: the clerk of the record's unit, or a
    /// personnel office for an official's record. One open objection per record.
    #[graphql(visible = "crate::graphql::visibility::file_objections")]
    async fn file_objection(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The record and the grounds.")] input: FileObjectionInput,
    ) -> Result<ObjectionPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::FileObjections)?;
        let record = visible_record(ctx, &input.record_id, "input.recordId").await?;
        can_act_for_subject(viewer, Operation::FileObjections, &record, in_scope(ctx, record.unit_id).await?)?;
        rules::check_filing(record.polarity, record.status, &input.grounds)?;
        let open = objection::Entity::find()
            .filter(Column::RecordId.eq(record.id))
            .filter(Column::Status.is_in(rules::OPEN))
            .count(&state.db)
            .await
            .map_err(AppError::from)?;
        if open > 0 {
            return Err(AppError::InvalidTransition("an objection to this record is already open".into()).into());
        }
        let at = ctx.write_context()?;
        let deadline = state.clock.today() + Duration::days(i64::from(state.config.deadlines.objection_days));
        let row = objection::ActiveModel {
            record_id: Set(record.id),
            filed_by_user_id: Set(viewer.user_id),
            grounds: Set(input.grounds.trim().to_owned()),
            status: Set(Stored::Filed),
            handling_deadline: Set(deadline),
            overdue: Set(false),
            version: Set(1),
            created_at: Set(at.now),
            updated_at: Set(at.now),
            ..Default::default()
        };
        // A concurrent filing that passed the check above meets the partial unique index.
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let filed =
            insert_audited::<objection::Entity, _>(&txn, &at, "objection.file", row).await.map_err(|e| match e {
                AppError::Conflict(_) => {
                    AppError::InvalidTransition("an objection to this record is already open".into())
                }
                other => other,
            })?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(ObjectionPayload { objection: Objection(filed), record: None })
    }

    /// The credit office takes an objection up (UNDER_REVIEW) or decides it: UPHELD revokes or
    /// corrects the record (audited, pushed again), DISMISSED leaves it. Of two decisions on one
    /// objection at the same version, one wins and the other gets `CONFLICT`.
    #[graphql(visible = "crate::graphql::visibility::decide_objections")]
    async fn decide_objection(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The step.")] input: DecideObjectionInput,
    ) -> Result<ObjectionPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::DecideObjections)?;
        let row = expect_id(&input.id, NodeType::Objection, "input.id")?;
        let Objection(before) = load_objection(ctx, row).await?.ok_or_else(|| AppError::not_found("objection"))?;
        expect_version("objection", before.version, input.version)?;
        let to: Stored = input.status.into();
        rules::check_transition(before.status, to)?;
        let decided = to != Stored::UnderReview;
        if decided {
            require_text(input.decision.as_deref().unwrap_or(""), "input.decision", 5_000)?;
        }
        let record = record_of(ctx, before.record_id).await?;
        let remedy =
            if to == Stored::Upheld { Some(remedied(&record, input.remedy, input.correction, ctx)?) } else { None };
        let at = ctx.write_context()?;
        let changed = objection::Model {
            status: to,
            decision: input.decision.map(|d| d.trim().to_owned()).filter(|_| decided),
            decided_at: decided.then_some(at.now),
            decided_by_user_id: if decided { viewer.user_id } else { None },
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved = save_versioned::<objection::Entity, _>(&txn, &at, "objection.decide", &before, changed).await?;
        let record = match remedy {
            Some(changed) => Some(
                write_record_change(
                    &txn,
                    &at,
                    "credit_record.objection_upheld",
                    &record,
                    changed,
                    saved.decision.as_deref(),
                )
                .await?,
            ),
            None => None,
        };
        txn.commit().await.map_err(AppError::from)?;
        Ok(ObjectionPayload { objection: Objection(saved), record: record.map(CreditRecord) })
    }
}
