//! The annual integrity evaluation (政务诚信评价), as the design states it: start at 100; subtract
//! for dishonesty records in force by severity (an official's at half weight), overdue
//! rectifications, breached commitments, substantiated complaints and proposals answered late; add
//! for commendations, capped; blend in a published third-party rating; clamp to 0–100; grade A ≥ 90,
//! B ≥ 75, C ≥ 60, else D. Every point names the rows behind it.

use entity::enums::{Grade, Severity};
use serde_json::{json, Value};

/// What counts, one entry per row behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indicator {
    /// A dishonesty record of the unit (`official`: of one of its officials, at half weight).
    Dishonesty {
        severity: Severity,
        official: bool,
    },
    OverdueRectification,
    BreachedCommitment,
    SubstantiatedComplaint,
    LateProposal,
    Commendation,
}

impl Indicator {
    /// Every indicator, in the order the breakdown lists them.
    pub const ALL: [Indicator; 11] = [
        Self::Dishonesty { severity: Severity::Serious, official: false },
        Self::Dishonesty { severity: Severity::General, official: false },
        Self::Dishonesty { severity: Severity::Minor, official: false },
        Self::Dishonesty { severity: Severity::Serious, official: true },
        Self::Dishonesty { severity: Severity::General, official: true },
        Self::Dishonesty { severity: Severity::Minor, official: true },
        Self::OverdueRectification,
        Self::BreachedCommitment,
        Self::SubstantiatedComplaint,
        Self::LateProposal,
        Self::Commendation,
    ];

    /// The indicator's stable name, as the breakdown lists it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Dishonesty { severity: Severity::Minor, official: false } => "DISHONESTY_MINOR",
            Self::Dishonesty { severity: Severity::General, official: false } => "DISHONESTY_GENERAL",
            Self::Dishonesty { severity: Severity::Serious, official: false } => "DISHONESTY_SERIOUS",
            Self::Dishonesty { severity: Severity::Minor, official: true } => "OFFICIAL_DISHONESTY_MINOR",
            Self::Dishonesty { severity: Severity::General, official: true } => "OFFICIAL_DISHONESTY_GENERAL",
            Self::Dishonesty { severity: Severity::Serious, official: true } => "OFFICIAL_DISHONESTY_SERIOUS",
            Self::OverdueRectification => "OVERDUE_RECTIFICATION",
            Self::BreachedCommitment => "BREACHED_COMMITMENT",
            Self::SubstantiatedComplaint => "SUBSTANTIATED_COMPLAINT",
            Self::LateProposal => "LATE_PROPOSAL",
            Self::Commendation => "COMMENDATION",
        }
    }
}

/// One row behind a point: its indicator and its public id.
#[derive(Debug, Clone)]
pub struct Input {
    pub indicator: Indicator,
    pub source: String,
}

/// The points, in hundredths (centi-points), so that sums are exact. Kept with each period as
/// JSON, so a period is recomputed with the weights it was first computed with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Weights {
    pub minor: i64,
    pub general: i64,
    pub serious: i64,
    pub overdue_rectification: i64,
    pub breached_commitment: i64,
    pub substantiated_complaint: i64,
    pub late_proposal: i64,
    pub commendation: i64,
    pub commendation_cap: i64,
    /// The third-party rating's share of the final score, in percent.
    pub third_party_percent: i64,
}

impl Default for Weights {
    /// The design's record weights (MINOR 2, GENERAL 5, SERIOUS 15); for the other indicators
    /// our defaults: overdue rectification 3, breached commitment 3, substantiated complaint 2,
    /// late proposal 1, commendation +2 up to +10; a published rating counts for 20 %.
    fn default() -> Self {
        Self {
            minor: 200,
            general: 500,
            serious: 1_500,
            overdue_rectification: 300,
            breached_commitment: 300,
            substantiated_complaint: 200,
            late_proposal: 100,
            commendation: 200,
            commendation_cap: 1_000,
            third_party_percent: 20,
        }
    }
}

impl Weights {
    fn points(&self, indicator: Indicator) -> i64 {
        match indicator {
            Indicator::Dishonesty { severity, official } => {
                let full = match severity {
                    Severity::Minor => self.minor,
                    Severity::General => self.general,
                    Severity::Serious => self.serious,
                };
                -(if official { full / 2 } else { full })
            }
            Indicator::OverdueRectification => -self.overdue_rectification,
            Indicator::BreachedCommitment => -self.breached_commitment,
            Indicator::SubstantiatedComplaint => -self.substantiated_complaint,
            Indicator::LateProposal => -self.late_proposal,
            Indicator::Commendation => self.commendation,
        }
    }
}

/// A computed evaluation.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub score_centi: i32,
    pub grade: Grade,
    pub breakdown: Value,
}

/// The grade of a score in hundredths.
pub fn grade_of(score_centi: i64) -> Grade {
    match score_centi {
        s if s >= 9_000 => Grade::A,
        s if s >= 7_500 => Grade::B,
        s if s >= 6_000 => Grade::C,
        _ => Grade::D,
    }
}

/// The score a third-party grade stands for.
fn rating_score(grade: Grade) -> i64 {
    match grade {
        Grade::A => 9_500,
        Grade::B => 8_500,
        Grade::C => 7_000,
        Grade::D => 5_000,
    }
}

/// Scores a unit's inputs, with its published third-party rating if any.
pub fn evaluate(inputs: &[Input], published_rating: Option<Grade>, weights: &Weights) -> Outcome {
    let mut lines = Vec::new();
    let mut own = 10_000_i64;
    for indicator in Indicator::ALL {
        let sources: Vec<&str> =
            inputs.iter().filter(|i| i.indicator == indicator).map(|i| i.source.as_str()).collect();
        if sources.is_empty() {
            continue;
        }
        let mut points = weights.points(indicator) * sources.len() as i64;
        if indicator == Indicator::Commendation {
            points = points.min(weights.commendation_cap);
        }
        own += points;
        lines.push(json!({ "indicator": indicator.name(), "count": sources.len(), "points": points as f64 / 100.0,
            "sources": sources }));
    }
    let own = own.clamp(0, 10_000);
    let blended = match published_rating {
        Some(grade) => {
            (own * (100 - weights.third_party_percent) + rating_score(grade) * weights.third_party_percent) / 100
        }
        None => own,
    };
    let score = blended.clamp(0, 10_000);
    let breakdown = json!({
        "base": 100,
        "lines": lines,
        "ownScore": own as f64 / 100.0,
        "thirdParty": published_rating.map(|grade| json!({ "grade": grade, "score": rating_score(grade) as f64 / 100.0,
            "sharePercent": weights.third_party_percent })),
        "final": score as f64 / 100.0,
    });
    Outcome { score_centi: score as i32, grade: grade_of(score), breakdown }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(indicator: Indicator, n: i32) -> Input {
        Input { indicator, source: format!("row:{n}") }
    }

    #[test]
    fn the_design_formula_subtracts_adds_blends_and_grades() {
        let weights = Weights::default();
        let serious = Indicator::Dishonesty { severity: Severity::Serious, official: false };
        let official = Indicator::Dishonesty { severity: Severity::General, official: true };
        let inputs = vec![input(serious, 1), input(official, 2), input(Indicator::LateProposal, 3)];
        let outcome = evaluate(&inputs, None, &weights);
        assert_eq!(outcome.score_centi, 10_000 - 1_500 - 250 - 100);
        assert_eq!(outcome.grade, Grade::B);
        assert_eq!(outcome.breakdown["lines"][0]["sources"], json!(["row:1"]));
        let commended: Vec<Input> = (0..8).map(|n| input(Indicator::Commendation, n)).collect();
        assert_eq!(evaluate(&commended, None, &weights).score_centi, 10_000, "capped, then clamped");
        let blended = evaluate(&[], Some(Grade::D), &weights);
        assert_eq!(blended.score_centi, (10_000 * 80 + 5_000 * 20) / 100);
        let ruined: Vec<Input> = (0..9).map(|n| input(serious, n)).collect();
        assert_eq!(
            (evaluate(&ruined, None, &weights).score_centi, evaluate(&ruined, None, &weights).grade),
            (0, Grade::D)
        );
    }
}
