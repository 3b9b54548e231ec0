//! What an evaluation counts (plan tasks 2.1.1, 2.1.3): one input per row behind a point — a
//! record by its decision year (a revoked one never counts), an OVERDUE rectification by its
//! deadline, a breached commitment by its due day, a substantiated complaint by its receipt, a
//! proposal answered late by its assignment. The seed and `computeEvaluations` gather alike.

use std::collections::HashMap;

use chrono::Datelike;
use entity::{
    commitment, complaint, credit_record,
    enums::{CommitmentStatus, ComplaintStatus, Polarity, RecordStatus, RectificationStatus, SubjectType},
    proposal, rectification,
};

use super::evaluation_rules::{Indicator, Input};
use crate::ids::{public_id, NodeType};

/// What each unit's evaluation of a year counts, by (unit, year).
#[derive(Default)]
pub struct EvaluationFacts(HashMap<(i32, i32), Vec<Input>>);

impl EvaluationFacts {
    fn add(&mut self, unit: i32, year: i32, indicator: Indicator, node: NodeType, id: i32) {
        self.0.entry((unit, year)).or_default().push(Input { indicator, source: public_id(node, id) });
    }

    /// The facts of these rows: records by their decision year (revoked ones never count),
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

impl EvaluationFacts {
    /// Adds the facts gathered from other rows (the seed gathers its records chunk by chunk).
    pub fn extend(&mut self, other: Self) {
        for (key, inputs) in other.0 {
            self.0.entry(key).or_default().extend(inputs);
        }
    }

    /// What a unit's evaluation of `year` counts.
    pub fn of(&self, unit: i32, year: i32) -> &[Input] {
        self.0.get(&(unit, year)).map(Vec::as_slice).unwrap_or_default()
    }

    /// Everything each unit's evaluation counts, whatever the year (the rows were read for one
    /// period).
    pub fn by_unit(self) -> HashMap<i32, Vec<Input>> {
        let mut units: HashMap<i32, Vec<Input>> = HashMap::new();
        for ((unit, _), inputs) in self.0 {
            units.entry(unit).or_default().extend(inputs);
        }
        units
    }
}
