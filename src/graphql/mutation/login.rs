//! `login`.

use crate::error::{AppResult, FieldChecks, Reason};
use std::sync::{atomic::Ordering, Arc};

use async_graphql::{Context, InputObject, Object, SimpleObject};
use chrono::Duration;
use entity::user_account;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::{
        client_key::client_key,
        jwt::TokenRequest,
        login_guard::{self, Attempt},
        password::{decoy_hash, verify_password_bounded},
        policy::{self, Operation},
        Viewer,
    },
    error::AppError,
    graphql::{
        context::{ClientAddress, ContextExt, LoginAttempts},
        ids::{global_id, NodeType},
        scalars::DateTime,
        types::ViewerInfo,
    },
};

/// Credentials.
#[derive(InputObject)]
pub struct LoginInput {
    /// The account's username.
    pub username: String,
    /// The account's password.
    #[graphql(secret)]
    pub password: String,
}

/// A bearer token for the `Authorization` header.
#[derive(SimpleObject)]
pub struct LoginPayload {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    /// When the token stops working.
    pub expires_at: DateTime,
    /// Who the token speaks for.
    pub viewer: ViewerInfo,
}

#[derive(Default)]
pub struct LoginMutation;

#[Object]
impl LoginMutation {
    /// Exchanges a username and password for a token. An unknown username, a wrong password and
    /// a deactivated account get the same `UNAUTHENTICATED` answer; after 5 failures for a
    /// username within 15 minutes it answers `RATE_LIMITED` for 15 minutes, and so it does for
    /// an address with too many failures. One `login` per HTTP request (batch included).
    #[graphql(visible = "crate::graphql::visibility::login")]
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Username and password.")] input: LoginInput,
    ) -> AppResult<LoginPayload> {
        let state = ctx.state()?;
        policy::may(ctx.viewer()?, Operation::Login)?;
        let attempts = ctx.data::<Arc<LoginAttempts>>().map_err(|_| AppError::Internal("no login counter".into()))?;
        if attempts.0.fetch_add(1, Ordering::SeqCst) > 0 {
            return Err(AppError::rate_limited(Reason::OneLoginPerRequest, chrono::Duration::seconds(1)));
        }
        FieldChecks::new()
            .refuse_if(input.username.chars().count() > 64, "username", Reason::TooLong { max: 64 })
            .refuse_if(input.password.chars().count() > 256, "password", Reason::TooLong { max: 256 })
            .finish()?;
        let now = state.clock.now();
        let client_key = match ctx.data::<ClientAddress>() {
            Ok(ClientAddress(address)) => Some(client_key(&state.config.jwt_secret, "login", address)?),
            Err(_) => None,
        };
        let attempt = Attempt {
            username: &input.username,
            client_key: client_key.as_deref(),
            failures_per_address: state.config.deadlines.login_failures_per_address,
            now,
        };
        let reservation = login_guard::admit(&state.db, &attempt).await?;
        let user = user_account::Entity::find()
            .filter(user_account::Column::Username.eq(input.username.as_str()))
            .one(&state.db)
            .await?;
        let stored = user.as_ref().map(|u| u.password_hash.clone()).unwrap_or_else(|| decoy_hash().to_owned());
        let matches = verify_password_bounded(input.password, stored).await?;
        let user = match user {
            // The reserved failure row stays: this attempt failed.
            Some(user) if matches && user.active => user,
            _ => return Err(AppError::Unauthenticated(Reason::BadCredentials)),
        };
        login_guard::release(&state.db, reservation).await?;
        // A token must not predate the account's `tokens_valid_after` (which is rounded up to a
        // whole second, as `iat` is), or it would be born dead.
        let issued_at = user.tokens_valid_after.map_or(now, |valid_after| valid_after.max(now));
        let jti = uuid::Uuid::new_v4().to_string();
        let (token, expires_at) = state.keys.mint(TokenRequest {
            subject: format!("user:{}", user.id),
            role: user.role,
            unit: user.unit_id.map(|u| global_id(NodeType::Unit, u).0),
            firm: None,
            jti: jti.clone(),
            issued_at,
            lifetime: Duration::hours(state.config.login_token_hours),
            config: &state.config,
        })?;
        let viewer = Viewer {
            subject: format!("user:{}", user.id),
            role: Some(user.role),
            user_id: Some(user.id),
            unit_id: user.unit_id,
            token_id: Some(jti),
            firm: None,
        };
        Ok(LoginPayload { token, expires_at: DateTime(expires_at), viewer: ViewerInfo(viewer) })
    }
}
