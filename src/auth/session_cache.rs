//! Checks a token's subject against the store on every request: a deactivated user, a changed
//! role or unit, a revoked or expired API token is `UNAUTHENTICATED` at once on this process and
//! within a second on every other (answers are cached for at most [`TTL`]).

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use entity::{api_token, user_account};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{Claims, Role};
use crate::error::{AppError, AppResult, Reason};

/// How long an answer from the store may be reused.
pub const TTL: Duration = Duration::from_secs(1);

/// What the store says about a subject.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Standing {
    /// A user account: active or not, with its current role and unit, and the instant before
    /// which its tokens are dead.
    User { active: bool, role: Role, unit_id: Option<i32>, valid_after: Option<DateTime<Utc>> },
    /// An API token: revoked or not, until when, for which role and unit.
    Token { revoked: bool, expires_at: DateTime<Utc>, role: Role, unit_id: Option<i32> },
    /// No such user or token.
    Missing,
}

/// The cache, shared by the process's requests.
#[derive(Default)]
pub struct SessionCache {
    entries: Mutex<HashMap<String, (Instant, Standing)>>,
}

impl SessionCache {
    /// Accepts the token's claims if the store (or a fresh cached answer) agrees; `Ok(true)` when
    /// the store was asked.
    pub async fn check(
        &self,
        db: &DatabaseConnection,
        claims: &Claims,
        role: Role,
        unit_id: Option<i32>,
        now: DateTime<Utc>,
    ) -> AppResult<bool> {
        let (standing, looked_up) = match self.cached(&claims.sub) {
            Some(standing) => (standing, false),
            None => {
                let fresh = lookup(db, &claims.sub).await?;
                if let Ok(mut entries) = self.entries.lock() {
                    entries.insert(claims.sub.clone(), (Instant::now(), fresh.clone()));
                }
                (fresh, true)
            }
        };
        match standing {
            Standing::User { valid_after: Some(cut_off), .. } if claims.iat < cut_off.timestamp() => {
                Err(AppError::Unauthenticated(Reason::TokenEnded))
            }
            Standing::User { active: true, role: current, unit_id: current_unit, .. }
                if current == role && current_unit == unit_id =>
            {
                Ok(looked_up)
            }
            Standing::User { active: true, .. } => Err(AppError::Unauthenticated(Reason::StandingChanged)),
            Standing::User { active: false, .. } => Err(AppError::Unauthenticated(Reason::AccountDeactivated)),
            Standing::Token { revoked: true, .. } => Err(AppError::Unauthenticated(Reason::TokenRevoked)),
            Standing::Token { expires_at, .. } if expires_at <= now => {
                Err(AppError::Unauthenticated(Reason::TokenExpired))
            }
            Standing::Token { role: current, unit_id: current_unit, .. }
                if current == role && current_unit == unit_id =>
            {
                Ok(looked_up)
            }
            Standing::Token { .. } => Err(AppError::Unauthenticated(Reason::InvalidToken)),
            Standing::Missing => Err(AppError::Unauthenticated(Reason::InvalidToken)),
        }
    }

    /// Forgets what is cached about `subject` (after it changed on this process).
    pub fn forget(&self, subject: &str) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(subject);
        }
    }

    fn cached(&self, subject: &str) -> Option<Standing> {
        let mut entries = self.entries.lock().ok()?;
        if entries.len() > 10_000 {
            entries.retain(|_, (at, _)| at.elapsed() < TTL);
        }
        entries.get(subject).filter(|(at, _)| at.elapsed() < TTL).map(|(_, standing)| standing.clone())
    }
}

/// The `tokens_valid_after` that ends every token issued until now: the next whole second, since
/// a token's `iat` counts whole seconds (a login in that second is issued at the cut-off), and
/// past the `previous` cut-off (tokens may have been issued at it). Token times are the system
/// clock's, as `exp` and `nbf` are checked against it.
pub fn cut_off_now(previous: Option<DateTime<Utc>>) -> DateTime<Utc> {
    let now = Utc::now().timestamp() + 1;
    let after_previous = previous.map_or(now, |p| p.timestamp() + 1);
    DateTime::from_timestamp(now.max(after_previous), 0).unwrap_or_else(Utc::now)
}

async fn lookup(db: &DatabaseConnection, subject: &str) -> AppResult<Standing> {
    if let Some(id) = subject.strip_prefix("user:").and_then(|id| id.parse::<i32>().ok()) {
        let user = user_account::Entity::find_by_id(id).one(db).await?;
        return Ok(user.map_or(Standing::Missing, |u| Standing::User {
            active: u.active,
            role: u.role,
            unit_id: u.unit_id,
            valid_after: u.tokens_valid_after,
        }));
    }
    if let Some(jti) = subject.strip_prefix("token:") {
        let token = api_token::Entity::find().filter(api_token::Column::Jti.eq(jti)).one(db).await?;
        return Ok(token.map_or(Standing::Missing, |t| Standing::Token {
            revoked: t.revoked_at.is_some(),
            expires_at: t.expires_at,
            role: t.role,
            unit_id: t.unit_id,
        }));
    }
    Ok(Standing::Missing)
}
