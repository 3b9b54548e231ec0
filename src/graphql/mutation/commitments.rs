//! `createCommitment`, `setCommitmentStatus`: a breach creates the COMMITMENT_BREACH record in
//! the same transaction, linked to the commitment.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use entity::{
    commitment,
    enums::{self, CommitmentStatus as Stored},
    unit,
};
use sea_orm::{EntityTrait, Set, TransactionTrait};

use crate::{
    auth::policy::commitments::{can_create_commitment, can_set_commitment_status},
    domain::commitment_rules::{check_entry, check_outcome, check_transition},
    error::AppError,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        query::load_commitment,
        scalars::Date,
        types::{
            commitment::{CommitmentKind, CommitmentStatus},
            record_enums::{Sector, Severity},
            Commitment, CreditRecord,
        },
    },
    store::record_writer::{write_new_record, NewRecord},
    store::versioned::{expect_version, insert_audited, save_versioned},
};

use super::shared::in_scope;

/// A new commitment.
#[derive(InputObject)]
pub struct CreateCommitmentInput {
    /// The unit that commits (a clerk: one of its own units).
    pub unit_id: ID,
    /// What kind.
    pub kind: CommitmentKind,
    /// The key sector.
    #[graphql(default_with = "Sector::General")]
    pub sector: Sector,
    /// For TOWNSHIP_PUBLIC: one of 就业, 物业, 就学, 计生, 养老, 助残, 扶贫, 医保, 住房, 出行, 停车, 防火防盗, 优抚, 便民服务.
    pub service_area: Option<String>,
    /// What is promised (at most 5000 characters).
    pub content: String,
    /// Shown on the public portal (default true).
    #[graphql(default = true)]
    pub is_public: bool,
    /// When it falls due.
    pub due_on: Option<Date>,
}

/// A commitment's outcome.
#[derive(InputObject)]
pub struct SetCommitmentStatusInput {
    /// The commitment.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// FULFILLED (with evidence), BREACHED, or CHANGED_LAWFULLY (with the legal basis).
    pub status: CommitmentStatus,
    /// The evidence of fulfilment.
    pub evidence: Option<String>,
    /// The legal basis of a lawful change.
    pub legal_basis: Option<String>,
    /// For BREACHED: the severity of the breach record (default GENERAL).
    pub severity: Option<Severity>,
    /// For BREACHED: the facts of the breach record.
    pub facts: Option<String>,
}

/// The commitment as saved, and the record a breach created.
#[derive(SimpleObject)]
pub struct CommitmentPayload {
    /// The commitment.
    pub commitment: Commitment,
    /// The COMMITMENT_BREACH record, for a breach.
    pub record: Option<CreditRecord>,
}

#[derive(Default)]
pub struct CommitmentMutation;

#[Object]
impl CommitmentMutation {
    /// Enters a commitment (a unit clerk for its own units; the credit office for any). Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_commitments")]
    async fn create_commitment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The commitment.")] input: CreateCommitmentInput,
    ) -> Result<CommitmentPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        crate::auth::policy::may(viewer, crate::auth::policy::Operation::KeepCommitments)?;
        let unit_id = expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?;
        if unit::Entity::find_by_id(unit_id).one(&state.db).await.map_err(AppError::from)?.is_none() {
            return Err(AppError::bad_input("input.unitId", "no such unit").into());
        }
        can_create_commitment(viewer, in_scope(ctx, unit_id).await?)?;
        let kind: enums::CommitmentKind = input.kind.into();
        check_entry(kind, input.service_area.as_deref(), &input.content)?;
        let at = ctx.write_context()?;
        let row = commitment::ActiveModel {
            unit_id: Set(unit_id),
            kind: Set(kind),
            sector: Set(input.sector.into()),
            service_area: Set(input.service_area),
            content: Set(input.content.trim().to_owned()),
            is_public: Set(input.is_public),
            due_on: Set(input.due_on.map(|d| d.0)),
            status: Set(Stored::Pending),
            evidence: Set(None),
            legal_basis: Set(None),
            record_id: Set(None),
            overdue: Set(false),
            version: Set(1),
            created_at: Set(at.now),
            updated_at: Set(at.now),
            ..Default::default()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let row = insert_audited::<commitment::Entity, _>(&txn, &at, "commitment.create", row).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(CommitmentPayload { commitment: Commitment(row), record: None })
    }

    /// Records whether a commitment was kept. A clerk may declare its units' commitments
    /// FULFILLED; BREACHED and CHANGED_LAWFULLY are the credit office's. BREACHED creates a
    /// COMMITMENT_BREACH dishonesty record of the unit, linked to the commitment, in the same
    /// transaction. Only PENDING commitments move (`INVALID_TRANSITION`).
    #[graphql(visible = "crate::graphql::visibility::keep_commitments")]
    async fn set_commitment_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The outcome.")] input: SetCommitmentStatusInput,
    ) -> Result<CommitmentPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        crate::auth::policy::may(viewer, crate::auth::policy::Operation::KeepCommitments)?;
        let row = expect_id(&input.id, NodeType::Commitment, "input.id")?;
        let Commitment(before) = load_commitment(ctx, row).await?.ok_or_else(|| AppError::not_found("commitment"))?;
        let to: Stored = input.status.into();
        can_set_commitment_status(viewer, to, in_scope(ctx, before.unit_id).await?)?;
        expect_version("commitment", before.version, input.version)?;
        check_transition(before.status, to)?;
        check_outcome(to, input.evidence.as_deref(), input.legal_basis.as_deref())?;
        let at = ctx.write_context()?;
        let today = state.clock.today();
        let breach = if to == Stored::Breached {
            // Read before the transaction, which then writes first (SQLite).
            let unit = unit::Entity::find_by_id(before.unit_id).one(&state.db).await.map_err(AppError::from)?;
            let unit_name = unit.map(|u| u.short_name.unwrap_or(u.name)).unwrap_or_default();
            let deciding = match viewer.unit_id {
                Some(id) => unit::Entity::find_by_id(id).one(&state.db).await.map_err(AppError::from)?.map(|u| u.name),
                None => None,
            };
            Some(NewRecord {
                subject_type: enums::SubjectType::Unit,
                unit_id: before.unit_id,
                official_id: None,
                polarity: enums::Polarity::Dishonesty,
                category: enums::RecordCategory::CommitmentBreach,
                sector: before.sector,
                severity: input.severity.map(Into::into).unwrap_or(enums::Severity::General),
                title: format!("{unit_name}承诺未践行"),
                facts: input.facts.clone().unwrap_or_else(|| format!("承诺内容：{}", before.content)),
                document_number: None,
                deciding_authority: deciding.unwrap_or_else(|| "德化县社会信用体系建设领导小组办公室".into()),
                occurred_on: before.due_on.unwrap_or(today).min(today),
                decided_on: today,
                disclosure: enums::Disclosure::Shared,
                recorded_by_unit_id: viewer.unit_id.unwrap_or(before.unit_id),
                source: Some(("commitment", before.id)),
            })
        } else {
            None
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let record = match breach {
            Some(new) => Some(write_new_record(&txn, &at, new).await?),
            None => None,
        };
        let changed = commitment::Model {
            status: to,
            evidence: input.evidence,
            legal_basis: input.legal_basis,
            version: before.version + 1,
            updated_at: at.now,
            record_id: record.as_ref().map(|r| r.id),
            ..before.clone()
        };
        // A concurrent change makes this touch no row: `CONFLICT`, and the record is rolled back too.
        let after =
            save_versioned::<commitment::Entity, _>(&txn, &at, "commitment.set_status", &before, changed).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(CommitmentPayload { commitment: Commitment(after), record: record.map(CreditRecord) })
    }
}
