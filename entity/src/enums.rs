//! Enumerations stored as their UPPER_CASE names in `varchar(32)` columns.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UnitKind {
    #[sea_orm(string_value = "COUNTY_GOVERNMENT")]
    CountyGovernment,
    #[sea_orm(string_value = "DEPARTMENT")]
    Department,
    #[sea_orm(string_value = "PUBLIC_INSTITUTION")]
    PublicInstitution,
    #[sea_orm(string_value = "TOWNSHIP")]
    Township,
    #[sea_orm(string_value = "VILLAGE_COMMITTEE")]
    VillageCommittee,
    #[sea_orm(string_value = "RESIDENTS_COMMITTEE")]
    ResidentsCommittee,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OfficialCategory {
    #[sea_orm(string_value = "CIVIL_SERVANT")]
    CivilServant,
    #[sea_orm(string_value = "INSTITUTION_STAFF")]
    InstitutionStaff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OfficialStatus {
    #[sea_orm(string_value = "ACTIVE")]
    Active,
    #[sea_orm(string_value = "TRANSFERRED")]
    Transferred,
    #[sea_orm(string_value = "RETIRED")]
    Retired,
    #[sea_orm(string_value = "LEFT")]
    Left,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    #[sea_orm(string_value = "ADMIN")]
    Admin,
    #[sea_orm(string_value = "CREDIT_OFFICE")]
    CreditOffice,
    #[sea_orm(string_value = "RECORDER")]
    Recorder,
    #[sea_orm(string_value = "PERSONNEL")]
    Personnel,
    #[sea_orm(string_value = "UNIT_CLERK")]
    UnitClerk,
    #[sea_orm(string_value = "LEADER")]
    Leader,
    #[sea_orm(string_value = "EVALUATOR")]
    Evaluator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SubjectType {
    #[sea_orm(string_value = "UNIT")]
    Unit,
    #[sea_orm(string_value = "OFFICIAL")]
    Official,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Polarity {
    #[sea_orm(string_value = "HONOR")]
    Honor,
    #[sea_orm(string_value = "DISHONESTY")]
    Dishonesty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RecordCategory {
    #[sea_orm(string_value = "JUDICIAL_JUDGMENT")]
    JudicialJudgment,
    #[sea_orm(string_value = "ADMINISTRATIVE_PENALTY")]
    AdministrativePenalty,
    #[sea_orm(string_value = "DISCIPLINARY_SANCTION")]
    DisciplinarySanction,
    #[sea_orm(string_value = "ACCOUNTABILITY")]
    Accountability,
    #[sea_orm(string_value = "DEFAULTED_JUDGMENT_DEBTOR")]
    DefaultedJudgmentDebtor,
    #[sea_orm(string_value = "CONTRACT_BREACH")]
    ContractBreach,
    #[sea_orm(string_value = "COMMITMENT_BREACH")]
    CommitmentBreach,
    #[sea_orm(string_value = "SOCIAL_MORALITY")]
    SocialMorality,
    #[sea_orm(string_value = "COMMENDATION")]
    Commendation,
    #[sea_orm(string_value = "OTHER")]
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Sector {
    #[sea_orm(string_value = "GENERAL")]
    General,
    #[sea_orm(string_value = "PROCUREMENT")]
    Procurement,
    #[sea_orm(string_value = "PPP")]
    Ppp,
    #[sea_orm(string_value = "BIDDING")]
    Bidding,
    #[sea_orm(string_value = "INVESTMENT_PROMOTION")]
    InvestmentPromotion,
    #[sea_orm(string_value = "DEBT")]
    Debt,
    #[sea_orm(string_value = "TOWNSHIP")]
    Township,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Severity {
    #[sea_orm(string_value = "MINOR")]
    Minor,
    #[sea_orm(string_value = "GENERAL")]
    General,
    #[sea_orm(string_value = "SERIOUS")]
    Serious,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RecordStatus {
    #[sea_orm(string_value = "ACTIVE")]
    Active,
    #[sea_orm(string_value = "RECTIFYING")]
    Rectifying,
    #[sea_orm(string_value = "RECTIFIED")]
    Rectified,
    #[sea_orm(string_value = "REPAIRED")]
    Repaired,
    #[sea_orm(string_value = "REVOKED")]
    Revoked,
    /// A 失信被执行人 listing the court removed (移出名单): ended, not repaired.
    #[sea_orm(string_value = "REMOVED")]
    Removed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Disclosure {
    #[sea_orm(string_value = "PUBLIC")]
    Public,
    #[sea_orm(string_value = "SHARED")]
    Shared,
    #[sea_orm(string_value = "RESTRICTED")]
    Restricted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RectificationStatus {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "SUBMITTED")]
    Submitted,
    #[sea_orm(string_value = "ACCEPTED")]
    Accepted,
    #[sea_orm(string_value = "REJECTED")]
    Rejected,
    #[sea_orm(string_value = "OVERDUE")]
    Overdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ListingResolution {
    #[sea_orm(string_value = "OBLIGATION_PERFORMED")]
    ObligationPerformed,
    #[sea_orm(string_value = "SETTLEMENT_PERFORMED")]
    SettlementPerformed,
}

/// What happened to a 失信被执行人 listing after it was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ListingEventKind {
    #[sea_orm(string_value = "EXTENSION")]
    Extension,
    #[sea_orm(string_value = "REMOVAL")]
    Removal,
}

/// The grounds on which the court removes a listing (法释〔2017〕7号 art. 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ListingRemovalGrounds {
    #[sea_orm(string_value = "OBLIGATION_PERFORMED")]
    ObligationPerformed,
    #[sea_orm(string_value = "SETTLEMENT_PERFORMED")]
    SettlementPerformed,
    #[sea_orm(string_value = "CREDITOR_REQUEST")]
    CreditorRequest,
    #[sea_orm(string_value = "ENFORCEMENT_ENDED")]
    EnforcementEnded,
    #[sea_orm(string_value = "TERM_EXPIRED")]
    TermExpired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ObjectionStatus {
    #[sea_orm(string_value = "FILED")]
    Filed,
    #[sea_orm(string_value = "UNDER_REVIEW")]
    UnderReview,
    #[sea_orm(string_value = "UPHELD")]
    Upheld,
    #[sea_orm(string_value = "DISMISSED")]
    Dismissed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RepairStatus {
    #[sea_orm(string_value = "SUBMITTED")]
    Submitted,
    #[sea_orm(string_value = "APPROVED")]
    Approved,
    #[sea_orm(string_value = "REJECTED")]
    Rejected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CommitmentKind {
    #[sea_orm(string_value = "SERVICE_QUALITY")]
    ServiceQuality,
    #[sea_orm(string_value = "DEADLINE")]
    Deadline,
    #[sea_orm(string_value = "GUARANTEE")]
    Guarantee,
    #[sea_orm(string_value = "POLICY")]
    Policy,
    #[sea_orm(string_value = "CONTRACT")]
    Contract,
    #[sea_orm(string_value = "TOWNSHIP_PUBLIC")]
    TownshipPublic,
    #[sea_orm(string_value = "CREDIT_PLEDGE")]
    CreditPledge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CommitmentStatus {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "FULFILLED")]
    Fulfilled,
    #[sea_orm(string_value = "BREACHED")]
    Breached,
    #[sea_orm(string_value = "CHANGED_LAWFULLY")]
    ChangedLawfully,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ComplaintChannel {
    #[sea_orm(string_value = "HOTLINE_12345")]
    #[serde(rename = "HOTLINE_12345")]
    Hotline12345,
    #[sea_orm(string_value = "WEBSITE")]
    Website,
    #[sea_orm(string_value = "MEDIA")]
    Media,
    #[sea_orm(string_value = "LETTER")]
    Letter,
    #[sea_orm(string_value = "OTHER")]
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ComplaintStatus {
    #[sea_orm(string_value = "RECEIVED")]
    Received,
    #[sea_orm(string_value = "ASSIGNED")]
    Assigned,
    #[sea_orm(string_value = "REPLIED")]
    Replied,
    #[sea_orm(string_value = "SUBSTANTIATED")]
    Substantiated,
    #[sea_orm(string_value = "UNFOUNDED")]
    Unfounded,
    #[sea_orm(string_value = "CLOSED")]
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProposalKind {
    #[sea_orm(string_value = "NPC_SUGGESTION")]
    NpcSuggestion,
    #[sea_orm(string_value = "CPPCC_PROPOSAL")]
    CppccProposal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProposalStatus {
    #[sea_orm(string_value = "ASSIGNED")]
    Assigned,
    #[sea_orm(string_value = "REPLIED")]
    Replied,
    #[sea_orm(string_value = "CLOSED")]
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Satisfaction {
    #[sea_orm(string_value = "SATISFIED")]
    Satisfied,
    #[sea_orm(string_value = "BASICALLY_SATISFIED")]
    BasicallySatisfied,
    #[sea_orm(string_value = "UNSATISFIED")]
    Unsatisfied,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProcurementMethod {
    #[sea_orm(string_value = "PUBLIC_TENDER")]
    PublicTender,
    #[sea_orm(string_value = "INVITED_TENDER")]
    InvitedTender,
    #[sea_orm(string_value = "COMPETITIVE_NEGOTIATION")]
    CompetitiveNegotiation,
    #[sea_orm(string_value = "COMPETITIVE_CONSULTATION")]
    CompetitiveConsultation,
    #[sea_orm(string_value = "SINGLE_SOURCE")]
    SingleSource,
    #[sea_orm(string_value = "INQUIRY")]
    Inquiry,
    #[sea_orm(string_value = "FRAMEWORK_AGREEMENT")]
    FrameworkAgreement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Acceptance {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "PASSED")]
    Passed,
    #[sea_orm(string_value = "FAILED")]
    Failed,
}

/// Where a procurement contract's payment stands, as `procurement_tally` counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PaymentState {
    /// No payment due yet (not accepted, or failed).
    #[sea_orm(string_value = "NONE")]
    None,
    /// Paid on or before its due day.
    #[sea_orm(string_value = "ON_TIME")]
    OnTime,
    /// Paid after its due day.
    #[sea_orm(string_value = "LATE")]
    Late,
    /// Due and not paid: late once its due day has passed.
    #[sea_orm(string_value = "UNPAID")]
    Unpaid,
}

/// How a tender invites bids (招标投标法 art. 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TenderMethod {
    #[sea_orm(string_value = "PUBLIC_TENDER")]
    PublicTender,
    #[sea_orm(string_value = "INVITED_TENDER")]
    InvitedTender,
}

/// Where a tender stands: open until it is awarded or fails (流标).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TenderStatus {
    #[sea_orm(string_value = "OPEN")]
    Open,
    #[sea_orm(string_value = "AWARDED")]
    Awarded,
    #[sea_orm(string_value = "FAILED")]
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PppStage {
    #[sea_orm(string_value = "PREPARATION")]
    Preparation,
    #[sea_orm(string_value = "BIDDING")]
    Bidding,
    #[sea_orm(string_value = "PROCUREMENT")]
    Procurement,
    #[sea_orm(string_value = "FINANCING")]
    Financing,
    #[sea_orm(string_value = "IMPLEMENTATION")]
    Implementation,
    #[sea_orm(string_value = "HANDOVER")]
    Handover,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AgreementStatus {
    #[sea_orm(string_value = "ACTIVE")]
    Active,
    #[sea_orm(string_value = "FULFILLED")]
    Fulfilled,
    #[sea_orm(string_value = "BREACHED")]
    Breached,
    #[sea_orm(string_value = "CHANGED_LAWFULLY")]
    ChangedLawfully,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DebtKind {
    #[sea_orm(string_value = "GENERAL_BOND")]
    GeneralBond,
    #[sea_orm(string_value = "SPECIAL_BOND")]
    SpecialBond,
    #[sea_orm(string_value = "LOAN")]
    Loan,
    #[sea_orm(string_value = "OTHER")]
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DebtStatus {
    #[sea_orm(string_value = "OUTSTANDING")]
    Outstanding,
    #[sea_orm(string_value = "REPAID")]
    Repaid,
    #[sea_orm(string_value = "OVERDUE")]
    Overdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Grade {
    #[sea_orm(string_value = "A")]
    A,
    #[sea_orm(string_value = "B")]
    B,
    #[sea_orm(string_value = "C")]
    C,
    #[sea_orm(string_value = "D")]
    D,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TaskProgressStatus {
    #[sea_orm(string_value = "NOT_STARTED")]
    NotStarted,
    #[sea_orm(string_value = "IN_PROGRESS")]
    InProgress,
    #[sea_orm(string_value = "COMPLETED")]
    Completed,
    #[sea_orm(string_value = "DELAYED")]
    Delayed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PushStatus {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "SENT")]
    Sent,
    #[sea_orm(string_value = "FAILED")]
    Failed,
}

/// A disciplinary sanction (政务处分法 art. 7) and, with it, its period (art. 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Sanction {
    #[sea_orm(string_value = "WARNING")]
    Warning,
    #[sea_orm(string_value = "DEMERIT")]
    Demerit,
    #[sea_orm(string_value = "MAJOR_DEMERIT")]
    MajorDemerit,
    #[sea_orm(string_value = "DEMOTION")]
    Demotion,
    #[sea_orm(string_value = "DISMISSAL")]
    Dismissal,
    #[sea_orm(string_value = "EXPULSION")]
    Expulsion,
}

/// Why a government commitment or agreement was changed (优化营商环境条例 art. 31). The last four
/// are named so that they can be refused: a government may not break its word for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ChangeGround {
    #[sea_orm(string_value = "NATIONAL_INTEREST")]
    NationalInterest,
    #[sea_orm(string_value = "PUBLIC_INTEREST")]
    PublicInterest,
    #[sea_orm(string_value = "LAW_CHANGED")]
    LawChanged,
    #[sea_orm(string_value = "FORCE_MAJEURE")]
    ForceMajeure,
    #[sea_orm(string_value = "GOVERNMENT_TURNOVER")]
    GovernmentTurnover,
    #[sea_orm(string_value = "RESPONSIBLE_PERSON_CHANGED")]
    ResponsiblePersonChanged,
    #[sea_orm(string_value = "DIVISION_ADJUSTED")]
    DivisionAdjusted,
    #[sea_orm(string_value = "REORGANISED")]
    Reorganised,
}

/// An accountability proposal's state: PROPOSED → CONFIRMED | DISMISSED.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AccountabilityStatus {
    #[sea_orm(string_value = "PROPOSED")]
    Proposed,
    #[sea_orm(string_value = "CONFIRMED")]
    Confirmed,
    #[sea_orm(string_value = "DISMISSED")]
    Dismissed,
}
