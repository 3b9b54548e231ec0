//! `RecordTally`: counts of records by polarity, status and — for dishonesty records in force —
//! severity, with every value listed (zeros too) so a chart keeps its shape.

use std::collections::HashMap;

use async_graphql::SimpleObject;
use entity::enums::{Polarity as StoredPolarity, RecordStatus as StoredStatus, Severity};
use sea_orm::Iterable;

use crate::graphql::{
    loaders::UnitRecordStats,
    types::{
        record_enums::{Polarity, RecordStatus},
        RecordStats,
    },
};

/// Records of one polarity.
#[derive(SimpleObject, Clone, Copy)]
pub struct PolarityCount {
    /// Honour or dishonesty.
    pub polarity: Polarity,
    /// How many records, whatever their status.
    pub count: i64,
}

/// Records in one status.
#[derive(SimpleObject, Clone, Copy)]
pub struct StatusCount {
    /// The status.
    pub status: RecordStatus,
    /// How many records, honours and dishonesty alike.
    pub count: i64,
}

/// Counts of records, among those the viewer may count.
#[derive(SimpleObject, Clone)]
pub struct RecordTally {
    /// Every record, in any status.
    pub total: i64,
    /// Records in force: dishonesty by severity (ACTIVE or RECTIFYING), active commendations.
    pub in_force: RecordStats,
    /// Every record by polarity.
    pub by_polarity: Vec<PolarityCount>,
    /// Every record by status.
    pub by_status: Vec<StatusCount>,
}

/// Adds up rollup rows into a [`RecordTally`].
#[derive(Default, Clone)]
pub struct Tally {
    total: i64,
    in_force: UnitRecordStats,
    polarity: HashMap<StoredPolarity, i64>,
    status: HashMap<StoredStatus, i64>,
}

impl Tally {
    /// Counts `count` records of this shape in.
    pub fn add(&mut self, polarity: StoredPolarity, severity: Severity, status: StoredStatus, count: i64) {
        self.total += count;
        self.in_force.add(polarity, severity, status, count);
        *self.polarity.entry(polarity).or_default() += count;
        *self.status.entry(status).or_default() += count;
    }

    /// The GraphQL answer, every polarity and status listed.
    pub fn finish(&self) -> RecordTally {
        RecordTally {
            total: self.total,
            in_force: self.in_force.into(),
            by_polarity: StoredPolarity::iter()
                .map(|p| PolarityCount { polarity: p.into(), count: self.polarity.get(&p).copied().unwrap_or(0) })
                .collect(),
            by_status: StoredStatus::iter()
                .map(|s| StatusCount { status: s.into(), count: self.status.get(&s).copied().unwrap_or(0) })
                .collect(),
        }
    }
}
