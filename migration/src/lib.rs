//! Migrations of Chengxin: one file per change, never edited after it lands.

pub use sea_orm_migration::prelude::*;

mod m20261129_000001_create_units;
mod m20261129_000002_create_accounts;
mod m20261129_000003_create_officials;
mod m20261129_000004_create_credit_records;
mod m20261129_000005_create_record_workflows;
mod m20261129_000006_create_public_accountability;
mod m20261129_000007_create_sector_projects;
mod m20261129_000008_create_evaluations;
mod m20261129_000009_create_plan_tasks;
mod m20261129_000010_create_audit_log;
mod m20261129_000011_add_deadline_marks;
mod m20261129_000012_one_open_workflow_per_record;
mod m20261129_000013_harden_sessions_and_audit;
mod m20261130_000014_create_listing_events;
mod m20261130_000015_add_sanctions;
mod m20261130_000016_add_commitment_changes;
mod m20261130_000017_create_proposal_rounds;
mod m20261130_000018_create_accountability_proposals;
mod m20261130_000019_create_register;
mod m20261130_000020_add_complaint_reference;
mod m20261130_000021_add_procurement_terms;
mod m20261130_000022_add_investment_changes;
mod m20261130_000023_create_tender_projects;
mod m20261130_000024_one_report_per_period;
mod m20261130_000025_version_evaluation_periods;
mod m20261130_000026_create_record_rollups;
mod m20261130_000027_create_workflow_rollup;
mod m20261130_000028_create_record_status_rollup;
mod m20261201_000029_add_keyset_indexes;
mod m20261201_000030_add_list_filter_indexes;
mod m20261202_000031_sqlite_rollups_without_rowid;
mod m20261202_000032_create_procurement_tally;
mod m20261203_000033_add_status_rollup_stats_index;
mod support;

pub use m20261130_000026_create_record_rollups::rollup_fill_statements;
pub use m20261130_000027_create_workflow_rollup::workflow_rollup_fill_statements;
pub use m20261130_000028_create_record_status_rollup::status_rollup_fill_statements;
pub use m20261202_000032_create_procurement_tally::procurement_tally_fill_statements;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_create_units::Migration),
            Box::new(m20261129_000002_create_accounts::Migration),
            Box::new(m20261129_000003_create_officials::Migration),
            Box::new(m20261129_000004_create_credit_records::Migration),
            Box::new(m20261129_000005_create_record_workflows::Migration),
            Box::new(m20261129_000006_create_public_accountability::Migration),
            Box::new(m20261129_000007_create_sector_projects::Migration),
            Box::new(m20261129_000008_create_evaluations::Migration),
            Box::new(m20261129_000009_create_plan_tasks::Migration),
            Box::new(m20261129_000010_create_audit_log::Migration),
            Box::new(m20261129_000011_add_deadline_marks::Migration),
            Box::new(m20261129_000012_one_open_workflow_per_record::Migration),
            Box::new(m20261129_000013_harden_sessions_and_audit::Migration),
            Box::new(m20261130_000014_create_listing_events::Migration),
            Box::new(m20261130_000015_add_sanctions::Migration),
            Box::new(m20261130_000016_add_commitment_changes::Migration),
            Box::new(m20261130_000017_create_proposal_rounds::Migration),
            Box::new(m20261130_000018_create_accountability_proposals::Migration),
            Box::new(m20261130_000019_create_register::Migration),
            Box::new(m20261130_000020_add_complaint_reference::Migration),
            Box::new(m20261130_000021_add_procurement_terms::Migration),
            Box::new(m20261130_000022_add_investment_changes::Migration),
            Box::new(m20261130_000023_create_tender_projects::Migration),
            Box::new(m20261130_000024_one_report_per_period::Migration),
            Box::new(m20261130_000025_version_evaluation_periods::Migration),
            Box::new(m20261130_000026_create_record_rollups::Migration),
            Box::new(m20261130_000027_create_workflow_rollup::Migration),
            Box::new(m20261130_000028_create_record_status_rollup::Migration),
            Box::new(m20261201_000029_add_keyset_indexes::Migration),
            Box::new(m20261201_000030_add_list_filter_indexes::Migration),
            Box::new(m20261202_000031_sqlite_rollups_without_rowid::Migration),
            Box::new(m20261202_000032_create_procurement_tally::Migration),
            Box::new(m20261203_000033_add_status_rollup_stats_index::Migration),
        ]
    }
}
