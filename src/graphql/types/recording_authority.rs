//! `RecordingAuthority`: a unit's right to record one category.

use async_graphql::{Context, Object};
use entity::recording_authority;

use super::{record_enums::RecordCategory, Unit};
use crate::error::AppResult;

/// A unit whose recorders may write records of one category (the court: judgments and listings;
/// the 监委: sanctions and accountability …).
#[derive(Clone)]
pub struct RecordingAuthority(pub recording_authority::Model);

/// A unit whose recorders may write records of one category (the court: judgments and listings;
/// the 监委: sanctions and accountability …).
#[Object]
impl RecordingAuthority {
    /// The unit.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// The category it may record.
    async fn category(&self) -> RecordCategory {
        self.0.category.into()
    }
}
