//! `RecordStats`: a unit's record counts.

use async_graphql::SimpleObject;

use crate::graphql::loaders::UnitRecordStats;

/// A unit's records in force, counted among those the viewer may count.
#[derive(SimpleObject, Clone, Copy)]
pub struct RecordStats {
    /// Active or rectifying dishonesty records, MINOR.
    pub minor: i64,
    /// Active or rectifying dishonesty records, GENERAL.
    pub general: i64,
    /// Active or rectifying dishonesty records, SERIOUS.
    pub serious: i64,
    /// All active or rectifying dishonesty records.
    pub active_dishonesty: i64,
    /// Active commendations.
    pub commendations: i64,
    /// Dishonesty records under rectification.
    pub rectifying: i64,
}

impl From<UnitRecordStats> for RecordStats {
    fn from(stats: UnitRecordStats) -> Self {
        let n = |v: u64| v as i64;
        Self {
            minor: n(stats.minor),
            general: n(stats.general),
            serious: n(stats.serious),
            active_dishonesty: n(stats.minor + stats.general + stats.serious),
            commendations: n(stats.commendations),
            rectifying: n(stats.rectifying),
        }
    }
}
