//! The register: `createUnit`, `updateUnit` (ADMIN), `createOfficial`, `updateOfficial`
//! (PERSONNEL), `grantRecordingAuthority`, `revokeRecordingAuthority` (ADMIN). Audited.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::{
            enums::{OfficialCategory, OfficialStatus, UnitKind},
            record_enums::RecordCategory,
            Official, RecordingAuthority, Unit,
        },
    },
    service::{
        officials::{self, NewOfficial, OfficialChange},
        recording_authorities,
        units::{self, NewUnit, UnitChange},
    },
};

/// A unit to register.
#[derive(InputObject)]
pub struct CreateUnitInput {
    /// Its full name (at most 100 characters).
    pub name: String,
    /// Its short name (at most 50 characters).
    pub short_name: Option<String>,
    /// What kind of body.
    pub kind: UnitKind,
    /// The unit above it (every unit but the county government; a village or residents'
    /// committee under a township).
    pub parent_id: Option<ID>,
    /// 统一社会信用代码: 18 characters passing GB 32100, unique.
    pub uscc: Option<String>,
    /// 行政区划代码: 6 to 12 digits.
    pub division_code: Option<String>,
}

/// A change of a unit; omitted fields stay as they are.
#[derive(InputObject)]
pub struct UpdateUnitInput {
    /// The unit.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// A new full name.
    pub name: Option<String>,
    /// A new short name.
    pub short_name: Option<String>,
    /// A new kind.
    pub kind: Option<UnitKind>,
    /// Moves the unit, with everything under it, below this unit (not below itself).
    pub parent_id: Option<ID>,
    /// A new USCC (GB 32100, unique).
    pub uscc: Option<String>,
    /// A new 行政区划代码.
    pub division_code: Option<String>,
    /// False once merged or dissolved.
    pub active: Option<bool>,
}

/// An official to enter.
#[derive(InputObject)]
pub struct CreateOfficialInput {
    /// The unit served.
    pub unit_id: ID,
    /// The name (at most 50 characters).
    pub name: String,
    /// 身份证号: 18 characters passing GB 11643, unique.
    pub id_number: String,
    /// A phone number (7 to 20 digits).
    pub phone: Option<String>,
    /// 公务员 or 事业单位人员.
    pub category: OfficialCategory,
    /// The position (at most 100 characters).
    pub position: Option<String>,
    /// Whether they head the unit.
    #[graphql(default)]
    pub is_head_of_unit: bool,
}

/// A change of an official; omitted fields stay. A new `unitId` is a transfer: the records made at
/// the old unit keep naming it, and `Official.transfers` shows the move.
#[derive(InputObject)]
pub struct UpdateOfficialInput {
    /// The official.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// Transfers the official to this unit.
    pub unit_id: Option<ID>,
    /// A corrected name.
    pub name: Option<String>,
    /// A corrected 身份证号 (GB 11643, unique).
    pub id_number: Option<String>,
    /// A new phone number.
    pub phone: Option<String>,
    /// A new category.
    pub category: Option<OfficialCategory>,
    /// A new position.
    pub position: Option<String>,
    /// Whether they head the unit.
    pub is_head_of_unit: Option<bool>,
    /// In post, transferred out of the county, retired or left.
    pub status: Option<OfficialStatus>,
}

/// A unit's right to record one category.
#[derive(InputObject)]
pub struct RecordingAuthorityInput {
    /// The unit.
    pub unit_id: ID,
    /// The category.
    pub category: RecordCategory,
}

/// The unit as saved.
#[derive(SimpleObject)]
pub struct UnitPayload {
    /// The unit.
    pub unit: Unit,
}

/// The official as saved.
#[derive(SimpleObject)]
pub struct OfficialPayload {
    /// The official.
    pub official: Official,
}

/// The authority granted or revoked.
#[derive(SimpleObject)]
pub struct RecordingAuthorityPayload {
    /// The authority.
    pub authority: RecordingAuthority,
}

fn optional_id(id: Option<&ID>, node: NodeType, field: &str) -> AppResult<Option<i32>> {
    id.map(|id| expect_id(id, node, field)).transpose()
}

#[derive(Default)]
pub struct RegisterMutation;

#[Object]
impl RegisterMutation {
    /// Registers a unit under its parent (ADMIN). Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_units")]
    async fn create_unit(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The unit.")] input: CreateUnitInput,
    ) -> AppResult<UnitPayload> {
        let new = NewUnit {
            parent_id: optional_id(input.parent_id.as_ref(), NodeType::Unit, "input.parentId")?,
            name: input.name,
            short_name: input.short_name,
            kind: input.kind.into(),
            uscc: input.uscc,
            division_code: input.division_code,
        };
        let saved = units::create(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(UnitPayload { unit: Unit(saved) })
    }

    /// Changes or moves a unit (ADMIN); a move takes its subtree along. Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_units")]
    async fn update_unit(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The change.")] input: UpdateUnitInput,
    ) -> AppResult<UnitPayload> {
        let id = expect_id(&input.id, NodeType::Unit, "input.id")?;
        let change = UnitChange {
            parent_id: optional_id(input.parent_id.as_ref(), NodeType::Unit, "input.parentId")?,
            name: input.name,
            short_name: input.short_name,
            kind: input.kind.map(Into::into),
            uscc: input.uscc,
            division_code: input.division_code,
            active: input.active,
        };
        let saved = units::update(ctx.state()?, &ctx.actor()?, id, input.version, change).await?;
        Ok(UnitPayload { unit: Unit(saved) })
    }

    /// Enters an official (PERSONNEL, ADMIN). Audited without the 身份证号 or phone.
    #[graphql(visible = "crate::graphql::visibility::manage_officials")]
    async fn create_official(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The official.")] input: CreateOfficialInput,
    ) -> AppResult<OfficialPayload> {
        let new = NewOfficial {
            unit_id: expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?,
            name: input.name,
            id_number: input.id_number,
            phone: input.phone,
            category: input.category.into(),
            position: input.position,
            is_head_of_unit: input.is_head_of_unit,
        };
        let saved = officials::create(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(OfficialPayload { official: Official(saved) })
    }

    /// Changes or transfers an official (PERSONNEL, ADMIN). Audited without the 身份证号 or phone.
    #[graphql(visible = "crate::graphql::visibility::manage_officials")]
    async fn update_official(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The change.")] input: UpdateOfficialInput,
    ) -> AppResult<OfficialPayload> {
        let id = expect_id(&input.id, NodeType::Official, "input.id")?;
        let change = OfficialChange {
            unit_id: optional_id(input.unit_id.as_ref(), NodeType::Unit, "input.unitId")?,
            name: input.name,
            id_number: input.id_number,
            phone: input.phone,
            category: input.category.map(Into::into),
            position: input.position,
            is_head_of_unit: input.is_head_of_unit,
            status: input.status.map(Into::into),
        };
        let saved = officials::update(ctx.state()?, &ctx.actor()?, id, input.version, change).await?;
        Ok(OfficialPayload { official: Official(saved) })
    }

    /// Lets a unit's recorders write records of a category (ADMIN). Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_recording_authorities")]
    async fn grant_recording_authority(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The unit and category.")] input: RecordingAuthorityInput,
    ) -> AppResult<RecordingAuthorityPayload> {
        let unit = expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?;
        let saved = recording_authorities::grant(ctx.state()?, &ctx.actor()?, unit, input.category.into()).await?;
        Ok(RecordingAuthorityPayload { authority: RecordingAuthority(saved) })
    }

    /// Takes a category away from a unit (ADMIN); records already made stay. Audited.
    #[graphql(visible = "crate::graphql::visibility::manage_recording_authorities")]
    async fn revoke_recording_authority(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The unit and category.")] input: RecordingAuthorityInput,
    ) -> AppResult<RecordingAuthorityPayload> {
        let unit = expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?;
        let saved = recording_authorities::revoke(ctx.state()?, &ctx.actor()?, unit, input.category.into()).await?;
        Ok(RecordingAuthorityPayload { authority: RecordingAuthority(saved) })
    }
}
