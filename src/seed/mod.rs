//! The seed: Dehua County's units, the plan's tasks, recording authorities and one account per
//! role; with `--demo`, three years of plausible synthetic data in every table; with `--scale`,
//! county-, city- or province-sized volumes. Deterministic (seeded RNG) and batched.

mod accountability;
mod batch;
pub mod county;
mod debts;
mod evaluations;
mod people;
pub mod plan_tasks;
mod record_workflows;
mod records;
mod sectors;
pub mod synthetic;
mod tenders;
mod units;
pub mod users;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use entity::{
    accountability_proposal, api_token, commitment, complaint, credit_record, debt_instrument, evaluation,
    evaluation_period, fiscal_capacity, investment_agreement, listing_event, objection, official, plan_task,
    plan_task_lead_unit, ppp_project, ppp_stage_assignment, procurement_contract, proposal, proposal_round,
    rectification, repair_application, task_progress, tender_project, third_party_rating, training_record, unit,
    user_account,
};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait};

use crate::error::StartupError;
use batch::{insert_models, reset_sequences};
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
    if unit::Entity::find().count(db).await? > 0 {
        return Ok(SeedSummary { skipped: true, ..summary(db).await? });
    }
    let volume = Volume::for_options(options.demo, options.scale);
    let mut synth = Synth::new(options.rng_seed);
    let now = options.now;
    let today = (now + chrono::Duration::hours(8)).date_naive();
    let from = today.checked_sub_months(Months::new(36)).unwrap_or(today);
    let index = units::plan_units(&mut synth, &volume, now);
    let txn = db.begin().await?;
    let leads = units::insert_structure(&txn, &index).await?;
    users::insert_users(&txn, &index, &options.password_hash, now).await?;
    if options.demo || options.scale.is_some() {
        insert_demo(&txn, &mut synth, &index, &volume, &leads, (from, today), now).await?;
    }
    reset_sequences(&txn, SEQUENCED_TABLES).await?;
    crate::store::rollups::fill(&txn).await?;
    txn.commit().await?;
    batch::refresh_statistics(db).await?;
    summary(db).await
}

const SEQUENCED_TABLES: &[&str] = &[
    "unit",
    "user_account",
    "api_token",
    "official",
    "training_record",
    "credit_record",
    "rectification",
    "listing_event",
    "accountability_proposal",
    "objection",
    "repair_application",
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
    "plan_task",
    "task_progress",
];

async fn insert_demo<C: sea_orm::ConnectionTrait>(
    db: &C,
    synth: &mut Synth,
    index: &units::UnitIndex,
    volume: &Volume,
    leads: &[plan_task_lead_unit::Model],
    (from, today): (NaiveDate, NaiveDate),
    now: DateTime<Utc>,
) -> Result<(), StartupError> {
    let officials = people::plan_officials(synth, index, volume.officials, now);
    insert_models::<official::Entity, _>(db, officials.clone()).await?;
    insert_models::<training_record::Entity, _>(
        db,
        people::plan_training(synth, &officials, volume.trainings, from, today, now),
    )
    .await?;
    let records = records::plan_records(synth, index, &officials, volume.records, from, today, now);
    let accountability_proposals = record_workflows::accountability_proposals(&records, now);
    let commitments = accountability::plan_commitments(synth, index, volume.commitments, from, today, now);
    let complaints = accountability::plan_complaints(synth, index, volume.complaints, from, today);
    let (proposals, rounds) = accountability::plan_proposals(synth, index, volume.proposals, today, now);
    let facts = crate::domain::evaluation_facts::EvaluationFacts::gather(
        &records.records,
        &records.rectifications,
        &commitments,
        &complaints,
        &proposals,
    );
    insert_models::<credit_record::Entity, _>(db, records.records).await?;
    insert_models::<rectification::Entity, _>(db, records.rectifications).await?;
    insert_models::<objection::Entity, _>(db, records.objections).await?;
    insert_models::<repair_application::Entity, _>(db, records.repairs).await?;
    insert_models::<listing_event::Entity, _>(db, records.listing_events).await?;
    insert_models::<accountability_proposal::Entity, _>(db, accountability_proposals).await?;
    insert_models::<commitment::Entity, _>(db, commitments).await?;
    insert_models::<complaint::Entity, _>(db, complaints).await?;
    insert_models::<proposal::Entity, _>(db, proposals).await?;
    insert_models::<proposal_round::Entity, _>(db, rounds).await?;
    let counts = sectors::SectorCounts {
        procurements: volume.procurements,
        ppp: volume.ppp,
        investments: volume.investments,
        debts: volume.debts,
        tenders: volume.tenders,
    };
    let sector_rows = sectors::plan_sectors(synth, index, &officials, &counts, from, today, now);
    insert_models::<procurement_contract::Entity, _>(db, sector_rows.procurements).await?;
    insert_models::<ppp_project::Entity, _>(db, sector_rows.ppp_projects).await?;
    insert_models::<ppp_stage_assignment::Entity, _>(db, sector_rows.ppp_assignments).await?;
    insert_models::<investment_agreement::Entity, _>(db, sector_rows.investments).await?;
    insert_models::<debt_instrument::Entity, _>(db, sector_rows.debts).await?;
    insert_models::<fiscal_capacity::Entity, _>(db, sector_rows.fiscal).await?;
    insert_models::<tender_project::Entity, _>(db, sector_rows.tenders).await?;
    let evaluation_rows =
        evaluations::plan_evaluations(synth, index, leads, &facts, from.year()..=today.year() - 1, now);
    insert_models::<evaluation_period::Entity, _>(db, evaluation_rows.periods).await?;
    insert_models::<evaluation::Entity, _>(db, evaluation_rows.evaluations).await?;
    insert_models::<third_party_rating::Entity, _>(db, evaluation_rows.ratings).await?;
    insert_models::<task_progress::Entity, _>(db, evaluation_rows.progress).await?;
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
