//! API tokens: every token that is not a user's login is backed by an `api_token` row, so it can
//! be listed, expires, and can be revoked.

use chrono::{DateTime, Duration, Utc};
use entity::api_token;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use super::{jwt::TokenRequest, JwtKeys, Role};
use crate::{
    config::Config,
    error::{AppError, Reason},
};

/// Longest lifetime of an API token.
pub const MAX_DAYS: i64 = 365;

/// What an API token is for.
pub struct ApiTokenRequest {
    pub role: Role,
    pub unit_id: Option<i32>,
    /// The unit's API id, as written in the token.
    pub unit: Option<String>,
    pub firm: String,
    pub purpose: Option<String>,
    pub days: i64,
    pub created_by_user_id: Option<i32>,
    pub now: DateTime<Utc>,
}

/// Stores the token's row and mints the token (subject `token:<jti>`). The token itself is
/// returned once and never stored.
pub async fn issue_api_token<C: ConnectionTrait>(
    db: &C,
    keys: &JwtKeys,
    config: &Config,
    request: ApiTokenRequest,
) -> Result<(String, api_token::Model), AppError> {
    if !(1..=MAX_DAYS).contains(&request.days) {
        return Err(AppError::bad_input("days", Reason::NumberBetween { min: 1, max: MAX_DAYS }));
    }
    let jti = uuid::Uuid::new_v4().to_string();
    let lifetime = Duration::days(request.days);
    let row = api_token::ActiveModel {
        jti: Set(jti.clone()),
        firm: Set(request.firm.clone()),
        purpose: Set(request.purpose),
        role: Set(request.role),
        unit_id: Set(request.unit_id),
        expires_at: Set(request.now + lifetime),
        revoked_at: Set(None),
        created_by_user_id: Set(request.created_by_user_id),
        created_at: Set(request.now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let (token, _) = keys.mint(TokenRequest {
        subject: format!("token:{jti}"),
        role: request.role,
        unit: request.unit,
        firm: Some(request.firm),
        jti,
        issued_at: request.now,
        lifetime,
        config,
    })?;
    Ok((token, row))
}
