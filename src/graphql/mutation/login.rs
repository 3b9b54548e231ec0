//! `login`.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use chrono::Duration;
use entity::{login_failure, user_account};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};

use crate::{
    auth::{
        jwt::TokenRequest,
        password::{decoy_hash, verify_password},
        policy::{self, Operation},
        Viewer,
    },
    domain::login_lockout,
    error::AppError,
    graphql::{
        context::ContextExt,
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
    /// username within 15 minutes it answers `RATE_LIMITED` for 15 minutes.
    #[graphql(visible = "crate::graphql::visibility::login")]
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Username and password.")] input: LoginInput,
    ) -> Result<LoginPayload> {
        let state = ctx.state()?;
        policy::may(ctx.viewer()?, Operation::Login)?;
        if input.username.len() > 64 || input.password.len() > 256 {
            return Err(AppError::bad_input("username", "too long").into());
        }
        let now = state.clock.now();
        let failures: Vec<chrono::DateTime<chrono::Utc>> = login_failure::Entity::find()
            .select_only()
            .column(login_failure::Column::At)
            .filter(login_failure::Column::Username.eq(input.username.as_str()))
            .filter(login_failure::Column::At.gt(now - login_lockout::look_back()))
            .into_tuple()
            .all(&state.db)
            .await
            .map_err(AppError::from)?;
        if let Some(until) = login_lockout::locked_until(&failures, now) {
            let minutes = (until - now).num_minutes() + 1;
            return Err(AppError::RateLimited(format!("too many failed logins; try again in {minutes} minutes")).into());
        }
        let user = user_account::Entity::find()
            .filter(user_account::Column::Username.eq(input.username.as_str()))
            .one(&state.db)
            .await
            .map_err(AppError::from)?;
        let stored = user.as_ref().map(|u| u.password_hash.clone()).unwrap_or_else(|| decoy_hash().to_owned());
        let password = input.password.clone();
        let matches = tokio::task::spawn_blocking(move || verify_password(&password, &stored))
            .await
            .map_err(|e| AppError::Internal(format!("password check: {e}")))?;
        let user = match user {
            Some(user) if matches && user.active => user,
            _ => {
                let failure = login_failure::ActiveModel {
                    username: Set(input.username.clone()),
                    at: Set(now),
                    ..Default::default()
                };
                failure.insert(&state.db).await.map_err(AppError::from)?;
                return Err(AppError::unauthenticated("invalid username or password").into());
            }
        };
        let jti = uuid::Uuid::new_v4().to_string();
        let (token, expires_at) = state.keys.mint(TokenRequest {
            subject: format!("user:{}", user.id),
            role: user.role,
            unit: user.unit_id.map(|u| global_id(NodeType::Unit, u).0),
            firm: None,
            jti: jti.clone(),
            issued_at: now,
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
