//! The seed: Dehua County's units, the plan's tasks, recording authorities and one account per
//! role; with `--demo`, three years of plausible synthetic data in every table; with `--scale`,
//! county-, city- or province-sized volumes. Deterministic (seeded RNG) and batched.

mod accountability;
mod batch;
mod copy;
pub mod county;
mod debts;
mod evaluations;
mod people;
pub mod plan_tasks;
mod record_chunks;
mod record_workflows;
mod records;
mod sectors;
mod set_aside;
mod sink;
pub mod synthetic;
mod tenders;
mod units;
pub mod users;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use entity::{
    api_token, commitment, complaint, credit_record, debt_instrument, evaluation, evaluation_period, fiscal_capacity,
    investment_agreement, official, plan_task, plan_task_lead_unit, ppp_project, ppp_stage_assignment,
    procurement_contract, proposal, proposal_round, task_progress, tender_project, third_party_rating, training_record,
    unit, user_account,
};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use crate::{domain::evaluation_facts::EvaluationFacts, error::StartupError};
use batch::{fill_rollups, reset_sequences};
use sink::Sink;
use synthetic::Synth;

/// How much data to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// ≈ 600 units, 15 000 officials, 150 000 credit records.
    County,
    /// × 10.
    City,
    /// × 100.
    Province,
}

/// Volumes of each table.
pub struct Volume {
    pub scale_factor: i64,
    pub villages_per_township: (i64, i64),
    pub institutions_per_township: i64,
    pub officials: usize,
    pub records: usize,
    pub commitments: usize,
    pub complaints: usize,
    pub proposals: usize,
    pub procurements: usize,
    pub ppp: usize,
    pub investments: usize,
    pub debts: usize,
    pub tenders: usize,
    pub trainings: usize,
}

impl Volume {
    /// The volume for a seed: structure only, the small demo, or a scale.
    pub fn for_options(demo: bool, scale: Option<Scale>) -> Self {
        let factor = match scale {
            None => 0,
            Some(Scale::County) => 1,
            Some(Scale::City) => 10,
            Some(Scale::Province) => 100,
        };
        if factor == 0 {
            let n = usize::from(demo);
            return Self {
                scale_factor: 0,
                villages_per_township: (3, 8),
                institutions_per_township: if demo { 2 } else { 0 },
                officials: 1_200 * n,
                records: 2_000 * n,
                commitments: 400 * n,
                complaints: 300 * n,
                proposals: 120 * n,
                procurements: 150 * n,
                ppp: 12 * n,
                investments: 30 * n,
                debts: 40 * n,
                tenders: 24 * n,
                trainings: 2_000 * n,
            };
        }
        let f = factor as usize;
        Self {
            scale_factor: factor,
            villages_per_township: (16 * factor, 28 * factor),
            institutions_per_township: 7 * factor,
            officials: 15_000 * f,
            records: 150_000 * f,
            commitments: 6_000 * f,
            complaints: 9_000 * f,
            proposals: 600 * f,
            procurements: 3_000 * f,
            ppp: 60 * f,
            investments: 300 * f,
            debts: 400 * f,
            tenders: 240 * f,
            trainings: 30_000 * f,
        }
    }
}

/// What to seed and with which password for the seeded accounts.
pub struct SeedOptions {
    pub demo: bool,
    pub scale: Option<Scale>,
    pub password_hash: String,
    pub now: DateTime<Utc>,
    pub rng_seed: u64,
}

/// Row counts after seeding.
#[derive(Debug, Default)]
pub struct SeedSummary {
    pub units: u64,
    pub plan_tasks: u64,
    pub officials: u64,
    pub credit_records: u64,
    pub skipped: bool,
}

/// Seeds an empty database. A database that already has units is left as it is.
pub async fn seed(db: &DatabaseConnection, options: &SeedOptions) -> Result<SeedSummary, StartupError> {
    seed_in_chunks(db, options, record_chunks::RECORDS_PER_CHUNK).await
}

/// [`seed`], planning and writing at most `records_per_chunk` records at a time.
pub async fn seed_in_chunks(
    db: &DatabaseConnection,
    options: &SeedOptions,
    records_per_chunk: usize,
) -> Result<SeedSummary, StartupError> {
    if unit::Entity::find().count(db).await? > 0 {
        return Ok(SeedSummary { skipped: true, ..summary(db).await? });
    }
    let volume = Volume::for_options(options.demo, options.scale);
    let mut synth = Synth::new(options.rng_seed);
    let now = options.now;
    let today = (now + chrono::Duration::hours(8)).date_naive();
    let from = today.checked_sub_months(Months::new(36)).unwrap_or(today);
    let index = units::plan_units(&mut synth, &volume, now);
    let mut sink = Sink::begin(db).await?;
    let leads = units::insert_structure(&mut sink, &index).await?;
    users::insert_users(&mut sink, &index, &options.password_hash, now).await?;
    if options.demo || options.scale.is_some() {
        let large = volume.records > records_per_chunk || volume.records >= LARGE_LOAD;
        let set_aside = if large { sink.set_aside(DEMO_TABLES).await? } else { None };
        let plan = DemoPlan { volume: &volume, leads: &leads, records_per_chunk, dates: (from, today), now };
        insert_demo(&mut sink, &mut synth, &index, plan).await?;
        sink.restore(set_aside).await?;
    }
    reset_sequences(&mut sink, BASE_SEQUENCED_TABLES).await?;
    reset_sequences(&mut sink, DEMO_TABLES).await?;
    fill_rollups(&mut sink).await?;
    sink.commit().await?;
    batch::refresh_statistics(db).await?;
    summary(db).await
}

/// From this many records (or more than one chunk of them) a load is large: on PostgreSQL the
/// demo tables' secondary indexes and foreign keys are made after their rows, not row by row.
const LARGE_LOAD: usize = 100_000;

/// The tables the demo data fills (each with an id sequence).
const DEMO_TABLES: &[&str] = &[
    "official",
    "training_record",
    "credit_record",
    "rectification",
    "objection",
    "repair_application",
    "listing_event",
    "accountability_proposal",
    "commitment",
    "complaint",
    "proposal",
    "proposal_round",
    "procurement_contract",
    "ppp_project",
    "ppp_stage_assignment",
    "investment_agreement",
    "debt_instrument",
    "fiscal_capacity",
    "tender_project",
    "evaluation_period",
    "evaluation",
    "third_party_rating",
    "task_progress",
];

/// The base seed's tables with an id sequence (every demo table has one too).
const BASE_SEQUENCED_TABLES: &[&str] = &["unit", "user_account", "api_token", "plan_task"];

/// What the demo data is made of.
struct DemoPlan<'a> {
    volume: &'a Volume,
    leads: &'a [plan_task_lead_unit::Model],
    records_per_chunk: usize,
    dates: (NaiveDate, NaiveDate),
    now: DateTime<Utc>,
}

async fn insert_demo(
    sink: &mut Sink,
    synth: &mut Synth,
    index: &units::UnitIndex,
    plan: DemoPlan<'_>,
) -> Result<(), StartupError> {
    let DemoPlan { volume, leads, records_per_chunk, dates: (from, today), now } = plan;
    let officials = people::plan_officials(synth, index, volume.officials, now);
    sink.insert::<official::Entity>(officials.clone()).await?;
    sink.insert::<training_record::Entity>(people::plan_training(
        synth,
        &officials,
        volume.trainings,
        from,
        today,
        now,
    ))
    .await?;
    let chunking = record_chunks::Chunking { records: volume.records, per_chunk: records_per_chunk };
    let mut facts = record_chunks::insert_records(sink, synth, index, &officials, chunking, (from, today), now).await?;
    let commitments = accountability::plan_commitments(synth, index, volume.commitments, from, today, now);
    let complaints = accountability::plan_complaints(synth, index, volume.complaints, from, today);
    let (proposals, rounds) = accountability::plan_proposals(synth, index, volume.proposals, today, now);
    facts.extend(EvaluationFacts::gather(&[], &[], &commitments, &complaints, &proposals));
    sink.insert::<commitment::Entity>(commitments).await?;
    sink.insert::<complaint::Entity>(complaints).await?;
    sink.insert::<proposal::Entity>(proposals).await?;
    sink.insert::<proposal_round::Entity>(rounds).await?;
    let counts = sectors::SectorCounts {
        procurements: volume.procurements,
        ppp: volume.ppp,
        investments: volume.investments,
        debts: volume.debts,
        tenders: volume.tenders,
    };
    let sector_rows = sectors::plan_sectors(synth, index, &officials, &counts, from, today, now);
    sink.insert::<procurement_contract::Entity>(sector_rows.procurements).await?;
    sink.insert::<ppp_project::Entity>(sector_rows.ppp_projects).await?;
    sink.insert::<ppp_stage_assignment::Entity>(sector_rows.ppp_assignments).await?;
    sink.insert::<investment_agreement::Entity>(sector_rows.investments).await?;
    sink.insert::<debt_instrument::Entity>(sector_rows.debts).await?;
    sink.insert::<fiscal_capacity::Entity>(sector_rows.fiscal).await?;
    sink.insert::<tender_project::Entity>(sector_rows.tenders).await?;
    let evaluation_rows =
        evaluations::plan_evaluations(synth, index, leads, &facts, from.year()..=today.year() - 1, now);
    sink.insert::<evaluation_period::Entity>(evaluation_rows.periods).await?;
    sink.insert::<evaluation::Entity>(evaluation_rows.evaluations).await?;
    sink.insert::<third_party_rating::Entity>(evaluation_rows.ratings).await?;
    sink.insert::<task_progress::Entity>(evaluation_rows.progress).await?;
    Ok(())
}

async fn summary(db: &DatabaseConnection) -> Result<SeedSummary, StartupError> {
    Ok(SeedSummary {
        units: unit::Entity::find().count(db).await?,
        plan_tasks: plan_task::Entity::find().count(db).await?,
        officials: official::Entity::find().count(db).await?,
        credit_records: credit_record::Entity::find().count(db).await?,
        skipped: false,
    })
}

/// Whether the seeded accounts and the demo token exist (used by `serve --demo`).
pub async fn has_accounts(db: &DatabaseConnection) -> Result<bool, StartupError> {
    Ok(user_account::Entity::find().count(db).await? > 0 && api_token::Entity::find().count(db).await? > 0)
}
