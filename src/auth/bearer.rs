//! A bearer token's viewer: the signature, the claims, and the stored session or API token
//! (revoked or expired ones refused). Shared by `/graphql`, the downloads and the WebSocket's
//! `connection_init` — and re-checked every second while a subscription runs.

use crate::{
    auth::Viewer,
    error::{AppError, AppResult, Reason},
    ids::{parse_global_id, NodeType},
    state::AppState,
};

/// The viewer `token` speaks for, or `UNAUTHENTICATED`.
pub async fn viewer_of_token(state: &AppState, token: &str) -> AppResult<Viewer> {
    let claims = state.keys.verify(token)?;
    let role = claims.role().ok_or(AppError::Unauthenticated(Reason::InvalidToken))?;
    let unit_id = match &claims.unit {
        Some(unit) => match parse_global_id(unit) {
            Some((NodeType::Unit, id)) => Some(id),
            _ => return Err(AppError::Unauthenticated(Reason::InvalidToken)),
        },
        None => None,
    };
    if state.sessions.check(&state.db, &claims, role, unit_id, state.clock.now()).await? {
        state.metrics.record_session_lookup();
    }
    let user_id = claims.sub.strip_prefix("user:").and_then(|id| id.parse().ok());
    Ok(Viewer {
        subject: claims.sub,
        role: Some(role),
        user_id,
        unit_id,
        token_id: Some(claims.jti),
        firm: claims.firm,
    })
}
