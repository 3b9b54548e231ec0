//! `Dashboard.recordsBySector`: the records of each key sector (plan part 3), every sector listed.

use std::collections::HashMap;

use async_graphql::SimpleObject;
use entity::enums::Sector as StoredSector;
use sea_orm::{ConnectionTrait, Iterable};

use super::{
    rollup_reads::{by_sector, RollupScope},
    tally::{RecordTally, Tally},
};
use crate::{error::AppResult, graphql::types::record_enums::Sector};

/// The records of one sector.
#[derive(SimpleObject, Clone)]
pub struct SectorRecords {
    /// The sector.
    pub sector: Sector,
    /// Its records.
    pub records: RecordTally,
}

/// Every sector's tally over the scope, in one statement.
pub async fn records_by_sector<C: ConnectionTrait>(db: &C, scope: &RollupScope) -> AppResult<Vec<SectorRecords>> {
    let mut tallies: HashMap<StoredSector, Tally> = HashMap::new();
    for (sector, polarity, severity, status, count) in by_sector(db, scope).await? {
        tallies.entry(sector).or_default().add(polarity, severity, status, count);
    }
    Ok(StoredSector::iter()
        .map(|s| SectorRecords { sector: s.into(), records: tallies.get(&s).cloned().unwrap_or_default().finish() })
        .collect())
}
