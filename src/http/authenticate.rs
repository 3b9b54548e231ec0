//! Turns the `Authorization` header into a [`Viewer`]. No header means anonymous; a header that is
//! malformed, expired or wrongly signed is `UNAUTHENTICATED`, never anonymous.

use axum::http::{header::AUTHORIZATION, HeaderMap};

use crate::{
    auth::Viewer,
    error::{AppError, AppResult, Reason},
    graphql::ids::{parse_global_id, NodeType},
    state::AppState,
};

pub async fn authenticate(state: &AppState, headers: &HeaderMap) -> AppResult<Viewer> {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Ok(Viewer::anonymous());
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(AppError::Unauthenticated(Reason::BearerExpected))?;
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
