//! The Relay `Node` interface.

use async_graphql::{Interface, ID};

use super::{
    AccountabilityProposal, ApiToken, AuditEntry, Commitment, Complaint, CreditRecord, DebtInstrument,
    InvestmentAgreement, ListingEvent, Objection, Official, OfficialTransfer, PlanTask, PlatformPush, PppProject,
    PppStageAssignment, ProcurementContract, Proposal, ProposalRound, PublicRecord, Rectification, RepairApplication,
    TenderProject, Unit, User, ViewerInfo,
};

/// An object with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "The object's opaque global id."))]
pub enum Node {
    Unit(Unit),
    Official(Official),
    PlanTask(PlanTask),
    CreditRecord(CreditRecord),
    Commitment(Commitment),
    Rectification(Rectification),
    Objection(Objection),
    RepairApplication(RepairApplication),
    Complaint(Complaint),
    Proposal(Proposal),
    ProposalRound(ProposalRound),
    ListingEvent(ListingEvent),
    AccountabilityProposal(AccountabilityProposal),
    OfficialTransfer(OfficialTransfer),
    PublicRecord(PublicRecord),
    ProcurementContract(ProcurementContract),
    InvestmentAgreement(InvestmentAgreement),
    DebtInstrument(DebtInstrument),
    PppProject(PppProject),
    PppStageAssignment(PppStageAssignment),
    TenderProject(TenderProject),
    EvaluationPeriod(super::evaluation::EvaluationPeriod),
    Evaluation(super::evaluation::Evaluation),
    PlatformPush(PlatformPush),
    AuditEntry(AuditEntry),
    User(User),
    ApiToken(ApiToken),
    Viewer(ViewerInfo),
}
