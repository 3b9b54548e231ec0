//! What every write stores beside its rows, with no knowledge of the API: the audit log (and the
//! audit of unmasked reads), the platform outbox, compare-and-set writes of versioned rows,
//! the credit record writer shared by services and jobs, the record rollups it keeps, and the
//! open-workflow rollup and the procurement tally the versioned writes keep.

pub mod audit;
pub mod identifier_reads;
pub mod outbox;
pub mod procurement_tally;
pub mod push_payload;
pub mod record_writer;
pub mod rollups;
pub mod versioned;
pub mod workflow_rollups;
