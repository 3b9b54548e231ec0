//! The seed's records, planned and written a chunk at a time with their workflow rows.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    accountability_proposal, credit_record, listing_event, objection, official, rectification, repair_application,
};

use super::{record_workflows, records, sink::Sink, synthetic::Synth, units::UnitIndex};
use crate::{domain::evaluation_facts::EvaluationFacts, error::StartupError};

/// At most this many records are planned and held at a time (a province has 15 M): each chunk
/// makes the records of its own share of the units and their officials, so a unit's records, and
/// the bars its honours must respect, are all in one chunk.
pub const RECORDS_PER_CHUNK: usize = 2_000_000;

/// How many records, and at most how many at a time.
pub struct Chunking {
    pub records: usize,
    pub per_chunk: usize,
}

/// Plans and writes the records with their rectifications, objections, repairs, listing events
/// and accountability proposals, chunk by chunk; returns what the evaluations count of them.
pub async fn insert_records(
    sink: &mut Sink,
    synth: &mut Synth,
    index: &UnitIndex,
    officials: &[official::Model],
    chunking: Chunking,
    (from, today): (NaiveDate, NaiveDate),
    now: DateTime<Utc>,
) -> Result<EvaluationFacts, StartupError> {
    let mut facts = EvaluationFacts::default();
    let mut taken = records::IdsTaken::default();
    let chunks = chunking.records.div_ceil(chunking.per_chunk.max(1)).max(1);
    for chunk in 0..chunks {
        let ours = |unit: i32| unit as usize % chunks == chunk;
        let subjects = records::Subjects {
            units: index.units.iter().filter(|u| ours(u.id)).collect(),
            officials: officials.iter().filter(|o| ours(o.unit_id)).collect(),
            taken,
        };
        let count = chunking.records * (chunk + 1) / chunks - chunking.records * chunk / chunks;
        let rows = records::plan_records(synth, index, subjects, count, (from, today), now);
        let accountability_proposals = record_workflows::accountability_proposals(&rows, now);
        taken = rows.taken_after(accountability_proposals.len());
        facts.extend(EvaluationFacts::gather(&rows.records, &rows.rectifications, &[], &[], &[]));
        sink.insert::<credit_record::Entity>(rows.records).await?;
        sink.insert::<rectification::Entity>(rows.rectifications).await?;
        sink.insert::<objection::Entity>(rows.objections).await?;
        sink.insert::<repair_application::Entity>(rows.repairs).await?;
        sink.insert::<listing_event::Entity>(rows.listing_events).await?;
        sink.insert::<accountability_proposal::Entity>(accountability_proposals).await?;
    }
    Ok(facts)
}
