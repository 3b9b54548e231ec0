//! `Commitment` 承诺.

use crate::error::AppResult;
use async_graphql::{Context, Enum, Object, ID};
use entity::commitment;

use super::{record_enums::Sector, CreditRecord, Unit};
use crate::graphql::{
    access,
    connection::connection_types,
    ids::{global_id, NodeType},
    scalars::{Date, DateTime, Decimal},
};

/// What is promised.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CommitmentKind")]
pub enum CommitmentKind {
    /// 服务质量承诺.
    ServiceQuality,
    /// 期限承诺: done within a deadline.
    Deadline,
    /// 保障承诺.
    Guarantee,
    /// A policy commitment (e.g. to investors).
    Policy,
    /// A contractual commitment.
    Contract,
    /// 乡镇公开承诺 on a township service area.
    TownshipPublic,
    /// 事前信用承诺: a prior credit pledge.
    CreditPledge,
}

/// Whether it was kept.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CommitmentStatus")]
pub enum CommitmentStatus {
    /// Not yet due or not yet decided.
    Pending,
    /// Kept (with evidence).
    Fulfilled,
    /// Not kept: a COMMITMENT_BREACH record was made.
    Breached,
    /// Changed by a lawful procedure (with its legal basis).
    ChangedLawfully,
}

/// Why a commitment was changed (优化营商环境条例 art. 31). Government turnover, a change of
/// responsible person, a division adjustment or a reorganisation are refused as grounds.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ChangeGround")]
pub enum ChangeGround {
    /// 国家利益需要.
    NationalInterest,
    /// 社会公共利益需要.
    PublicInterest,
    /// 法律、法规或上级政策调整.
    LawChanged,
    /// 不可抗力.
    ForceMajeure,
    /// 政府换届 — refused.
    GovernmentTurnover,
    /// 相关责任人更替 — refused.
    ResponsiblePersonChanged,
    /// 行政区划调整 — refused.
    DivisionAdjusted,
    /// 机构或者职能调整 — refused.
    Reorganised,
}

/// A unit's commitment and whether it was kept (plan principle 2, task 3.6).
#[derive(Clone)]
pub struct Commitment(pub commitment::Model);

/// A unit's commitment and whether it was kept (plan principle 2, task 3.6).
#[Object]
impl Commitment {
    /// The commitment's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::Commitment, self.0.id)
    }

    /// The unit that committed.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// What kind.
    async fn kind(&self) -> CommitmentKind {
        self.0.kind.into()
    }

    /// The key sector.
    async fn sector(&self) -> Sector {
        self.0.sector.into()
    }

    /// For a township public commitment: the service area (养老, 就业 …).
    async fn service_area(&self) -> Option<&str> {
        self.0.service_area.as_deref()
    }

    /// What is promised.
    async fn content(&self) -> &str {
        &self.0.content
    }

    /// Shown on the public portal.
    async fn is_public(&self) -> bool {
        self.0.is_public
    }

    /// When it falls due.
    async fn due_on(&self) -> Option<Date> {
        self.0.due_on.map(Date)
    }

    /// Whether it was kept.
    async fn status(&self) -> CommitmentStatus {
        self.0.status.into()
    }

    /// Still PENDING after its due date (marked by the deadline sweep).
    async fn overdue(&self) -> bool {
        self.0.overdue
    }

    /// The evidence of fulfilment.
    async fn evidence(&self) -> Option<&str> {
        self.0.evidence.as_deref()
    }

    /// The legal basis of a lawful change.
    async fn legal_basis(&self) -> Option<&str> {
        self.0.legal_basis.as_deref()
    }

    /// For CHANGED_LAWFULLY: its ground.
    async fn change_ground(&self) -> Option<ChangeGround> {
        self.0.change_ground.map(Into::into)
    }

    /// For CHANGED_LAWFULLY: the compensation paid to those who relied on it, in yuan.
    async fn compensation(&self) -> Option<Decimal> {
        self.0.compensation_fen.map(Decimal::from_fen)
    }

    /// The dishonesty record a breach created, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        let Some(record) = self.0.record_id else { return Ok(None) };
        Ok(access::record(ctx, record).await?.map(CreditRecord))
    }

    /// Send back with `setCommitmentStatus`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(CommitmentConnection, CommitmentEdge, Commitment, "commitments");
