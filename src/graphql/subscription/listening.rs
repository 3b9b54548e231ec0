//! What every subscription stream does: wait for the next audited change from the process's live
//! feed, let the subscription turn it into an event for its subscriber (or drop it), and check the
//! subscriber's token every second — a revoked or expired token ends the stream with
//! `UNAUTHENTICATED`.

use std::{future::Future, pin::Pin, time::Duration};

use futures::Stream;
use tokio::sync::broadcast::{error::RecvError, Receiver};

use crate::{
    auth::bearer::viewer_of_token,
    error::{AppError, AppResult},
    live::LiveEvent,
    state::AppState,
};

/// The token a WebSocket connection signed in with (`connection_init`).
#[derive(Clone)]
pub struct SubscriberToken(pub String);

/// Turns a change into the subscriber's event, or drops it (`None`).
pub type Translate<T> = Box<dyn Fn(LiveEvent) -> Pin<Box<dyn Future<Output = AppResult<Option<T>>> + Send>> + Send>;

struct Listening<T> {
    state: AppState,
    token: String,
    events: Receiver<LiveEvent>,
    translate: Translate<T>,
    /// Every second, however busy the feed.
    check: tokio::time::Interval,
    ended: bool,
}

/// The subscriber's events, until its token stops being valid.
pub fn listen<T: Send + 'static>(
    state: AppState,
    token: String,
    translate: Translate<T>,
) -> impl Stream<Item = AppResult<T>> {
    let events = state.live.subscribe();
    let mut check = tokio::time::interval(Duration::from_secs(1));
    check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let listening = Listening { state, token, events, translate, check, ended: false };
    futures::stream::unfold(listening, |mut l| async move {
        if l.ended {
            return None;
        }
        loop {
            tokio::select! {
                _ = l.check.tick() => {
                    if let Err(error) = viewer_of_token(&l.state, &l.token).await {
                        l.ended = true;
                        return Some((Err(error), l));
                    }
                }
                event = l.events.recv() => match event {
                    Ok(event) => match (l.translate)(event).await {
                        Ok(Some(out)) => return Some((Ok(out), l)),
                        Ok(None) => {}
                        Err(error) => return Some((Err(error), l)),
                    },
                    Err(RecvError::Lagged(missed)) => tracing::warn!(missed, "a subscriber fell behind the live feed"),
                    Err(RecvError::Closed) => return None,
                },
            }
        }
    })
}

/// The subscriber's token, or `UNAUTHENTICATED` for a connection that gave none.
pub fn token_of(ctx: &async_graphql::Context<'_>) -> AppResult<String> {
    ctx.data_opt::<SubscriberToken>()
        .map(|t| t.0.clone())
        .ok_or(AppError::Unauthenticated(crate::error::Reason::SignInToDo))
}
