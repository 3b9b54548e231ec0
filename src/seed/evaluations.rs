//! Synthetic evaluation periods, evaluations, third-party ratings and plan-task progress.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    enums::{Grade, TaskProgressStatus, UnitKind},
    evaluation, evaluation_period, plan_task_lead_unit, task_progress, third_party_rating,
};

use super::{synthetic::Synth, units::UnitIndex, users::DEMO_EVALUATOR_FIRM};

#[derive(Default)]
pub struct EvaluationRows {
    pub periods: Vec<evaluation_period::Model>,
    pub evaluations: Vec<evaluation::Model>,
    pub ratings: Vec<third_party_rating::Model>,
    pub progress: Vec<task_progress::Model>,
}

fn grade_of(score_centi: i32) -> Grade {
    match score_centi {
        s if s >= 9_000 => Grade::A,
        s if s >= 7_500 => Grade::B,
        s if s >= 6_000 => Grade::C,
        _ => Grade::D,
    }
}

pub fn plan_evaluations(
    synth: &mut Synth,
    index: &UnitIndex,
    leads: &[plan_task_lead_unit::Model],
    years: std::ops::RangeInclusive<i32>,
    now: DateTime<Utc>,
) -> EvaluationRows {
    let mut rows = EvaluationRows::default();
    let evaluated: Vec<_> =
        index.units.iter().filter(|u| matches!(u.kind, UnitKind::Department | UnitKind::Township)).collect();
    let last_year = *years.end();
    for year in years {
        let period_id = rows.periods.len() as i32 + 1;
        rows.periods.push(evaluation_period::Model {
            id: period_id,
            name: format!("{year}年度政务诚信评价"),
            year,
            starts_on: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
            ends_on: NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
            created_at: now,
        });
        let published = year < last_year;
        for unit in &evaluated {
            let score = synth.range(5_500, 10_000) as i32;
            let third_party = synth.chance(40).then(|| grade_of(score + synth.range(-800, 800) as i32));
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
            rows.evaluations.push(evaluation::Model {
                id: rows.evaluations.len() as i32 + 1,
                period_id,
                unit_id: unit.id,
                score_centi: score,
                grade: grade_of(score),
                breakdown: format!("{{\"base\":100,\"final\":{:.2}}}", score as f64 / 100.0),
                third_party_grade: third_party,
                published,
                computed_at: now,
                published_at: published.then_some(now),
            });
        }
        for half in ["H1", "H2"] {
            for lead in leads {
                if !synth.chance(30) {
                    continue;
                }
                rows.progress.push(task_progress::Model {
                    id: rows.progress.len() as i32 + 1,
                    task_id: lead.task_id,
                    unit_id: lead.unit_id,
                    period: format!("{year}-{half}"),
                    summary: "按计划推进，相关制度已建立并落实。".into(),
                    status: synth.weighted(&[
                        (TaskProgressStatus::Completed, 40),
                        (TaskProgressStatus::InProgress, 45),
                        (TaskProgressStatus::Delayed, 10),
                        (TaskProgressStatus::NotStarted, 5),
                    ]),
                    reported_by_user_id: None,
                    reported_at: now,
                });
            }
        }
    }
    rows
}
