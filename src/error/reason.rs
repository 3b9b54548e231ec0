//! Why a request was refused: one variant per rule, each with a stable machine code
//! (`extensions.reason`, the variant's name in SCREAMING_SNAKE_CASE) that a frontend can match
//! and translate. Its words are rendered in `reason_words`.

use strum::{EnumIter, IntoStaticStr};

/// One rule a request broke. The English message of each variant is on its line.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr, EnumIter)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Reason {
    // Any field.
    /// must not be empty
    Required,
    /// at most {max} characters
    TooLong { max: usize },
    /// {min} to {max} characters
    LengthBetween { min: usize, max: usize },
    /// must not be in the future
    DateInFuture,
    /// must not be in the past
    DateInPast,
    /// must be after today
    NotAfterToday,
    /// must not be negative
    Negative,
    /// between {min} and {max}
    NumberBetween { min: i64, max: i64 },
    /// the value does not parse ({detail}, as the GraphQL library words it)
    InvalidValue { detail: String },
    /// yuan with at most two decimals (fen)
    MoneyFen,

    // Paging and ids.
    /// not a valid cursor
    InvalidCursor,
    /// this cursor belongs to another sort order; start again from the first page
    CursorOfAnotherOrder,
    /// use either first or last, not both
    FirstAndLast,
    /// not a valid id
    InvalidId,
    /// not a {expected} id
    WrongIdType { expected: String },

    // Codes the law defines.
    /// a USCC has 18 characters
    UsccLength,
    /// a USCC uses only 0-9 and A-H J-N P Q R T U W X Y
    UsccCharacter,
    /// characters 3 to 8 of a USCC are the administrative division code
    UsccDivision,
    /// the USCC's check character does not match (GB 32100)
    UsccCheckCharacter,
    /// an identity card number has 18 characters
    IdNumberLength,
    /// 17 digits and a digit or X
    IdNumberCharacter,
    /// characters 7 to 14 are a real birth date, not in the future
    IdNumberBirthDate,
    /// the identity number's check character does not match (GB 11643)
    IdNumberCheckCharacter,
    /// 7 to 20 digits
    PhoneFormat,
    /// 6 to 12 digits
    DivisionCodeFormat,
    /// 1 to 32 letters, digits and dashes
    WorkOrderNumberFormat,
    /// 3 to 64 characters of a-z, 0-9, '.', '_' or '-'
    UsernameFormat,

    // What an input names.
    /// no such unit
    UnknownUnit,
    /// no such official
    UnknownOfficial,
    /// no such record
    UnknownRecord,
    /// the official does not belong to the unit
    OfficialNotInUnit,
    /// an official of the unit held to account
    OfficialNotAccountable,
    /// another unit holds this USCC
    UsccTaken,
    /// another official holds this identity number
    IdNumberTaken,
    /// the username is already taken
    UsernameTaken,
    /// the number is already registered for this kind
    NumberTaken,
    /// already granted to this unit
    AlreadyGranted,

    // Accounts and tokens.
    /// evaluation firms get API tokens, not accounts
    EvaluatorNeedsToken,
    /// you cannot change your own role or deactivate yourself
    OwnAccount,

    // The unit tree.
    /// a unit cannot move under itself or its own subunits
    UnitUnderItself,
    /// the county government is the root of the tree
    CountyIsRoot,
    /// every unit but the county government has a parent
    ParentRequired,
    /// a village or residents' committee belongs to a township
    VillageUnderTownship,

    // Credit records.
    /// COMMENDATION goes with HONOR, every other category with DISHONESTY
    CommendationIsHonor,
    /// a 失信被执行人 listing is SERIOUS
    ListingIsSerious,
    /// a unit's 失信被执行人 listing is PUBLIC
    ListingIsPublic,
    /// must not be before occurredOn
    DecidedBeforeOccurred,
    /// an official's record is never PUBLIC
    OfficialRecordNotPublic,
    /// a MINOR record is not published
    MinorNotPublished,
    /// a disciplinary record names its sanction
    SanctionRequired,
    /// barred from honours (取消参加各类荣誉评选资格) by {records}
    HonoursBarred { records: Vec<String> },
    /// only a DISCIPLINARY_SANCTION record has a sanction
    SanctionOnlyForDisciplinary,
    /// only a dishonesty record qualifies
    NotDishonesty,
    /// only a 失信被执行人 listing qualifies
    NotAListing,
    /// the record was revoked
    RecordRevoked,

    // Workflows.
    /// a listing's rectification is OBLIGATION_PERFORMED or SETTLEMENT_PERFORMED
    ListingResolutionRequired,
    /// only a rejection sets a new deadline
    NewDeadlineOnlyOnRejection,
    /// between the submission and today
    RemovalBeforeSubmission,
    /// between the day the grounds arose and today
    RemovalBeforeGrounds,
    /// 1 to {max} years in all ({already} already added)
    ExtensionYears { max: i32, already: i32 },
    /// an upheld objection revokes or corrects the record
    RemedyRequired,
    /// give at least one corrected field
    CorrectionEmpty,

    // Commitments.
    /// give the evidence of fulfilment
    EvidenceRequired,
    /// a lawful change needs its legal basis
    LegalBasisRequired,
    /// a lawful change names its ground
    ChangeGroundRequired,
    /// only for CHANGED_LAWFULLY
    OnlyForLawfulChange,
    /// turnover or a change of responsible person is no ground
    TurnoverIsNoGround,
    /// a breached public commitment is published, so not MINOR
    PublicBreachNotMinor,
    /// TOWNSHIP_PUBLIC is for township-level units
    TownshipPublicForTownships,
    /// one of {areas}
    UnknownServiceArea { areas: String },

    // Complaints.
    /// describe the matter in at least 10 characters
    ContentTooShort,
    /// only a 12345 hotline call has a work-order number
    WorkOrderOnlyForHotline,
    /// a dishonesty record of the complaint's target unit
    RecordNotOfTarget,
    /// SUBSTANTIATED, UNFOUNDED or CLOSED
    NotAnOutcome,
    /// only a substantiated complaint creates or names a record
    RecordOnlyWhenSubstantiated,
    /// name an existing record or create one, not both
    RecordGivenTwice,
    /// a complaint leads to dishonesty
    ComplaintLeadsToDishonesty,

    // Proposals.
    /// only with UNSATISFIED
    OnlyWhenUnsatisfied,
    /// must not be before the assignment
    DueBeforeAssignment,
    /// at most six months after the assignment
    DueBeyondSixMonths,
    /// only for a due date beyond three months
    ExtensionReasonNotNeeded,
    /// beyond three months needs an extension with its reason
    ExtensionReasonRequired,
    /// must be after the current due date
    DueNotLater,

    // Sectors.
    /// at most {max} days (保障中小企业款项支付条例 art. 8)
    PaymentTermTooLong { max: i32 },
    /// payment falls due only after the acceptance passed
    NotAccepted,
    /// must not be before {earliest}
    DateTooEarly { earliest: chrono::NaiveDate },
    /// the contract is already paid
    AlreadyPaid,
    /// the project number is already registered
    ProjectNumberTaken,
    /// must be more than 0
    NotPositive,
    /// no such investment agreement
    UnknownAgreement,
    /// only a CREDIT_PLEDGE is made for an agreement
    NotAPledge,
    /// the agreement is another unit's
    AgreementOfAnotherUnit,
    /// PASSED or FAILED
    NotAnAcceptance,
    /// the official does not serve the project's government-side unit or a unit under it
    OfficialOutsideProjectUnit,
    /// the official no longer serves
    OfficialNotServing,
    /// no such plan task
    UnknownTask,
    /// the unit does not lead this task
    NotALeadUnit,
    /// a half year such as 2026-H1
    NotAPeriod,
    /// a period lies within one calendar year
    PeriodWithinAYear,
    /// the name is already taken
    NameTaken,
    /// no such evaluation period
    UnknownPeriod,
    /// the project has not reached {stage}
    StageNotReached { stage: String },
    /// nobody was responsible for {stage} on {day}; assign the stage's responsible official first
    NoOneResponsible { stage: String, day: chrono::NaiveDate },

    // Training.
    /// more than 0 and at most 200 hours
    TrainingHours,

    // FORBIDDEN.
    /// you may not do this
    NotAllowed,
    /// your unit may not record {category} records
    CategoryNotAuthorised { category: String },
    /// your account has no unit to record as
    NoUnitToRecordAs,
    /// only the recording unit or the credit office may change this record
    NotRecordingUnit,
    /// commitments only for your own units
    OwnUnitsOnly,
    /// a breach or lawful change is decided by the credit office
    CreditOfficeDecides,
    /// only the credit office or the recording unit oversees this rectification
    NotOverseer,
    /// only the record's own unit submits its rectification
    NotRecordUnit,
    /// only the court removes a 失信被执行人 listing
    CourtOnly,
    /// only the record's subject may
    NotSubject,
    /// only the handling unit replies
    NotHandlingUnit,
    /// only the 监委's recorder decides accountability
    SupervisoryCommissionOnly,
    /// only the assigned unit replies
    NotAssignedUnit,
    /// only your own units' projects (a lead department: the sector's)
    OutsideYourUnits,
    /// only the credit office or 财政局 sets fiscal capacity
    FinanceBureauOnly,

    // UNAUTHENTICATED.
    /// sign in to do this
    SignInToDo,
    /// sign in to see this
    SignInToSee,
    /// invalid token
    InvalidToken,
    /// token expired
    TokenExpired,
    /// this token has been ended; sign in again
    TokenEnded,
    /// your role or unit changed; sign in again
    StandingChanged,
    /// this account is deactivated
    AccountDeactivated,
    /// this token has been revoked
    TokenRevoked,
    /// invalid username or password
    BadCredentials,
    /// expected `Authorization: Bearer <token>`
    BearerExpected,

    // RATE_LIMITED.
    /// too many failed logins for this account
    AccountLocked,
    /// too many failed logins from this address
    AddressLocked,
    /// one login per request
    OneLoginPerRequest,
    /// too many complaints from this address
    TooManyComplaints,

    // NOT_FOUND.
    /// unit not found
    UnitNotFound,
    /// official not found
    OfficialNotFound,
    /// credit record not found
    RecordNotFound,
    /// rectification not found
    RectificationNotFound,
    /// objection not found
    ObjectionNotFound,
    /// repair application not found
    RepairNotFound,
    /// commitment not found
    CommitmentNotFound,
    /// complaint not found
    ComplaintNotFound,
    /// proposal not found
    ProposalNotFound,
    /// accountability proposal not found
    AccountabilityNotFound,
    /// platform push not found
    PlatformPushNotFound,
    /// user not found
    UserNotFound,
    /// API token not found
    ApiTokenNotFound,
    /// recording authority not found
    AuthorityNotFound,
    /// procurement contract not found
    ContractNotFound,
    /// investment agreement not found
    AgreementNotFound,
    /// PPP project not found
    PppProjectNotFound,
    /// tender project not found
    TenderNotFound,
    /// evaluation period not found
    PeriodNotFound,

    // CONFLICT.
    /// changed meanwhile (now version {current}); reload it
    StaleVersion { current: i32 },
    /// changed by someone else; reload it
    ChangedMeanwhile,
    /// the same key already exists
    DuplicateKey,
    /// the authority was revoked meanwhile
    AuthorityRevokedMeanwhile,

    // INVALID_TRANSITION.
    /// the period is published and frozen
    PeriodPublished,
    /// the period has no evaluations yet; compute them first
    NotComputed,
    /// cannot go from {from} to {to}
    TransitionNotAllowed { from: String, to: String },
    /// not while the record is {status}
    RecordStatusBars { status: String },
    /// already {status}
    AlreadyDecided { status: String },
    /// already revoked
    AlreadyRevoked,
    /// a revoked record cannot be changed
    RevokedUnchangeable,
    /// only a FAILED delivery can be requeued
    PushNotFailed,
    /// only an open round (ASSIGNED) is extended
    RoundNotOpen,
    /// an objection to this record is already open
    ObjectionOpen,
    /// a repair application for this record is already open
    RepairOpen,
    /// a 失信被执行人 listing ends only by the court's removal
    ListingEndsByCourt,
    /// the record's rectification has not been accepted
    RectificationNotAccepted,
    /// the court has not yet removed this listing
    NotYetRemoved,
    /// the court has already removed this listing
    AlreadyRemoved,
    /// the court removes a listing after performance or settlement is submitted
    RemovalNeedsPerformance,
    /// the listing has ended
    ListingEnded,
    /// not yet eligible for credit repair: eligible from {from}
    NotYetEligible { from: chrono::NaiveDate },

    // The HTTP protocol.
    /// send GraphQL requests as application/json
    NotJson,
    /// the body is not a GraphQL request
    NotAGraphqlRequest,
    /// a batch may hold at most {max} operations
    BatchTooLarge { max: usize },
    /// send GraphQL requests with POST
    PostOnly,
    /// GET runs queries only; send mutations with POST
    QueriesOnlyOverGet,
    /// the request body is too large
    BodyTooLarge,
    /// the request took too long
    TimedOut,
    /// method not allowed
    MethodNotAllowed,
    /// no such route
    NoSuchRoute,
    /// bad request
    BadRequest,

    // INTERNAL.
    /// internal error
    Internal,
}
