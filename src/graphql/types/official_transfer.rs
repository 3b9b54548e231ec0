//! `OfficialTransfer` 调动记录.

use async_graphql::{Context, Object, ID};
use entity::official_transfer;

use super::Unit;
use crate::{
    error::AppResult,
    graphql::{
        ids::{global_id, NodeType},
        scalars::Date,
    },
};

/// An official's move from one unit to another.
#[derive(Clone)]
pub struct OfficialTransfer(pub official_transfer::Model);

/// An official's move from one unit to another.
#[Object(visible = "crate::graphql::visibility::list_officials")]
impl OfficialTransfer {
    /// The transfer's id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::OfficialTransfer, self.0.id)
    }

    /// The unit left.
    async fn from_unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.from_unit_id).await?))
    }

    /// The unit joined.
    async fn to_unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.to_unit_id).await?))
    }

    /// The position held at the unit left.
    async fn from_position(&self) -> Option<&str> {
        self.0.from_position.as_deref()
    }

    /// The day it took effect.
    async fn effective_on(&self) -> Date {
        Date(self.0.effective_on)
    }
}
