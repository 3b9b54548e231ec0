//! The role × operation matrix: which actor may run which query or mutation at all. Row-level
//! rules (which records, which officials) come on top, in the sibling modules.

use super::{Role, Viewer};
use crate::error::{AppError, Reason};

/// Every operation of the API, as the matrix names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    Me,
    Node,
    ListUnits,
    ListOfficials,
    ListPlanTasks,
    ListCreditRecords,
    ListPublicRecords,
    CreditCheck,
    ReadAuditLog,
    ManageUsers,
    ManageApiTokens,
    Login,
    Logout,
    CreateCreditRecord,
    ChangeCreditRecord,
    ManagePlatformPushes,
    ListCommitments,
    KeepCommitments,
    RecordTraining,
    ReadRecordWorkflows,
    ManageRectifications,
    SubmitRectifications,
    RecordCourtRemoval,
    FileObjections,
    DecideObjections,
    ApplyForRepair,
    DecideRepairs,
    SubmitComplaint,
    FollowComplaint,
    ListComplaints,
    TriageComplaints,
    ReplyToComplaints,
    ListProposals,
    ManageProposals,
    ReplyToProposals,
    RunDeadlineSweep,
    ListAccountabilityProposals,
    DecideAccountability,
    ManageUnits,
    ManageOfficials,
    ListRecordingAuthorities,
    ManageRecordingAuthorities,
    ListSectorProjects,
    KeepSectorProjects,
    ReportTaskProgress,
    ListEvaluations,
    ManageEvaluations,
    ReadDashboard,
    ExportEvaluations,
}

impl Operation {
    /// Every operation, for the matrix test and the role-scoped schema.
    pub const ALL: [Operation; 49] = [
        Operation::Me,
        Operation::Node,
        Operation::ListUnits,
        Operation::ListOfficials,
        Operation::ListPlanTasks,
        Operation::ListCreditRecords,
        Operation::ListPublicRecords,
        Operation::CreditCheck,
        Operation::ReadAuditLog,
        Operation::ManageUsers,
        Operation::ManageApiTokens,
        Operation::Login,
        Operation::Logout,
        Operation::CreateCreditRecord,
        Operation::ChangeCreditRecord,
        Operation::ManagePlatformPushes,
        Operation::ListCommitments,
        Operation::KeepCommitments,
        Operation::RecordTraining,
        Operation::ReadRecordWorkflows,
        Operation::ManageRectifications,
        Operation::SubmitRectifications,
        Operation::RecordCourtRemoval,
        Operation::FileObjections,
        Operation::DecideObjections,
        Operation::ApplyForRepair,
        Operation::DecideRepairs,
        Operation::SubmitComplaint,
        Operation::FollowComplaint,
        Operation::ListComplaints,
        Operation::TriageComplaints,
        Operation::ReplyToComplaints,
        Operation::ListProposals,
        Operation::ManageProposals,
        Operation::ReplyToProposals,
        Operation::RunDeadlineSweep,
        Operation::ListAccountabilityProposals,
        Operation::DecideAccountability,
        Operation::ManageUnits,
        Operation::ManageOfficials,
        Operation::ListRecordingAuthorities,
        Operation::ManageRecordingAuthorities,
        Operation::ListSectorProjects,
        Operation::KeepSectorProjects,
        Operation::ReportTaskProgress,
        Operation::ListEvaluations,
        Operation::ManageEvaluations,
        Operation::ReadDashboard,
        Operation::ExportEvaluations,
    ];
}

impl Operation {
    /// The operation's stable name for clients (`ListCreditRecords` → `LIST_CREDIT_RECORDS`), as
    /// `me.permissions` gives it.
    pub fn name(self) -> String {
        let mut name = String::new();
        for (index, letter) in format!("{self:?}").chars().enumerate() {
            if letter.is_ascii_uppercase() && index > 0 {
                name.push('_');
            }
            name.push(letter.to_ascii_uppercase());
        }
        name
    }
}

/// Whether `role` (`None`: anonymous) may run `operation`.
pub fn allowed(role: Option<Role>, operation: Operation) -> bool {
    use Operation::*;
    use Role::*;
    match operation {
        // Following a complaint needs only its reference, which only the complainant holds.
        Me | Node | ListUnits | ListPublicRecords | ListCommitments | FollowComplaint => true,
        // The public's complaint form; evaluation firms are read-only.
        SubmitComplaint => role != Some(Evaluator),
        ReadRecordWorkflows => role.is_some(),
        ManageRectifications => matches!(role, Some(Admin | CreditOffice | Recorder)),
        // Only the court marks a 失信被执行人 listing removed; the row rule checks its unit.
        RecordCourtRemoval => role == Some(Recorder),
        // The 监委's recorder decides accountability; the row rule checks its unit's authority.
        DecideAccountability => role == Some(Recorder),
        ListAccountabilityProposals => matches!(role, Some(Admin | CreditOffice | Leader | Recorder)),
        SubmitRectifications | ReplyToComplaints | ReplyToProposals => matches!(role, Some(Admin | UnitClerk)),
        FileObjections | ApplyForRepair => matches!(role, Some(Admin | UnitClerk | Personnel)),
        DecideObjections | DecideRepairs | TriageComplaints | ManageProposals | RunDeadlineSweep => {
            matches!(role, Some(Admin | CreditOffice))
        }
        ListComplaints => matches!(role, Some(Admin | CreditOffice | Leader | Evaluator | UnitClerk)),
        ListProposals => matches!(role, Some(Admin | CreditOffice | Leader | UnitClerk)),
        KeepCommitments => matches!(role, Some(Admin | CreditOffice | UnitClerk)),
        // Sign-in is for callers without a token.
        Login => role.is_none(),
        // Anyone signed in may end their own session; an evaluation firm's read-only token is
        // revoked by the administrator.
        Logout => role.is_some() && role != Some(Evaluator),
        ListPlanTasks | ListCreditRecords => role.is_some(),
        ListOfficials => matches!(role, Some(Admin | CreditOffice | Recorder | Personnel | UnitClerk | Leader)),
        CreditCheck | RecordTraining => matches!(role, Some(Admin | Personnel)),
        ReadAuditLog | ManageUsers | ManageApiTokens | ManagePlatformPushes => role == Some(Admin),
        // The register: the administrator keeps the unit tree and who may record what; the
        // personnel office keeps the officials.
        ManageUnits | ManageRecordingAuthorities => role == Some(Admin),
        ManageOfficials => matches!(role, Some(Admin | Personnel)),
        ListRecordingAuthorities => matches!(role, Some(Admin | CreditOffice | Recorder | Leader)),
        // The key sectors: evaluation firms read them; the row rules give a clerk its subtree's,
        // or a lead department's clerk the whole sector's.
        ListSectorProjects => matches!(role, Some(Admin | CreditOffice | Leader | Evaluator | UnitClerk)),
        KeepSectorProjects => matches!(role, Some(Admin | CreditOffice | UnitClerk)),
        // Plan supervision: a lead unit's clerk reports for its unit; the credit office and the
        // administrator for any lead unit.
        ReportTaskProgress => matches!(role, Some(Admin | CreditOffice | UnitClerk)),
        // Evaluation: published results are public (the row rule); the credit office computes.
        ListEvaluations => true,
        ManageEvaluations => matches!(role, Some(Admin | CreditOffice)),
        // Dashboards: leadership and the credit office; evaluation firms count what they may
        // count, a clerk its subtree (policy::dashboards).
        ReadDashboard => matches!(role, Some(Admin | CreditOffice | Leader | Evaluator | UnitClerk)),
        // The evaluation download: evaluation firms (published periods, by the row rule),
        // leadership and the credit office.
        ExportEvaluations => matches!(role, Some(Admin | CreditOffice | Leader | Evaluator)),
        // PERSONNEL records honours of officials; the row rules say which records.
        CreateCreditRecord | ChangeCreditRecord => matches!(role, Some(Admin | CreditOffice | Recorder | Personnel)),
    }
}

/// [`allowed`] as an error: `UNAUTHENTICATED` for the anonymous public, `FORBIDDEN` otherwise.
pub fn may(viewer: &Viewer, operation: Operation) -> Result<(), AppError> {
    if allowed(viewer.role, operation) {
        Ok(())
    } else if viewer.is_anonymous() {
        Err(AppError::Unauthenticated(Reason::SignInToDo))
    } else {
        Err(AppError::forbidden())
    }
}
