//! Mutation root: one file per resource, merged.

mod accountability;
mod api_tokens;
mod change_credit_record;
mod commitments;
mod complaints;
mod create_credit_record;
mod deadline_sweep;
mod debt;
mod evaluations;
mod investment;
mod listings;
mod login;
mod logout;
mod objections;
mod platform_pushes;
mod ppp;
mod procurement;
mod proposals;
mod rectifications;
mod register;
mod repairs;
mod submit_complaint;
mod task_progress;
mod tender;
mod training;
mod users;

use async_graphql::MergedObject;

/// Everything that changes state. Each mutation takes one input object and returns a payload.
#[derive(MergedObject, Default)]
#[graphql(name = "Mutation", visible = "crate::graphql::visibility::any_mutation")]
pub struct MutationRoot(
    login::LoginMutation,
    logout::LogoutMutation,
    create_credit_record::CreateCreditRecordMutation,
    change_credit_record::ChangeCreditRecordMutation,
    users::UserMutation,
    api_tokens::ApiTokenMutation,
    platform_pushes::PlatformPushMutation,
    commitments::CommitmentMutation,
    training::TrainingMutation,
    rectifications::RectificationMutation,
    listings::ListingMutation,
    objections::ObjectionMutation,
    repairs::RepairMutation,
    submit_complaint::SubmitComplaintMutation,
    complaints::ComplaintMutation,
    proposals::ProposalMutation,
    deadline_sweep::DeadlineSweepMutation,
    accountability::AccountabilityMutation,
    register::RegisterMutation,
    procurement::ProcurementMutation,
    investment::InvestmentMutation,
    debt::DebtMutation,
    ppp::PppMutation,
    tender::TenderMutation,
    task_progress::TaskProgressMutation,
    evaluations::EvaluationMutation,
);
