//! The caller of one request, decoded once from its bearer token (or anonymous).

use super::{role_name, Role};

/// Who is asking. Resolvers read it from the context; only the policy module interprets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    /// The token's `sub`: `user:<id>`, `token:<jti>` (API tokens) or `anonymous`.
    pub subject: String,
    /// `None` for the anonymous public.
    pub role: Option<Role>,
    /// The user account behind a login token.
    pub user_id: Option<i32>,
    /// The viewer's unit (database id).
    pub unit_id: Option<i32>,
    /// The token's `jti`.
    pub token_id: Option<String>,
    /// The evaluation firm an API token names.
    pub firm: Option<String>,
}

impl Viewer {
    /// The anonymous public (no token).
    pub fn anonymous() -> Self {
        Self { subject: "anonymous".into(), role: None, user_id: None, unit_id: None, token_id: None, firm: None }
    }

    pub fn is_anonymous(&self) -> bool {
        self.role.is_none()
    }

    /// The role's name for logs and the audit log; `ANONYMOUS` for the public.
    pub fn role_label(&self) -> &'static str {
        self.role.map(role_name).unwrap_or("ANONYMOUS")
    }
}
