//! Per-request DataLoaders: every nested field goes through one, so a page of N objects costs a
//! constant number of statements. They are built per request, so no cache crosses viewers; those
//! over scoped tables apply the policy module's condition.

mod child_pages;
mod child_rows;
mod child_table;
mod honours;
mod record_stats;
mod request_activity;
mod task_lead_units;
mod training_minutes;
mod unit_children;
mod unit_scope;

use std::{sync::Arc, time::Duration};

use async_graphql::dataloader::{DataLoader, HashMapCache};
use futures::future::BoxFuture;
use sea_orm::{ColumnTrait, DatabaseConnection};

pub use child_pages::{ChildCounts, ChildPages, PageKey};
pub use child_rows::ChildRows;
pub use child_table::{
    AssignmentsOfProject, ChildTable, CommitmentsOfUnit, ComplaintsOfUnit, ContractsOfUnit, ListingEventsOfRecord,
    ObjectionsOfRecord, OfficialsOfUnit, PledgesOfAgreement, ProposalsOfUnit, RecordsOfOfficial, RecordsOfPppProject,
    RecordsOfTender, RecordsOfUnit, RectificationsOfRecord, RepairsOfRecord, ReportsOfTask, RoundsOfProposal,
    TransfersOfOfficial,
};
pub use honours::{OfficialHonours, UnitHonours};
pub use record_stats::{CountSource, RecordStatsLoader, StatsKey, UnitRecordStats};
pub use request_activity::{RequestActivity, Tracked};
pub use task_lead_units::TaskLeadUnits;
pub use training_minutes::{OfficialYear, TrainingMinutes};
pub use unit_children::UnitChildren;
pub use unit_scope::UnitScope;

use chrono::NaiveDate;

use crate::auth::{
    policy::{self, records::RecordUse},
    Viewer,
};

/// A loader of one request: batches wait for the request to go idle; answers are cached for the
/// rest of the request.
pub type RequestLoader<T> = DataLoader<T, HashMapCache>;

/// The loaders of one request.
pub struct Loaders {
    pub unit_children: RequestLoader<UnitChildren>,
    pub unit_scope: RequestLoader<UnitScope>,
    pub official_counts: RequestLoader<ChildCounts<OfficialsOfUnit>>,
    pub official_pages: RequestLoader<ChildPages<OfficialsOfUnit>>,
    pub unit_record_counts: RequestLoader<ChildCounts<RecordsOfUnit>>,
    pub unit_record_pages: RequestLoader<ChildPages<RecordsOfUnit>>,
    pub official_record_counts: RequestLoader<ChildCounts<RecordsOfOfficial>>,
    pub official_record_pages: RequestLoader<ChildPages<RecordsOfOfficial>>,
    pub record_stats: RequestLoader<RecordStatsLoader>,
    pub unit_commitment_counts: RequestLoader<ChildCounts<CommitmentsOfUnit>>,
    pub unit_commitment_pages: RequestLoader<ChildPages<CommitmentsOfUnit>>,
    pub unit_complaint_counts: RequestLoader<ChildCounts<ComplaintsOfUnit>>,
    pub unit_complaint_pages: RequestLoader<ChildPages<ComplaintsOfUnit>>,
    pub unit_proposal_counts: RequestLoader<ChildCounts<ProposalsOfUnit>>,
    pub unit_proposal_pages: RequestLoader<ChildPages<ProposalsOfUnit>>,
    pub unit_contract_counts: RequestLoader<ChildCounts<ContractsOfUnit>>,
    pub unit_contract_pages: RequestLoader<ChildPages<ContractsOfUnit>>,
    pub agreement_pledge_counts: RequestLoader<ChildCounts<PledgesOfAgreement>>,
    pub agreement_pledge_pages: RequestLoader<ChildPages<PledgesOfAgreement>>,
    pub ppp_record_counts: RequestLoader<ChildCounts<RecordsOfPppProject>>,
    pub ppp_record_pages: RequestLoader<ChildPages<RecordsOfPppProject>>,
    pub tender_record_counts: RequestLoader<ChildCounts<RecordsOfTender>>,
    pub tender_record_pages: RequestLoader<ChildPages<RecordsOfTender>>,
    pub ppp_trails: RequestLoader<ChildRows<AssignmentsOfProject>>,
    pub record_rectifications: RequestLoader<ChildRows<RectificationsOfRecord>>,
    pub record_objections: RequestLoader<ChildRows<ObjectionsOfRecord>>,
    pub record_repairs: RequestLoader<ChildRows<RepairsOfRecord>>,
    pub record_listing_events: RequestLoader<ChildRows<ListingEventsOfRecord>>,
    pub proposal_rounds: RequestLoader<ChildRows<RoundsOfProposal>>,
    pub official_transfers: RequestLoader<ChildRows<TransfersOfOfficial>>,
    pub task_lead_units: RequestLoader<TaskLeadUnits>,
    pub task_reports: RequestLoader<ChildRows<ReportsOfTask>>,
    pub task_report_counts: RequestLoader<ChildCounts<ReportsOfTask>>,
    pub task_report_pages: RequestLoader<ChildPages<ReportsOfTask>>,
    pub unit_honours: RequestLoader<UnitHonours>,
    pub official_honours: RequestLoader<OfficialHonours>,
    pub training_minutes: RequestLoader<TrainingMinutes>,
}

impl Loaders {
    /// Loaders for one request by `viewer` on the county's `today`, whose execution reports to
    /// `activity`. Scoped loaders take the policy's condition for this viewer.
    pub fn new(db: &DatabaseConnection, viewer: &Viewer, today: NaiveDate, activity: Arc<RequestActivity>) -> Self {
        let officials = policy::officials_visible_to(viewer);
        let visible_records = policy::records::records_visible_to(viewer, today, RecordUse::Rows);
        let from_source = |kind: &str| {
            let from = entity::credit_record::Column::SourceType.eq(kind.to_owned());
            Ok(sea_orm::Condition::all().add(visible_records.clone()).add(from))
        };
        let ppp_records = from_source(RecordsOfPppProject::SOURCE);
        let reports = policy::can_read_plan_tasks(viewer).map(|_| sea_orm::Condition::all());
        let tender_records = from_source(RecordsOfTender::SOURCE);
        let records = Ok(visible_records);
        let count_source = match policy::dashboards::rollup_disclosures(viewer) {
            Some(disclosures) => CountSource::Rollups(disclosures),
            None => CountSource::Records(policy::records::records_visible_to(viewer, today, RecordUse::Counts)),
        };
        let commitments = Ok(policy::commitments::commitments_visible_to(viewer));
        let complaints = policy::may(viewer, policy::Operation::ListComplaints)
            .map(|_| policy::complaints::complaints_visible_to(viewer));
        let proposals = policy::may(viewer, policy::Operation::ListProposals)
            .map(|_| policy::proposals::proposals_visible_to(viewer));
        let contracts = policy::may(viewer, policy::Operation::ListSectorProjects).map(|_| {
            policy::sectors::sector_rows_visible_to(
                viewer,
                entity::enums::Sector::Procurement,
                entity::procurement_contract::Column::PurchaserUnitId,
            )
        });
        Self {
            unit_children: loader(UnitChildren::new(db), &activity),
            unit_scope: loader(UnitScope::new(db, viewer), &activity),
            official_counts: loader(ChildCounts::new(db, officials.clone()), &activity),
            official_pages: loader(ChildPages::new(db, officials), &activity),
            unit_record_counts: loader(ChildCounts::new(db, records.clone()), &activity),
            unit_record_pages: loader(ChildPages::new(db, records.clone()), &activity),
            official_record_counts: loader(ChildCounts::new(db, records.clone()), &activity),
            official_record_pages: loader(ChildPages::new(db, records), &activity),
            record_stats: loader(RecordStatsLoader::new(db, count_source), &activity),
            unit_commitment_counts: loader(ChildCounts::new(db, commitments.clone()), &activity),
            unit_commitment_pages: loader(ChildPages::new(db, commitments.clone()), &activity),
            agreement_pledge_counts: loader(ChildCounts::new(db, commitments.clone()), &activity),
            agreement_pledge_pages: loader(ChildPages::new(db, commitments), &activity),
            unit_complaint_counts: loader(ChildCounts::new(db, complaints.clone()), &activity),
            unit_complaint_pages: loader(ChildPages::new(db, complaints), &activity),
            unit_proposal_counts: loader(ChildCounts::new(db, proposals.clone()), &activity),
            unit_proposal_pages: loader(ChildPages::new(db, proposals), &activity),
            unit_contract_counts: loader(ChildCounts::new(db, contracts.clone()), &activity),
            unit_contract_pages: loader(ChildPages::new(db, contracts), &activity),
            ppp_record_counts: loader(ChildCounts::new(db, ppp_records.clone()), &activity),
            ppp_record_pages: loader(ChildPages::new(db, ppp_records), &activity),
            tender_record_counts: loader(ChildCounts::new(db, tender_records.clone()), &activity),
            tender_record_pages: loader(ChildPages::new(db, tender_records), &activity),
            ppp_trails: loader(ChildRows::new(db), &activity),
            record_rectifications: loader(ChildRows::new(db), &activity),
            record_objections: loader(ChildRows::new(db), &activity),
            record_repairs: loader(ChildRows::new(db), &activity),
            record_listing_events: loader(ChildRows::new(db), &activity),
            proposal_rounds: loader(ChildRows::new(db), &activity),
            official_transfers: loader(ChildRows::new(db), &activity),
            task_lead_units: loader(TaskLeadUnits::new(db), &activity),
            task_reports: loader(ChildRows::new(db), &activity),
            task_report_counts: loader(ChildCounts::new(db, reports.clone()), &activity),
            task_report_pages: loader(ChildPages::new(db, reports), &activity),
            unit_honours: loader(UnitHonours::new(db, today), &activity),
            official_honours: loader(OfficialHonours::new(db, today), &activity),
            training_minutes: loader(TrainingMinutes::new(db), &activity),
        }
    }
}

pub(super) fn loader<T: Send + Sync + 'static>(inner: T, activity: &Arc<RequestActivity>) -> RequestLoader<T> {
    let activity = activity.clone();
    let spawner = move |batch: BoxFuture<'static, ()>| {
        let activity = activity.clone();
        let ticket = activity.ticket();
        tokio::spawn(async move {
            let turn = activity.wait_for_turn(ticket).await;
            batch.await;
            drop(turn);
        })
    };
    DataLoader::with_cache(inner, spawner, HashMapCache::default()).delay(Duration::ZERO)
}
