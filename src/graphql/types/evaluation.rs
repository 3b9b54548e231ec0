//! `EvaluationPeriod` and `Evaluation` (政务诚信评价, plan tasks 2.1.1, 2.1.3): a unit's score and
//! grade for a period, with every point and the rows behind it.

use async_graphql::{Context, Enum, Object, SimpleObject, ID};
use entity::{evaluation, evaluation_period};

use super::{evaluation_breakdown::EvaluationBreakdown, Unit};
use crate::{
    domain::evaluation_rules::Weights,
    error::AppResult,
    graphql::{
        access,
        connection::connection_types,
        ids::{global_id, NodeType},
        scalars::{Date, DateTime, Decimal},
    },
};

/// An evaluation grade: A ≥ 90, B ≥ 75, C ≥ 60, else D.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Grade")]
pub enum Grade {
    /// 90 and above.
    A,
    /// 75 to 89.99.
    B,
    /// 60 to 74.99.
    C,
    /// Below 60.
    D,
}

/// An evaluation period, e.g. the 2025 annual integrity evaluation.
#[derive(Clone)]
pub struct EvaluationPeriod(pub evaluation_period::Model);

/// An evaluation period, e.g. the 2025 annual integrity evaluation.
#[Object]
impl EvaluationPeriod {
    /// The period's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::EvaluationPeriod, self.0.id)
    }

    /// Its name, e.g. 2025年度政务诚信评价.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Its calendar year.
    async fn year(&self) -> i32 {
        self.0.year
    }

    /// Its first day.
    async fn starts_on(&self) -> Date {
        Date(self.0.starts_on)
    }

    /// Its last day.
    async fn ends_on(&self) -> Date {
        Date(self.0.ends_on)
    }

    /// Published (and so frozen).
    async fn published(&self) -> bool {
        self.0.published_at.is_some()
    }

    /// When it was published.
    async fn published_at(&self) -> Option<DateTime> {
        self.0.published_at.map(DateTime)
    }

    /// The weights its evaluations are computed with, kept with the period.
    async fn weights(&self) -> EvaluationWeights {
        let weights: Weights = self.0.weights.as_deref().and_then(|w| serde_json::from_str(w).ok()).unwrap_or_default();
        EvaluationWeights::from(weights)
    }
}

/// The points of each indicator (negative ones are subtracted).
#[derive(SimpleObject)]
pub struct EvaluationWeights {
    /// A unit's MINOR dishonesty record (an official's counts half).
    pub minor: Decimal,
    /// A unit's GENERAL dishonesty record (an official's counts half).
    pub general: Decimal,
    /// A unit's SERIOUS dishonesty record (an official's counts half).
    pub serious: Decimal,
    /// An overdue rectification.
    pub overdue_rectification: Decimal,
    /// A breached commitment.
    pub breached_commitment: Decimal,
    /// A substantiated complaint.
    pub substantiated_complaint: Decimal,
    /// A proposal answered late.
    pub late_proposal: Decimal,
    /// A commendation (added).
    pub commendation: Decimal,
    /// At most this much is added for commendations.
    pub commendation_cap: Decimal,
    /// A published third-party rating's share of the final score, in percent.
    pub third_party_percent: i32,
}

impl From<Weights> for EvaluationWeights {
    fn from(w: Weights) -> Self {
        Self {
            minor: Decimal::from_fen(w.minor),
            general: Decimal::from_fen(w.general),
            serious: Decimal::from_fen(w.serious),
            overdue_rectification: Decimal::from_fen(w.overdue_rectification),
            breached_commitment: Decimal::from_fen(w.breached_commitment),
            substantiated_complaint: Decimal::from_fen(w.substantiated_complaint),
            late_proposal: Decimal::from_fen(w.late_proposal),
            commendation: Decimal::from_fen(w.commendation),
            commendation_cap: Decimal::from_fen(w.commendation_cap),
            third_party_percent: w.third_party_percent as i32,
        }
    }
}

/// A unit's evaluation for a period: score, grade and every point behind it.
#[derive(Clone)]
pub struct Evaluation(pub evaluation::Model);

/// A unit's evaluation for a period: score, grade and every point behind it.
#[Object]
impl Evaluation {
    /// The evaluation's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::Evaluation, self.0.id)
    }

    /// The unit evaluated.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// The period.
    async fn period(&self, ctx: &Context<'_>) -> AppResult<Option<EvaluationPeriod>> {
        Ok(access::evaluation_period(ctx, self.0.period_id).await?.map(EvaluationPeriod))
    }

    /// The score, 0–100, to two decimals.
    async fn score(&self) -> Decimal {
        Decimal::from_fen(i64::from(self.0.score_centi))
    }

    /// The grade.
    async fn grade(&self) -> Grade {
        self.0.grade.into()
    }

    /// The published third-party rating blended in, if any.
    async fn third_party_grade(&self) -> Option<Grade> {
        self.0.third_party_grade.map(Into::into)
    }

    /// Every point and the rows behind it.
    async fn breakdown(&self) -> EvaluationBreakdown {
        EvaluationBreakdown::parse(&self.0.breakdown)
    }

    /// Published: on the portal and to evaluation firms.
    async fn published(&self) -> bool {
        self.0.published
    }

    /// When it was last computed.
    async fn computed_at(&self) -> DateTime {
        DateTime(self.0.computed_at)
    }
}

connection_types!(EvaluationPeriodConnection, EvaluationPeriodEdge, EvaluationPeriod, "evaluation periods");
connection_types!(EvaluationConnection, EvaluationEdge, Evaluation, "evaluations");
