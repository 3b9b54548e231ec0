//! Query root: one file per resource, merged.

mod accountability;
mod accounts;
mod audit_log;
pub(crate) mod commitments;
mod complaint_status;
pub(crate) mod complaints;
mod credit_check;
pub(crate) mod credit_records;
mod dashboard;
mod debt;
mod evaluations;
pub(crate) mod filters;
mod integrity_lists;
mod investment_agreements;
pub(crate) mod list_orders;
mod me;
mod node;
mod objections;
mod officials;
mod plan_tasks;
mod platform_pushes;
mod ppp_projects;
pub mod procurement_contracts;
pub(crate) mod proposals;
mod public_records;
mod queues;
mod recording_authorities;
mod rectifications;
mod repair_applications;
mod tender_projects;
mod units;

use async_graphql::MergedObject;

/// Everything that can be read.
#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct QueryRoot(
    me::MeQuery,
    node::NodeQuery,
    units::UnitQuery,
    officials::OfficialQuery,
    plan_tasks::PlanTaskQuery,
    credit_records::CreditRecordQuery,
    public_records::PublicRecordQuery,
    accounts::AccountQuery,
    credit_check::CreditCheckQuery,
    audit_log::AuditLogQuery,
    platform_pushes::PlatformPushQuery,
    commitments::CommitmentQuery,
    complaints::ComplaintQuery,
    complaint_status::ComplaintStatusQuery,
    proposals::ProposalQuery,
    accountability::AccountabilityQuery,
    recording_authorities::RecordingAuthorityQuery,
    rectifications::RectificationQuery,
    objections::ObjectionQuery,
    repair_applications::RepairApplicationQuery,
    procurement_contracts::ProcurementContractQuery,
    investment_agreements::InvestmentAgreementQuery,
    debt::DebtQuery,
    ppp_projects::PppProjectQuery,
    tender_projects::TenderProjectQuery,
    evaluations::EvaluationQuery,
    dashboard::DashboardQuery,
    integrity_lists::IntegrityListQuery,
);
