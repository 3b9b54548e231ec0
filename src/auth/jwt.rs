//! HS256 bearer tokens with the algorithm pinned and `iss`, `aud`, `exp`, `nbf` checked.

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::{role_name, Role, ALL_ROLES};
use crate::{
    config::Config,
    error::{AppError, Reason},
};

/// How far in the future a token's `iat` may lie (clock skew between processes).
pub const MAX_IAT_AHEAD_SECS: i64 = 60;

/// The claims Chengxin puts in a token. `unit` is the unit's API id.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    pub sub: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firm: Option<String>,
    pub jti: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
}

impl Claims {
    /// The role named in the token, if it is exactly one of ours (`UNIT_CLERK`, never `unit_clerk`).
    pub fn role(&self) -> Option<Role> {
        ALL_ROLES.into_iter().find(|role| role_name(*role) == self.role)
    }
}

/// What a token is minted for.
pub struct TokenRequest<'a> {
    pub subject: String,
    pub role: Role,
    pub unit: Option<String>,
    pub firm: Option<String>,
    pub jti: String,
    pub issued_at: DateTime<Utc>,
    pub lifetime: Duration,
    pub config: &'a Config,
}

/// Signing and verifying keys, built once from the configured secret.
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
}

impl JwtKeys {
    pub fn new(config: &Config) -> Self {
        let secret = config.jwt_secret.expose().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[&config.jwt_issuer]);
        validation.set_audience(&[&config.jwt_audience]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.leeway = 30;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            issuer: config.jwt_issuer.clone(),
            audience: config.jwt_audience.clone(),
        }
    }

    /// Mints a signed token; returns it with its expiry.
    pub fn mint(&self, request: TokenRequest<'_>) -> Result<(String, DateTime<Utc>), AppError> {
        let expires_at = request.issued_at + request.lifetime;
        let claims = Claims {
            sub: request.subject,
            role: role_name(request.role).to_owned(),
            unit: request.unit,
            firm: request.firm,
            jti: request.jti,
            iat: request.issued_at.timestamp(),
            nbf: request.issued_at.timestamp(),
            exp: expires_at.timestamp(),
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
        };
        let token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AppError::Internal(format!("jwt encode: {e}")))?;
        Ok((token, expires_at))
    }

    /// Verifies signature, algorithm, issuer, audience and time window; `iat` may lie at most
    /// [`MAX_IAT_AHEAD_SECS`] ahead. Token times are the system clock's, as `exp` and `nbf` are.
    pub fn verify(&self, token: &str) -> Result<Claims, AppError> {
        let now = Utc::now();
        let claims =
            decode::<Claims>(token, &self.decoding, &self.validation).map(|data| data.claims).map_err(|e| {
                match e.kind() {
                    jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                        AppError::Unauthenticated(Reason::TokenExpired)
                    }
                    _ => AppError::Unauthenticated(Reason::InvalidToken),
                }
            })?;
        if claims.iat > now.timestamp() + MAX_IAT_AHEAD_SECS {
            return Err(AppError::Unauthenticated(Reason::InvalidToken));
        }
        Ok(claims)
    }
}
