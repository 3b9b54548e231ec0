//! What each role's introspection shows: one `visible` function per operation of the policy's
//! matrix. They only hide; the resolvers still ask the policy at run time (a hidden field can
//! still be queried, and then it answers `FORBIDDEN` or `UNAUTHENTICATED`).

use async_graphql::Context;

use crate::auth::{
    policy::{allowed, Operation},
    Viewer,
};

fn shown(ctx: &Context<'_>, operation: Operation) -> bool {
    ctx.data::<Viewer>().is_ok_and(|viewer| allowed(viewer.role, operation))
}

macro_rules! visible_for {
    ($($name:ident => $operation:ident),* $(,)?) => {
        $(
            #[doc = concat!("Shown to those who may ", stringify!($operation), ".")]
            pub fn $name(ctx: &Context<'_>) -> bool {
                shown(ctx, Operation::$operation)
            }
        )*
    };
}

visible_for! {
    list_officials => ListOfficials,
    list_plan_tasks => ListPlanTasks,
    list_credit_records => ListCreditRecords,
    credit_check => CreditCheck,
    read_audit_log => ReadAuditLog,
    manage_users => ManageUsers,
    manage_api_tokens => ManageApiTokens,
    login => Login,
    logout => Logout,
    create_credit_record => CreateCreditRecord,
    change_credit_record => ChangeCreditRecord,
    manage_platform_pushes => ManagePlatformPushes,
    keep_commitments => KeepCommitments,
    record_training => RecordTraining,
    read_record_workflows => ReadRecordWorkflows,
    manage_rectifications => ManageRectifications,
    submit_rectifications => SubmitRectifications,
    record_court_removal => RecordCourtRemoval,
    file_objections => FileObjections,
    decide_objections => DecideObjections,
    apply_for_repair => ApplyForRepair,
    decide_repairs => DecideRepairs,
    list_complaints => ListComplaints,
    submit_complaint => SubmitComplaint,
    triage_complaints => TriageComplaints,
    reply_to_complaints => ReplyToComplaints,
    list_proposals => ListProposals,
    manage_proposals => ManageProposals,
    reply_to_proposals => ReplyToProposals,
    run_deadline_sweep => RunDeadlineSweep,
    list_accountability_proposals => ListAccountabilityProposals,
    decide_accountability => DecideAccountability,
    manage_units => ManageUnits,
    manage_officials => ManageOfficials,
    list_recording_authorities => ListRecordingAuthorities,
    manage_recording_authorities => ManageRecordingAuthorities,
    list_sector_projects => ListSectorProjects,
    keep_sector_projects => KeepSectorProjects,
    report_task_progress => ReportTaskProgress,
    manage_evaluations => ManageEvaluations,
    read_dashboard => ReadDashboard,
}

/// The complainant's contact fields: shown to the credit office and the administrator only.
pub fn complainant_contact(ctx: &Context<'_>) -> bool {
    ctx.data::<Viewer>().is_ok_and(crate::auth::policy::complaints::sees_complainant)
}

/// The mutation root: shown to a role that may run at least one mutation (an evaluator may run
/// none, so its schema has no mutation type).
pub fn any_mutation(ctx: &Context<'_>) -> bool {
    any_field_of("Mutation", ctx)
}

/// Whether the viewer may use any subscription: otherwise the schema it sees has no
/// `Subscription` type at all.
pub fn any_subscription(ctx: &Context<'_>) -> bool {
    any_field_of("Subscription", ctx)
}

fn any_field_of(root: &str, ctx: &Context<'_>) -> bool {
    let Some(async_graphql::registry::MetaType::Object { fields, .. }) = ctx.schema_env.registry.types.get(root) else {
        return false;
    };
    fields.values().any(|field| field.visible.is_none_or(|visible| visible(ctx)))
}
