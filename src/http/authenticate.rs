//! Turns the `Authorization` header into a [`Viewer`]. No header means anonymous; a header that is
//! malformed, expired or wrongly signed is `UNAUTHENTICATED`, never anonymous.

use axum::http::{header::AUTHORIZATION, HeaderMap};

use crate::{
    auth::Viewer,
    error::{AppError, AppResult, Reason},
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
    crate::auth::bearer::viewer_of_token(state, token).await
}
