//! GraphQL enums, one per stored enumeration, documented for the frontend. Each converts to and
//! from the entity's enum (`remote`), so the values cannot drift apart.

use async_graphql::Enum;

/// Kind of a unit (单位类型).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::UnitKind")]
pub enum UnitKind {
    /// 县人民政府: the county government.
    CountyGovernment,
    /// 县直部门: a department of the county.
    Department,
    /// 事业单位: a public institution.
    PublicInstitution,
    /// 乡镇人民政府: a township or town government.
    Township,
    /// 村民委员会: a village committee.
    VillageCommittee,
    /// 居民委员会: a residents' committee.
    ResidentsCommittee,
}

/// Category of a public servant.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::OfficialCategory")]
pub enum OfficialCategory {
    /// 公务员: civil servant.
    CivilServant,
    /// 事业单位人员: public-institution staff.
    InstitutionStaff,
}

/// Employment status of a public servant.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::OfficialStatus")]
pub enum OfficialStatus {
    /// In post.
    Active,
    /// 调离: moved to another unit.
    Transferred,
    /// 退休: retired.
    Retired,
    /// 离职: left public service.
    Left,
}

/// What a signed-in viewer may do (see the README's role table).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Role")]
pub enum Role {
    /// System administrator in the credit office: everything, including the audit log.
    Admin,
    /// 县发改局 / 信用办: records of any category, decisions, triage, evaluations.
    CreditOffice,
    /// A recording authority (法院, 监委, 检察院 …): records in its authorised categories.
    Recorder,
    /// 县委组织部 / 县人社局: officials, honours, training, credit checks.
    Personnel,
    /// A unit's credit liaison (信用联络员): its unit's subtree.
    UnitClerk,
    /// County leadership: reads everything but the audit log, identifiers masked.
    Leader,
    /// A third-party evaluation firm: read-only, expiring, revocable API token.
    Evaluator,
}
