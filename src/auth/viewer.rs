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

    /// A background job of the server itself (e.g. `system:deadline-sweep`), for the audit log.
    /// It has no role, so the policy lets it read or do nothing through the API.
    pub fn system(job: &str) -> Self {
        Self { subject: format!("system:{job}"), ..Self::anonymous() }
    }

    /// The operator at the server's console (`chengxin token` …): whoever holds the server's
    /// configuration holds the administrator's power, and is audited as `system:cli`.
    pub fn operator() -> Self {
        Self { subject: "system:cli".into(), role: Some(Role::Admin), ..Self::anonymous() }
    }

    /// A job of the server itself (`system:…` without a role); the console operator has a role.
    pub fn is_system(&self) -> bool {
        self.role.is_none() && self.subject.starts_with("system:")
    }

    pub fn is_anonymous(&self) -> bool {
        self.role.is_none()
    }

    /// The role's name for logs and the audit log; `ANONYMOUS` for the public.
    pub fn role_label(&self) -> &'static str {
        match self.role {
            Some(role) => role_name(role),
            None if self.subject.starts_with("system:") => "SYSTEM",
            None => "ANONYMOUS",
        }
    }
}
