//! Synthetic evaluation periods, evaluations, third-party ratings and plan-task progress.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    enums::{Grade, TaskProgressStatus, UnitKind},
    evaluation, evaluation_period, plan_task_lead_unit, task_progress, third_party_rating,
};

use super::{synthetic::Synth, units::UnitIndex, users::DEMO_EVALUATOR_FIRM};
use crate::domain::{
    evaluation_facts::EvaluationFacts,
    evaluation_rules::{evaluate, Weights},
    task_progress_rules::Period,
};

#[derive(Default)]
pub struct EvaluationRows {
    pub periods: Vec<evaluation_period::Model>,
    pub evaluations: Vec<evaluation::Model>,
    pub ratings: Vec<third_party_rating::Model>,
    pub progress: Vec<task_progress::Model>,
}

/// Periods, ratings and evaluations computed by the design's formula from `facts`.
pub fn plan_evaluations(
    synth: &mut Synth,
    index: &UnitIndex,
    leads: &[plan_task_lead_unit::Model],
    facts: &EvaluationFacts,
    years: std::ops::RangeInclusive<i32>,
    now: DateTime<Utc>,
) -> EvaluationRows {
    let mut rows = EvaluationRows::default();
    let evaluated: Vec<_> =
        index.units.iter().filter(|u| matches!(u.kind, UnitKind::Department | UnitKind::Township)).collect();
    let last_year = *years.end();
    for year in years {
        let period_id = rows.periods.len() as i32 + 1;
        let published = year < last_year;
        rows.periods.push(evaluation_period::Model {
            id: period_id,
            name: format!("{year}年度政务诚信评价"),
            year,
            starts_on: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
            ends_on: NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
            created_at: now,
            weights: serde_json::to_string(&Weights::default()).ok(),
            published_at: published.then_some(now),
        });
        for unit in &evaluated {
            let third_party = synth
                .chance(40)
                .then(|| synth.weighted(&[(Grade::A, 30), (Grade::B, 45), (Grade::C, 20), (Grade::D, 5)]));
            if let Some(grade) = third_party {
                rows.ratings.push(third_party_rating::Model {
                    id: rows.ratings.len() as i32 + 1,
                    firm: DEMO_EVALUATOR_FIRM.into(),
                    unit_id: unit.id,
                    period_id,
                    grade,
                    report_reference: format!("QZCX-{year}-{:04}", unit.id),
                    published_at: published.then_some(now),
                    created_at: now,
                });
            }
            let inputs = facts.of(unit.id, year);
            let rating = third_party.filter(|_| published);
            let outcome = evaluate(inputs, rating, &Weights::default());
            rows.evaluations.push(evaluation::Model {
                id: rows.evaluations.len() as i32 + 1,
                period_id,
                unit_id: unit.id,
                score_centi: outcome.score_centi,
                grade: outcome.grade,
                breakdown: outcome.breakdown.to_string(),
                third_party_grade: third_party,
                published,
                computed_at: now,
                published_at: published.then_some(now),
            });
        }
        for half in [1, 2] {
            for lead in leads {
                if !synth.chance(30) {
                    continue;
                }
                let status = synth.weighted(&PROGRESS);
                push_report(&mut rows.progress, lead, Period { year, half }, status, now);
            }
        }
    }
    // The current year's half years already due, from a stream of their own (the rows above stay
    // as they were): most lead units reported, a few did not (overdue).
    let mut reports = synth.fork(5);
    let last_due = Period::last_due(now.date_naive());
    let mut period = Period { year: last_year + 1, half: 1 };
    while period <= last_due {
        for lead in leads {
            if reports.chance(85) {
                let status = reports.weighted(&PROGRESS);
                push_report(&mut rows.progress, lead, period, status, now);
            }
        }
        period = Period { year: period.year + (period.half / 2) as i32, half: period.half % 2 + 1 };
    }
    rows
}

const PROGRESS: [(TaskProgressStatus, u32); 4] = [
    (TaskProgressStatus::Completed, 40),
    (TaskProgressStatus::InProgress, 45),
    (TaskProgressStatus::Delayed, 10),
    (TaskProgressStatus::NotStarted, 5),
];

/// A lead unit's report for `period`, made a few days before it was due — every seventh a few
/// days late (never after `now`).
fn push_report(
    progress: &mut Vec<task_progress::Model>,
    lead: &plan_task_lead_unit::Model,
    period: Period,
    status: TaskProgressStatus,
    now: DateTime<Utc>,
) {
    let id = progress.len() as i32 + 1;
    let offset = if id % 7 == 0 { 5 } else { -i64::from(id % 20) };
    let day = period.due() + chrono::Duration::days(offset);
    progress.push(task_progress::Model {
        id,
        task_id: lead.task_id,
        unit_id: lead.unit_id,
        period: period.to_string(),
        summary: "按计划推进，相关制度已建立并落实。".into(),
        status,
        reported_by_user_id: None,
        reported_at: (day.and_time(chrono::NaiveTime::MIN).and_utc() + chrono::Duration::hours(9)).min(now),
    });
}
