//! `logout`: ends the caller's own session for good.

use crate::error::AppResult;
use async_graphql::{Context, Object, SimpleObject};

use crate::{graphql::context::ContextExt, service::accounts};

/// The session has ended.
#[derive(SimpleObject)]
pub struct LogoutPayload {
    /// Always true: the token used for this request no longer works.
    pub logged_out: bool,
}

#[derive(Default)]
pub struct LogoutMutation;

#[Object]
impl LogoutMutation {
    /// Ends the caller's session for good. For an account, every token issued to it until now
    /// stops working (sign in again for a new one); for an API token, that token is revoked.
    /// Audited.
    #[graphql(visible = "crate::graphql::visibility::logout")]
    async fn logout(&self, ctx: &Context<'_>) -> AppResult<LogoutPayload> {
        accounts::logout(ctx.state()?, &ctx.actor()?).await?;
        Ok(LogoutPayload { logged_out: true })
    }
}
