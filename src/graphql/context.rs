//! Typed access to what the handler puts in each request's context.

use std::sync::Arc;

use async_graphql::Context;
use sea_orm::DatabaseConnection;

use super::loaders::Loaders;
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    read_routing::Reader,
    service::Actor,
    state::AppState,
    store::audit::RequestTrace,
};

/// How many `login`s one HTTP request (with all its batch) has asked for: at most one runs.
#[derive(Default, Debug)]
pub struct LoginAttempts(pub std::sync::atomic::AtomicUsize);

/// The address the request came from (for the complaint form's rate limit; never logged).
#[derive(Clone, Debug)]
pub struct ClientAddress(pub String);

/// Accessors for the per-request data; a missing entry is an internal error, never a panic.
pub trait ContextExt {
    fn state(&self) -> AppResult<&AppState>;
    fn viewer(&self) -> AppResult<&Viewer>;
    fn loaders(&self) -> AppResult<&Arc<Loaders>>;
    /// Where this request reads: the read replica for a query of a viewer who has not written
    /// lately, the primary otherwise (and for anything that writes, such as an audit entry, use
    /// `state()?.db`).
    fn reader(&self) -> AppResult<&DatabaseConnection>;
    /// The request id (empty when there is none).
    fn request_id(&self) -> &str;
    /// The request's ids for the audit log.
    fn trace(&self) -> &RequestTrace;
    /// Who acts, for the service layer.
    fn actor(&self) -> AppResult<Actor<'_>>;
}

impl ContextExt for Context<'_> {
    fn state(&self) -> AppResult<&AppState> {
        self.data::<AppState>().map_err(|_| AppError::Internal("no app state in context".into()))
    }

    fn viewer(&self) -> AppResult<&Viewer> {
        self.data::<Viewer>().map_err(|_| AppError::Internal("no viewer in context".into()))
    }

    fn loaders(&self) -> AppResult<&Arc<Loaders>> {
        self.data::<Arc<Loaders>>().map_err(|_| AppError::Internal("no loaders in context".into()))
    }

    fn reader(&self) -> AppResult<&DatabaseConnection> {
        match self.data_opt::<Reader>() {
            Some(Reader(db)) => Ok(db),
            None => Ok(&self.state()?.db),
        }
    }

    fn request_id(&self) -> &str {
        self.trace().id.as_str()
    }

    fn trace(&self) -> &RequestTrace {
        static NONE: RequestTrace = RequestTrace { id: String::new(), client_id: None };
        self.data::<RequestTrace>().unwrap_or(&NONE)
    }

    fn actor(&self) -> AppResult<Actor<'_>> {
        Ok(Actor { viewer: self.viewer()?, trace: self.trace(), now: self.state()?.clock.now() })
    }
}
