//! `applyForRepair`, `decideRepair`: credit repair (信用修复) under the rule set in force on the
//! record's decision date. Approved, the record is REPAIRED: it leaves the portal, stops counting
//! in credit checks, and is pushed to the platform as repaired.

use async_graphql::{Context, Enum, InputObject, Object, Result, SimpleObject, ID};
use entity::{
    credit_record,
    enums::{RecordStatus, RepairStatus as Stored},
    rectification,
    repair_application::{self, Column},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::shared::{in_scope, record_of, visible_record};
use crate::{
    auth::policy::{may, workflows::can_act_for_subject, Operation},
    domain::{
        record_rules::require_text,
        repair_rules::{RepairCase, RuleSet},
        state_machine::check_arrow,
    },
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_repair_application,
        types::{CreditRecord, RepairApplication},
    },
    store::record_writer::write_record_change,
    store::versioned::{expect_version, insert_audited, save_versioned},
};

/// An application for credit repair.
#[derive(InputObject)]
pub struct ApplyForRepairInput {
    /// The record to repair.
    pub record_id: ID,
    /// The measures taken: loss recovered, impact removed … (at most 5000 characters).
    pub measures: String,
}

/// The credit office's verdict.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum RepairVerdict {
    /// Repair the record (it must still be eligible).
    Approve,
    /// Refuse, with reasons.
    Reject,
}

/// A decision on a repair application.
#[derive(InputObject)]
pub struct DecideRepairInput {
    /// The application.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// Approve or reject.
    pub verdict: RepairVerdict,
    /// The decision's text.
    pub decision: String,
}

/// The application as saved, and the record once repaired.
#[derive(SimpleObject)]
pub struct RepairPayload {
    /// The application.
    pub repair_application: RepairApplication,
    /// The REPAIRED record, for an approval.
    pub record: Option<CreditRecord>,
}

/// The rule set under which `record` may be repaired today, or why not (with the first eligible
/// day when only time is missing).
async fn eligibility<'a>(ctx: &'a Context<'_>, record: &credit_record::Model) -> AppResult<&'a RuleSet> {
    let state = ctx.state()?;
    let court_removed = rectification::Entity::find()
        .filter(rectification::Column::RecordId.eq(record.id))
        .filter(rectification::Column::CourtRemovedOn.is_not_null())
        .count(&state.db)
        .await?
        > 0;
    let case = RepairCase {
        polarity: record.polarity,
        category: record.category,
        severity: record.severity,
        status: record.status,
        decided_on: record.decided_on,
        court_removed,
    };
    state.config.repair_rules.check_repairable(&case, state.clock.today())
}

#[derive(Default)]
pub struct RepairMutation;

#[Object]
impl RepairMutation {
    /// Applies for repair of a record: its unit's clerk, or a personnel office for an official's
    /// record. Refused (`INVALID_TRANSITION`) unless eligible today; when only the minimum
    /// disclosure is missing, `extensions.eligibleFrom` gives the first eligible day.
    #[graphql(visible = "crate::graphql::visibility::apply_for_repair")]
    async fn apply_for_repair(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The record and the measures taken.")] input: ApplyForRepairInput,
    ) -> Result<RepairPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::ApplyForRepair)?;
        let record = visible_record(ctx, &input.record_id, "input.recordId").await?;
        can_act_for_subject(viewer, Operation::ApplyForRepair, &record, in_scope(ctx, record.unit_id).await?)?;
        require_text(&input.measures, "input.measures", 5_000)?;
        let rule_set = eligibility(ctx, &record).await?;
        let open = repair_application::Entity::find()
            .filter(Column::RecordId.eq(record.id))
            .filter(Column::Status.eq(Stored::Submitted))
            .count(&state.db)
            .await
            .map_err(AppError::from)?;
        if open > 0 {
            return Err(
                AppError::InvalidTransition("a repair application for this record is already open".into()).into()
            );
        }
        let at = ctx.write_context()?;
        let row = repair_application::ActiveModel {
            record_id: Set(record.id),
            applicant_user_id: Set(viewer.user_id),
            measures: Set(input.measures.trim().to_owned()),
            status: Set(Stored::Submitted),
            rule_set: Set(rule_set.name.to_owned()),
            version: Set(1),
            created_at: Set(at.now),
            updated_at: Set(at.now),
            ..Default::default()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let filed = insert_audited::<repair_application::Entity, _>(&txn, &at, "repair_application.submit", row)
            .await
            // A concurrent application that passed the check above meets the partial unique index.
            .map_err(|e| match e {
                AppError::Conflict(_) => {
                    AppError::InvalidTransition("a repair application for this record is already open".into())
                }
                other => other,
            })?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(RepairPayload { repair_application: RepairApplication(filed), record: None })
    }

    /// The credit office approves (the record becomes REPAIRED and is pushed; eligibility is
    /// checked again) or rejects an application.
    #[graphql(visible = "crate::graphql::visibility::decide_repairs")]
    async fn decide_repair(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The verdict.")] input: DecideRepairInput,
    ) -> Result<RepairPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        may(viewer, Operation::DecideRepairs)?;
        let row = expect_id(&input.id, NodeType::RepairApplication, "input.id")?;
        let RepairApplication(before) =
            load_repair_application(ctx, row).await?.ok_or_else(|| AppError::not_found("repair application"))?;
        expect_version("repair application", before.version, input.version)?;
        let approve = input.verdict == RepairVerdict::Approve;
        let to = if approve { Stored::Approved } else { Stored::Rejected };
        let arrows = [(Stored::Submitted, Stored::Approved), (Stored::Submitted, Stored::Rejected)];
        check_arrow("a repair application", &arrows, before.status, to)?;
        require_text(&input.decision, "input.decision", 5_000)?;
        let record = record_of(ctx, before.record_id).await?;
        if approve {
            eligibility(ctx, &record).await?;
        }
        let at = ctx.write_context()?;
        let changed = repair_application::Model {
            status: to,
            decision: Some(input.decision.trim().to_owned()),
            decided_at: Some(at.now),
            decided_by_user_id: viewer.user_id,
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let saved =
            save_versioned::<repair_application::Entity, _>(&txn, &at, "repair_application.decide", &before, changed)
                .await?;
        let record = if approve {
            let repaired = credit_record::Model { status: RecordStatus::Repaired, ..record.clone() };
            Some(
                write_record_change(&txn, &at, "credit_record.repaired", &record, repaired, saved.decision.as_deref())
                    .await?,
            )
        } else {
            None
        };
        txn.commit().await.map_err(AppError::from)?;
        Ok(RepairPayload { repair_application: RepairApplication(saved), record: record.map(CreditRecord) })
    }
}
