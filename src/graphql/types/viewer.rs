//! `Viewer`: who the API thinks is asking.

use crate::error::AppResult;
use async_graphql::{Context, Object};

use super::{enums::Role, Unit};
use crate::auth::Viewer;

/// The caller of this request, as the server sees it.
pub struct ViewerInfo(pub Viewer);

/// The caller of this request, as the server sees it.
#[Object(name = "Viewer")]
impl ViewerInfo {
    /// True for the public (no token).
    async fn anonymous(&self) -> bool {
        self.0.is_anonymous()
    }

    /// The token's subject: `user:<id>` for a login, `token:<id>` for an API token.
    async fn subject(&self) -> &str {
        &self.0.subject
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
