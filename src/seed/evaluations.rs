//! Synthetic evaluation periods, evaluations, third-party ratings and plan-task progress.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use entity::{
    commitment, complaint, credit_record,
    enums::{
        CommitmentStatus, ComplaintStatus, Grade, Polarity, RecordStatus, RectificationStatus, SubjectType,
        TaskProgressStatus, UnitKind,
    },
    evaluation, evaluation_period, plan_task_lead_unit, proposal, rectification, task_progress, third_party_rating,
};

use super::{synthetic::Synth, units::UnitIndex, users::DEMO_EVALUATOR_FIRM};
use crate::{
    domain::{
        evaluation_rules::{evaluate, Indicator, Input, Weights},
        task_progress_rules::Period,
    },
    ids::{public_id, NodeType},
};

/// What each unit's evaluation of a year counts, by (unit, year).
#[derive(Default)]
pub struct EvaluationFacts(HashMap<(i32, i32), Vec<Input>>);

impl EvaluationFacts {
    fn add(&mut self, unit: i32, year: i32, indicator: Indicator, node: NodeType, id: i32) {
        self.0.entry((unit, year)).or_default().push(Input { indicator, source: public_id(node, id) });
    }

    /// The facts of the seeded rows: records by their decision year (revoked ones never count),
    /// overdue rectifications by their deadline's year, breached commitments by their due year,
    /// substantiated complaints by their receipt, late proposals by their assignment.
    pub fn gather(
        records: &[credit_record::Model],
        rectifications: &[rectification::Model],
        commitments: &[commitment::Model],
        complaints: &[complaint::Model],
        proposals: &[proposal::Model],
    ) -> Self {
        let mut facts = Self::default();
        let mut record_units = HashMap::new();
        for record in records.iter().filter(|r| r.status != RecordStatus::Revoked) {
            record_units.insert(record.id, record.unit_id);
            let indicator = match record.polarity {
                Polarity::Honor => Indicator::Commendation,
                Polarity::Dishonesty => Indicator::Dishonesty {
                    severity: record.severity,
                    official: record.subject_type == SubjectType::Official,
                },
            };
            facts.add(record.unit_id, record.decided_on.year(), indicator, NodeType::CreditRecord, record.id);
        }
        for overdue in rectifications.iter().filter(|r| r.status == RectificationStatus::Overdue) {
            if let Some(unit) = record_units.get(&overdue.record_id) {
                let year = overdue.deadline.year();
                facts.add(*unit, year, Indicator::OverdueRectification, NodeType::Rectification, overdue.id);
            }
        }
        for breached in commitments.iter().filter(|c| c.status == CommitmentStatus::Breached) {
            if let Some(due) = breached.due_on {
                facts.add(
                    breached.unit_id,
                    due.year(),
                    Indicator::BreachedCommitment,
                    NodeType::Commitment,
                    breached.id,
                );
            }
        }
        for found in complaints.iter().filter(|c| c.status == ComplaintStatus::Substantiated) {
            let year = found.received_at.year();
            facts.add(found.target_unit_id, year, Indicator::SubstantiatedComplaint, NodeType::Complaint, found.id);
        }
        for late in proposals.iter().filter(|p| p.was_late) {
            let year = late.assigned_on.year();
            facts.add(late.handling_unit_id, year, Indicator::LateProposal, NodeType::Proposal, late.id);
        }
        facts
    }
}

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
            let inputs = facts.0.get(&(unit.id, year)).map(Vec::as_slice).unwrap_or_default();
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
