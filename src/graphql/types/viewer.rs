//! `Viewer`: who the API thinks is asking.

use crate::error::AppResult;
use async_graphql::{Context, Object};

use super::{enums::Role, Unit};
use crate::auth::{
    policy::{allowed, Operation},
    Viewer,
};

/// The caller of this request, as the server sees it.
pub struct ViewerInfo(pub Viewer);

/// The caller of this request, as the server sees it.
#[Object(name = "Viewer")]
impl ViewerInfo {
    /// The caller's own id: stable for one account or token, resolvable with `node` by that caller
    /// only.
    pub async fn id(&self) -> async_graphql::ID {
        async_graphql::ID(crate::ids::viewer_id(&self.0.subject))
    }

    /// True for the public (no token).
    async fn anonymous(&self) -> bool {
        self.0.is_anonymous()
    }

    /// The token's subject: `user:<id>` for a login, `token:<id>` for an API token.
    async fn subject(&self) -> &str {
        &self.0.subject
    }

    /// The name to show for the caller: the account's display name, or an API token's firm; null
    /// for the anonymous public.
    async fn display_name(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        if let Some(account) = crate::graphql::access::own_account(ctx).await? {
            return Ok(Some(account.display_name));
        }
        Ok(self.0.firm.clone())
    }

    /// The operations the caller may run (e.g. `LIST_CREDIT_RECORDS`, `DECIDE_OBJECTIONS`), so a
    /// user interface shows only what works. Row rules still apply: a clerk may `SUBMIT_RECTIFICATIONS`
    /// for its own subtree only.
    async fn permissions(&self) -> Vec<String> {
        Operation::ALL.into_iter().filter(|op| allowed(self.0.role, *op)).map(Operation::name).collect()
    }

    /// The viewer's role; null when anonymous.
    async fn role(&self) -> Option<Role> {
        self.0.role.map(Into::into)
    }

    /// The evaluation firm an API token was issued to.
    async fn firm(&self) -> Option<&str> {
        self.0.firm.as_deref()
    }

    /// The viewer's own unit.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<Unit>> {
        let Some(unit) = self.0.unit_id else {
            return Ok(None);
        };
        Ok(crate::graphql::access::unit(ctx, unit).await?.map(super::Unit))
    }
}
