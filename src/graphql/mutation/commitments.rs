//! `createCommitment`, `setCommitmentStatus`: a breach creates the COMMITMENT_BREACH record in
//! the same transaction, linked to the commitment.

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::{Date, Decimal},
        types::{
            commitment::{ChangeGround, CommitmentKind, CommitmentStatus},
            record_enums::{Sector, Severity},
            Commitment, CreditRecord,
        },
    },
    service::commitments::{self, CommitmentOutcome, NewCommitment},
};

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
    /// For TOWNSHIP_PUBLIC (townships, village and residents' committees only): one of 就业, 物业, 就学, 计生, 养老, 助残, 扶贫, 医保, 住房, 出行, 停车, 防火防盗, 优抚, 便民服务.
    pub service_area: Option<String>,
    /// What is promised (at most 5000 characters).
    pub content: String,
    /// Shown on the public portal (default true).
    #[graphql(default = true)]
    pub is_public: bool,
    /// When it falls due (today or later).
    pub due_on: Option<Date>,
    /// For a CREDIT_PLEDGE: the unit's investment agreement it is made for (the pledge is then
    /// published).
    pub investment_agreement_id: Option<ID>,
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
    /// For CHANGED_LAWFULLY: its legal basis.
    pub legal_basis: Option<String>,
    /// For CHANGED_LAWFULLY: its ground; GOVERNMENT_TURNOVER, RESPONSIBLE_PERSON_CHANGED,
    /// DIVISION_ADJUSTED and REORGANISED are refused (优化营商环境条例 art. 31).
    pub change_ground: Option<ChangeGround>,
    /// For CHANGED_LAWFULLY: the compensation paid to those who relied on it, in yuan.
    pub compensation: Option<Decimal>,
    /// For BREACHED: the severity of the breach record (default GENERAL; a public commitment's
    /// breach is published, so it is not MINOR).
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
    ) -> AppResult<CommitmentPayload> {
        let new = NewCommitment {
            unit_id: expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?,
            kind: input.kind.into(),
            sector: input.sector.into(),
            service_area: input.service_area,
            content: input.content,
            is_public: input.is_public,
            due_on: input.due_on.map(|d| d.0),
            investment_agreement_id: input
                .investment_agreement_id
                .as_ref()
                .map(|id| expect_id(id, NodeType::InvestmentAgreement, "input.investmentAgreementId"))
                .transpose()?,
        };
        let row = commitments::create(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(CommitmentPayload { commitment: Commitment(row), record: None })
    }

    /// Records whether a commitment was kept. A clerk may declare its units' commitments
    /// FULFILLED; BREACHED and CHANGED_LAWFULLY are the credit office's. BREACHED creates a
    /// COMMITMENT_BREACH dishonesty record of the unit, linked to the commitment, in the same
    /// transaction: PUBLIC for a public commitment (TOWNSHIP_PUBLIC, CREDIT_PLEDGE or `isPublic`),
    /// SHARED otherwise. CHANGED_LAWFULLY names its ground, legal basis and any compensation. Only PENDING commitments move (`INVALID_TRANSITION`).
    #[graphql(visible = "crate::graphql::visibility::keep_commitments")]
    async fn set_commitment_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The outcome.")] input: SetCommitmentStatusInput,
    ) -> AppResult<CommitmentPayload> {
        let outcome = CommitmentOutcome {
            id: expect_id(&input.id, NodeType::Commitment, "input.id")?,
            version: input.version,
            status: input.status.into(),
            evidence: input.evidence,
            legal_basis: input.legal_basis,
            change_ground: input.change_ground.map(Into::into),
            compensation_fen: input.compensation.map(|c| c.to_fen("input.compensation")).transpose()?,
            severity: input.severity.map(Into::into),
            facts: input.facts,
        };
        let (after, record) = commitments::set_status(ctx.state()?, &ctx.actor()?, outcome).await?;
        Ok(CommitmentPayload { commitment: Commitment(after), record: record.map(CreditRecord) })
    }
}
