//! `recordingAuthorities`: who may record what.

use async_graphql::{Context, Object, ID};
use entity::recording_authority::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    auth::policy::{may, Operation},
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::RecordingAuthority,
    },
};

#[derive(Default)]
pub struct RecordingAuthorityQuery;

#[Object]
impl RecordingAuthorityQuery {
    /// The units authorised to record each category, by unit (a short list, not paged).
    #[graphql(visible = "crate::graphql::visibility::list_recording_authorities")]
    async fn recording_authorities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this unit's.")] unit_id: Option<ID>,
    ) -> AppResult<Vec<RecordingAuthority>> {
        may(ctx.viewer()?, Operation::ListRecordingAuthorities)?;
        let mut select = recording_authority::Entity::find();
        if let Some(unit) = unit_id {
            select = select.filter(Column::UnitId.eq(expect_id(&unit, NodeType::Unit, "unitId")?));
        }
        let rows = select.order_by_asc(Column::UnitId).order_by_asc(Column::Category).all(ctx.reader()?).await?;
        Ok(rows.into_iter().map(RecordingAuthority).collect())
    }
}
