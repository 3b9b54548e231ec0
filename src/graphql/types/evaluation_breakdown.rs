//! `Evaluation.breakdown`: every point of an evaluation, read back from the formula's stored
//! breakdown — each indicator's count, points and the rows behind them.

use async_graphql::{Enum, SimpleObject, ID};
use rust_decimal::prelude::FromPrimitive;
use serde_json::Value;

use super::evaluation::Grade;
use crate::{domain::evaluation_rules::Indicator, graphql::scalars::Decimal};

/// What an evaluation counts, one line per indicator.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum EvaluationIndicator {
    /// The unit's SERIOUS dishonesty records.
    DishonestySerious,
    /// The unit's GENERAL dishonesty records.
    DishonestyGeneral,
    /// The unit's MINOR dishonesty records.
    DishonestyMinor,
    /// Its officials' SERIOUS dishonesty records (half weight).
    OfficialDishonestySerious,
    /// Its officials' GENERAL dishonesty records (half weight).
    OfficialDishonestyGeneral,
    /// Its officials' MINOR dishonesty records (half weight).
    OfficialDishonestyMinor,
    /// Rectifications overdue.
    OverdueRectification,
    /// Commitments breached.
    BreachedCommitment,
    /// Complaints substantiated.
    SubstantiatedComplaint,
    /// Proposals answered late.
    LateProposal,
    /// Commendations (added, capped).
    Commendation,
}

const INDICATORS: [EvaluationIndicator; 11] = [
    EvaluationIndicator::DishonestySerious,
    EvaluationIndicator::DishonestyGeneral,
    EvaluationIndicator::DishonestyMinor,
    EvaluationIndicator::OfficialDishonestySerious,
    EvaluationIndicator::OfficialDishonestyGeneral,
    EvaluationIndicator::OfficialDishonestyMinor,
    EvaluationIndicator::OverdueRectification,
    EvaluationIndicator::BreachedCommitment,
    EvaluationIndicator::SubstantiatedComplaint,
    EvaluationIndicator::LateProposal,
    EvaluationIndicator::Commendation,
];

impl EvaluationIndicator {
    /// The domain's stable name, as the stored breakdown and the export write it
    /// (`DISHONESTY_SERIOUS` …).
    pub fn name(self) -> &'static str {
        INDICATORS.iter().position(|i| *i == self).map(|at| Indicator::ALL[at].name()).unwrap_or_default()
    }
}

/// The indicator a breakdown line names (the domain's stable name).
fn indicator_named(name: &str) -> Option<EvaluationIndicator> {
    Indicator::ALL.iter().position(|i| i.name() == name).map(|at| INDICATORS[at])
}

/// One indicator's points and the rows behind them.
#[derive(SimpleObject)]
pub struct EvaluationLine {
    /// The indicator.
    pub indicator: EvaluationIndicator,
    /// How many rows count.
    pub count: i32,
    /// The points they give (negative: subtracted).
    pub points: Decimal,
    /// The global ids of the rows behind the points (records, rectifications, commitments,
    /// complaints, proposals), each readable through `node` by whoever may see it.
    pub sources: Vec<ID>,
}

/// A published third-party rating's part in the score.
#[derive(SimpleObject)]
pub struct ThirdPartyShare {
    /// The firm's grade.
    pub grade: Grade,
    /// The score the grade stands for.
    pub score: Decimal,
    /// Its share of the final score, in percent.
    pub share_percent: i32,
}

/// Every point of an evaluation: 100, the lines, the unit's own score (0–100), the rating
/// blended in, and the final score.
#[derive(SimpleObject)]
pub struct EvaluationBreakdown {
    /// Where every unit starts: 100.
    pub base: Decimal,
    /// One line per indicator that counts.
    pub lines: Vec<EvaluationLine>,
    /// The unit's own score, clamped to 0–100.
    pub own_score: Decimal,
    /// The published third-party rating blended in, if any.
    pub third_party: Option<ThirdPartyShare>,
    /// The final score.
    pub final_score: Decimal,
}

fn decimal(value: &Value) -> Decimal {
    let number = value.as_f64().and_then(rust_decimal::Decimal::from_f64).unwrap_or_default();
    Decimal(number.round_dp(2).normalize())
}

fn grade(value: &Value) -> Option<Grade> {
    match value.as_str()? {
        "A" => Some(Grade::A),
        "B" => Some(Grade::B),
        "C" => Some(Grade::C),
        "D" => Some(Grade::D),
        _ => None,
    }
}

impl EvaluationBreakdown {
    /// The breakdown as the formula stored it.
    pub fn parse(stored: &str) -> Self {
        let value: Value = serde_json::from_str(stored).unwrap_or_default();
        let lines = value["lines"]
            .as_array()
            .map(|lines| {
                lines
                    .iter()
                    .filter_map(|line| {
                        Some(EvaluationLine {
                            indicator: indicator_named(line["indicator"].as_str()?)?,
                            count: line["count"].as_i64().unwrap_or_default() as i32,
                            points: decimal(&line["points"]),
                            sources: line["sources"]
                                .as_array()
                                .map(|s| s.iter().filter_map(|id| id.as_str().map(ID::from)).collect())
                                .unwrap_or_default(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let third_party = grade(&value["thirdParty"]["grade"]).map(|grade| ThirdPartyShare {
            grade,
            score: decimal(&value["thirdParty"]["score"]),
            share_percent: value["thirdParty"]["sharePercent"].as_i64().unwrap_or_default() as i32,
        });
        Self {
            base: decimal(&value["base"]),
            lines,
            own_score: decimal(&value["ownScore"]),
            third_party,
            final_score: decimal(&value["final"]),
        }
    }
}
