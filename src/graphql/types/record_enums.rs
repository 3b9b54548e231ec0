//! GraphQL enums of credit records, each converting to and from the stored enum (`remote`).

use async_graphql::Enum;

/// Whose record it is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::SubjectType")]
pub enum SubjectType {
    /// A unit (government body, institution, village committee …).
    Unit,
    /// A public servant (and the unit they served).
    Official,
}

/// Honour or dishonesty.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Polarity")]
pub enum Polarity {
    /// 守信 / 表彰: an honour.
    Honor,
    /// 失信: a dishonesty record.
    Dishonesty,
}

/// What kind of record.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::RecordCategory")]
pub enum RecordCategory {
    /// 司法判决: a court judgment.
    JudicialJudgment,
    /// 行政处罚: an administrative penalty.
    AdministrativePenalty,
    /// 纪律处分: a disciplinary sanction.
    DisciplinarySanction,
    /// 问责处理: accountability handling.
    Accountability,
    /// 失信被执行人: listed by the court as a defaulted judgment debtor.
    DefaultedJudgmentDebtor,
    /// 违约毁约: breach or repudiation of a contract.
    ContractBreach,
    /// 承诺未践行: a commitment not kept.
    CommitmentBreach,
    /// 违反社会公德: a breach of social morality.
    SocialMorality,
    /// 荣誉表彰: a commendation (an honour).
    Commendation,
    /// Anything else.
    Other,
}

/// The key sector a record belongs to.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Sector")]
pub enum Sector {
    /// No particular sector.
    General,
    /// 政府采购: government procurement.
    Procurement,
    /// 政府和社会资本合作: public–private partnership.
    Ppp,
    /// 招标投标: bidding.
    Bidding,
    /// 招商引资: investment promotion.
    InvestmentPromotion,
    /// 地方政府债务: local government debt.
    Debt,
    /// 乡镇政务诚信: townships.
    Township,
}

/// How serious a dishonesty record is; it sets the disclosure window and the repair wait.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Severity")]
pub enum Severity {
    /// 轻微: not published (at most 3 months where needed).
    Minor,
    /// 一般: disclosed at most 1 year; repairable after 3 months.
    General,
    /// 严重: disclosed at most 3 years; repairable after 1 year; blocks a credit check.
    Serious,
}

/// Where a record stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::RecordStatus")]
pub enum RecordStatus {
    /// In force.
    Active,
    /// Being rectified (整改中).
    Rectifying,
    /// Rectification accepted (已整改).
    Rectified,
    /// Credit repaired (信用修复): off the portal, counts less.
    Repaired,
    /// Revoked (撤销), e.g. after an upheld objection.
    Revoked,
    /// A 失信被执行人 listing the court removed (移出名单): ended and off the portal, not repaired.
    Removed,
}

/// Who may see a record.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Disclosure")]
pub enum Disclosure {
    /// On the public portal while its window is open (never an official's record).
    Public,
    /// Shared with government users and evaluation firms.
    Shared,
    /// Restricted to the credit office, leadership, the recording unit and the subject's unit.
    Restricted,
}

/// A disciplinary sanction (政务处分法 art. 7) and its period (art. 8).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Sanction")]
pub enum Sanction {
    /// 警告: 6 months.
    Warning,
    /// 记过: 12 months.
    Demerit,
    /// 记大过: 18 months.
    MajorDemerit,
    /// 降级: 24 months.
    Demotion,
    /// 撤职: 24 months.
    Dismissal,
    /// 开除: ends the service; never lapses.
    Expulsion,
}
