//! `serve --demo`: the demo data, and a token per role printed so every role can be tried.

use chrono::Utc;
use entity::user_account;
use sea_orm::EntityTrait;

use crate::{
    auth::{jwt::TokenRequest, password::hash_password, role_name, Role},
    config::Config,
    error::StartupError,
    ids::{public_id, NodeType},
    seed::{
        self,
        users::{demo_user_id, DEMO_EVALUATOR_FIRM, DEMO_EVALUATOR_JTI, DEMO_USERS},
        SeedOptions,
    },
    state::AppState,
};

/// The password of the demo accounts.
pub const DEMO_PASSWORD: &str = "chengxin-demo";

/// Serves until a signal; with `demo`, seeds the demo data first and prints the tokens.
pub async fn serve(config: Config, demo: bool, app: super::MakeApp) -> Result<(), StartupError> {
    let state = super::build_default_state(config).await?;
    if demo {
        let options = SeedOptions {
            demo: true,
            scale: None,
            password_hash: hash_password(DEMO_PASSWORD)
                .map_err(|_| StartupError::Other("cannot hash password".into()))?,
            now: Utc::now(),
            rng_seed: 2019_0614,
        };
        seed::seed(&state.db, &options).await?;
        print_demo_tokens(&state).await?;
    }
    super::serve_until_signal(state, app).await
}

/// Prints a 7-day token per role (and the demo accounts' password) so every role can be tried.
async fn print_demo_tokens(state: &AppState) -> Result<(), StartupError> {
    let now = Utc::now();
    let mut lines = Vec::new();
    for (username, _, role, _) in DEMO_USERS {
        let Some(id) = demo_user_id(username) else {
            continue;
        };
        let Some(user) = user_account::Entity::find_by_id(id).one(&state.db).await? else {
            continue;
        };
        let (token, _) = state
            .keys
            .mint(TokenRequest {
                subject: format!("user:{}", user.id),
                role,
                unit: user.unit_id.map(|u| public_id(NodeType::Unit, u)),
                firm: None,
                jti: uuid::Uuid::new_v4().to_string(),
                issued_at: now,
                lifetime: chrono::Duration::days(7),
                config: &state.config,
            })
            .map_err(|_| StartupError::Other("cannot mint token".into()))?;
        lines.push(format!("{:<14} {username:<10} {token}", role_name(role)));
    }
    let (evaluator, _) = state
        .keys
        .mint(TokenRequest {
            subject: format!("token:{DEMO_EVALUATOR_JTI}"),
            role: Role::Evaluator,
            unit: None,
            firm: Some(DEMO_EVALUATOR_FIRM.into()),
            jti: DEMO_EVALUATOR_JTI.into(),
            issued_at: now,
            lifetime: chrono::Duration::days(7),
            config: &state.config,
        })
        .map_err(|_| StartupError::Other("cannot mint token".into()))?;
    lines.push(format!("{:<14} {:<10} {evaluator}", "EVALUATOR", "(token)"));
    println!("Chengxin demo — http://{}/graphql (GraphiQL)", state.config.bind);
    println!("Demo accounts' password: {DEMO_PASSWORD}. Tokens (valid 7 days; send as `Authorization: Bearer …`):");
    for line in lines {
        println!("  {line}");
    }
    Ok(())
}
