//! `me`.

use crate::error::AppResult;
use async_graphql::{Context, Object};

use crate::graphql::{context::ContextExt, types::ViewerInfo};

#[derive(Default)]
pub struct MeQuery;

#[Object]
impl MeQuery {
    /// Who the server thinks is asking (anonymous without a token).
    async fn me(&self, ctx: &Context<'_>) -> AppResult<ViewerInfo> {
        Ok(ViewerInfo(ctx.viewer()?.clone()))
    }
}
