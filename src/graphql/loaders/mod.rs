//! Per-request loaders ([`RequestLoader`]): every nested field goes through one, so a page of N
//! objects costs a constant number of statements. They are built per request, so no cache crosses
//! viewers; those over scoped tables apply the policy module's condition.

mod child_pages;
mod child_rows;
mod child_table;
mod honours;
mod record_stats;
mod request_activity;
mod request_loader;
mod task_lead_units;
mod training_minutes;
mod unit_children;
mod unit_scope;

use std::sync::{Arc, OnceLock};

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
pub use request_loader::RequestLoader;
pub use task_lead_units::TaskLeadUnits;
pub use training_minutes::{OfficialYear, TrainingMinutes};
pub use unit_children::UnitChildren;
pub use unit_scope::UnitScope;

use chrono::NaiveDate;

use crate::{
    auth::{
        policy::{self, records::RecordUse},
        Viewer,
    },
    error::AppError,
};

/// What a request's loaders are made from, on their first use.
#[derive(Clone)]
pub struct LoaderScope {
    pub db: DatabaseConnection,
    pub viewer: Viewer,
    /// The county's day the request runs on.
    pub today: NaiveDate,
    pub activity: Arc<RequestActivity>,
}

impl LoaderScope {
    /// The records this viewer may see, for `use`.
    fn records(&self, used: RecordUse) -> sea_orm::Condition {
        policy::records::records_visible_to(&self.viewer, self.today, used)
    }

    /// The records of a sector's projects (`source_type`).
    fn records_from(&self, kind: &str) -> Result<sea_orm::Condition, AppError> {
        let from = entity::credit_record::Column::SourceType.eq(kind.to_owned());
        Ok(sea_orm::Condition::all().add(self.records(RecordUse::Rows)).add(from))
    }
}

/// A loader made when a resolver first asks for it: a request uses a few of its dozens.
pub struct LazyLoader<T>(OnceLock<RequestLoader<T>>);

impl<T> Default for LazyLoader<T> {
    fn default() -> Self {
        Self(OnceLock::new())
    }
}

impl<T: Send + Sync + 'static> LazyLoader<T> {
    pub fn get(&self, make: impl FnOnce() -> T, activity: &Arc<RequestActivity>) -> &RequestLoader<T> {
        self.0.get_or_init(|| RequestLoader::new(make(), activity.clone()))
    }
}

/// Declares a struct of lazily made loaders over a [`LoaderScope`], with one accessor per loader:
/// `name: Loader = |scope| how to make it,`.
macro_rules! request_loaders {
    ($(#[$meta:meta])* $vis:vis struct $name:ident {
        $($(#[$field_meta:meta])* $field_vis:vis $field:ident: $loader:ty = |$scope:ident| $make:expr,)*
    }) => {
        $(#[$meta])*
        $vis struct $name {
            scope: $crate::graphql::loaders::LoaderScope,
            $($field: $crate::graphql::loaders::LazyLoader<$loader>,)*
        }

        impl $name {
            /// The loaders of one request, none made yet.
            $vis fn new(scope: $crate::graphql::loaders::LoaderScope) -> Self {
                Self { scope, $($field: Default::default(),)* }
            }

            $(
                $(#[$field_meta])*
                $field_vis fn $field(&self) -> &$crate::graphql::loaders::RequestLoader<$loader> {
                    let $scope = &self.scope;
                    self.$field.get(|| $make, &self.scope.activity)
                }
            )*
        }
    };
}
pub(crate) use request_loaders;

request_loaders! {
    /// The loaders of one request. Scoped loaders take the policy's condition for its viewer.
    pub struct Loaders {
        /// A unit's children.
        pub unit_children: UnitChildren = |s| UnitChildren::new(&s.db),
        /// Whether a unit lies in the viewer's subtree.
        pub unit_scope: UnitScope = |s| UnitScope::new(&s.db, &s.viewer),
        /// How many officials of a unit the viewer may see.
        pub official_counts: ChildCounts<OfficialsOfUnit> =
            |s| ChildCounts::new(&s.db, policy::officials_visible_to(&s.viewer)),
        /// A page of a unit's officials.
        pub official_pages: ChildPages<OfficialsOfUnit> =
            |s| ChildPages::new(&s.db, policy::officials_visible_to(&s.viewer)),
        /// How many records of a unit the viewer may see.
        pub unit_record_counts: ChildCounts<RecordsOfUnit> =
            |s| ChildCounts::new(&s.db, Ok(s.records(RecordUse::Rows))),
        /// A page of a unit's records.
        pub unit_record_pages: ChildPages<RecordsOfUnit> = |s| ChildPages::new(&s.db, Ok(s.records(RecordUse::Rows))),
        /// How many records of an official the viewer may see.
        pub official_record_counts: ChildCounts<RecordsOfOfficial> =
            |s| ChildCounts::new(&s.db, Ok(s.records(RecordUse::Rows))),
        /// A page of an official's records.
        pub official_record_pages: ChildPages<RecordsOfOfficial> =
            |s| ChildPages::new(&s.db, Ok(s.records(RecordUse::Rows))),
        /// A unit's record tallies (from the rollups where the viewer may count them all).
        pub record_stats: RecordStatsLoader = |s| {
            let source = match policy::dashboards::rollup_disclosures(&s.viewer) {
                Some(disclosures) => CountSource::Rollups(disclosures),
                None => CountSource::Records(s.records(RecordUse::Counts)),
            };
            RecordStatsLoader::new(&s.db, source)
        },
        /// How many commitments of a unit the viewer may see.
        pub unit_commitment_counts: ChildCounts<CommitmentsOfUnit> =
            |s| ChildCounts::new(&s.db, Ok(policy::commitments::commitments_visible_to(&s.viewer))),
        /// A page of a unit's commitments.
        pub unit_commitment_pages: ChildPages<CommitmentsOfUnit> =
            |s| ChildPages::new(&s.db, Ok(policy::commitments::commitments_visible_to(&s.viewer))),
        /// How many complaints about a unit the viewer may see.
        pub unit_complaint_counts: ChildCounts<ComplaintsOfUnit> = |s| ChildCounts::new(&s.db, complaints(&s.viewer)),
        /// A page of the complaints about a unit.
        pub unit_complaint_pages: ChildPages<ComplaintsOfUnit> = |s| ChildPages::new(&s.db, complaints(&s.viewer)),
        /// How many proposals a unit handles that the viewer may see.
        pub unit_proposal_counts: ChildCounts<ProposalsOfUnit> = |s| ChildCounts::new(&s.db, proposals(&s.viewer)),
        /// A page of the proposals a unit handles.
        pub unit_proposal_pages: ChildPages<ProposalsOfUnit> = |s| ChildPages::new(&s.db, proposals(&s.viewer)),
        /// How many procurement contracts of a unit the viewer may see.
        pub unit_contract_counts: ChildCounts<ContractsOfUnit> = |s| ChildCounts::new(&s.db, contracts(&s.viewer)),
        /// A page of a unit's procurement contracts.
        pub unit_contract_pages: ChildPages<ContractsOfUnit> = |s| ChildPages::new(&s.db, contracts(&s.viewer)),
        /// How many credit pledges of an agreement the viewer may see.
        pub agreement_pledge_counts: ChildCounts<PledgesOfAgreement> =
            |s| ChildCounts::new(&s.db, Ok(policy::commitments::commitments_visible_to(&s.viewer))),
        /// A page of an agreement's credit pledges.
        pub agreement_pledge_pages: ChildPages<PledgesOfAgreement> =
            |s| ChildPages::new(&s.db, Ok(policy::commitments::commitments_visible_to(&s.viewer))),
        /// How many records of a PPP project the viewer may see.
        pub ppp_record_counts: ChildCounts<RecordsOfPppProject> =
            |s| ChildCounts::new(&s.db, s.records_from(RecordsOfPppProject::SOURCE)),
        /// A page of a PPP project's records.
        pub ppp_record_pages: ChildPages<RecordsOfPppProject> =
            |s| ChildPages::new(&s.db, s.records_from(RecordsOfPppProject::SOURCE)),
        /// How many records of a tender the viewer may see.
        pub tender_record_counts: ChildCounts<RecordsOfTender> =
            |s| ChildCounts::new(&s.db, s.records_from(RecordsOfTender::SOURCE)),
        /// A page of a tender's records.
        pub tender_record_pages: ChildPages<RecordsOfTender> =
            |s| ChildPages::new(&s.db, s.records_from(RecordsOfTender::SOURCE)),
        /// A PPP project's responsibility trail.
        pub ppp_trails: ChildRows<AssignmentsOfProject> = |s| ChildRows::new(&s.db),
        /// A record's rectifications.
        pub record_rectifications: ChildRows<RectificationsOfRecord> = |s| ChildRows::new(&s.db),
        /// A record's objections.
        pub record_objections: ChildRows<ObjectionsOfRecord> = |s| ChildRows::new(&s.db),
        /// A record's repair applications.
        pub record_repairs: ChildRows<RepairsOfRecord> = |s| ChildRows::new(&s.db),
        /// A record's listing events.
        pub record_listing_events: ChildRows<ListingEventsOfRecord> = |s| ChildRows::new(&s.db),
        /// A proposal's handling rounds.
        pub proposal_rounds: ChildRows<RoundsOfProposal> = |s| ChildRows::new(&s.db),
        /// An official's transfers.
        pub official_transfers: ChildRows<TransfersOfOfficial> = |s| ChildRows::new(&s.db),
        /// A plan task's lead units.
        pub task_lead_units: TaskLeadUnits = |s| TaskLeadUnits::new(&s.db),
        /// A plan task's progress reports.
        pub task_reports: ChildRows<ReportsOfTask> = |s| ChildRows::new(&s.db),
        /// How many progress reports of a task the viewer may see.
        pub task_report_counts: ChildCounts<ReportsOfTask> = |s| ChildCounts::new(&s.db, reports(&s.viewer)),
        /// A page of a task's progress reports.
        pub task_report_pages: ChildPages<ReportsOfTask> = |s| ChildPages::new(&s.db, reports(&s.viewer)),
        /// Whether a unit may receive honours.
        pub unit_honours: UnitHonours = |s| UnitHonours::new(&s.db, s.today),
        /// Whether an official may receive an award.
        pub official_honours: OfficialHonours = |s| OfficialHonours::new(&s.db, s.today),
        /// An official's training minutes per year.
        pub training_minutes: TrainingMinutes = |s| TrainingMinutes::new(&s.db),
    }
}

fn complaints(viewer: &Viewer) -> Result<sea_orm::Condition, AppError> {
    policy::may(viewer, policy::Operation::ListComplaints).map(|_| policy::complaints::complaints_visible_to(viewer))
}

fn proposals(viewer: &Viewer) -> Result<sea_orm::Condition, AppError> {
    policy::may(viewer, policy::Operation::ListProposals).map(|_| policy::proposals::proposals_visible_to(viewer))
}

fn contracts(viewer: &Viewer) -> Result<sea_orm::Condition, AppError> {
    policy::may(viewer, policy::Operation::ListSectorProjects).map(|_| {
        policy::sectors::sector_rows_visible_to(
            viewer,
            entity::enums::Sector::Procurement,
            entity::procurement_contract::Column::PurchaserUnitId,
        )
    })
}

fn reports(viewer: &Viewer) -> Result<sea_orm::Condition, AppError> {
    policy::can_read_plan_tasks(viewer).map(|_| sea_orm::Condition::all())
}
