//! Subscriptions over graphql-transport-ws on `/graphql` (the token in `connection_init`): live
//! record events and deadline events, each filtered by the subscriber's policy; a revoked token
//! ends them within a second. Events come from the audit log every API process shares (`live`).

mod deadline_events;
mod listening;
mod record_events;

use async_graphql::{Context, Subscription};
use futures::{stream::BoxStream, StreamExt};

pub use deadline_events::{DeadlineEvent, DeadlineKind};
pub use listening::SubscriberToken;
pub use record_events::{RecordEvent, RecordEventFilter, RecordEventKind};

use crate::{
    auth::policy::{self, Operation},
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
    },
};

#[derive(Default)]
pub struct SubscriptionRoot;

/// Live updates (WebSocket, graphql-transport-ws; sign in with `{ "authorization": "Bearer …" }`
/// in `connection_init`).
#[Subscription(name = "Subscription", visible = "crate::graphql::visibility::any_subscription")]
impl SubscriptionRoot {
    /// Credit records created, changed, published, repaired or removed — those the subscriber may
    /// read (the rule of the records list).
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record_events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which events (default: all the subscriber may see).")] filter: Option<RecordEventFilter>,
    ) -> Result<BoxStream<'static, AppResult<RecordEvent>>, AppError> {
        let (state, viewer) = (ctx.state()?.clone(), ctx.viewer()?.clone());
        policy::may(&viewer, Operation::ListCreditRecords)?;
        let token = listening::token_of(ctx)?;
        let filter = filter.unwrap_or_default();
        let unit = filter.unit_id.as_ref().map(|id| expect_id(id, NodeType::Unit, "filter.unitId")).transpose()?;
        let inner = state.clone();
        Ok(listening::listen(
            state,
            token,
            Box::new(move |event| {
                let (state, viewer, filter) = (inner.clone(), viewer.clone(), filter.clone());
                Box::pin(async move { record_events::record_event(&state, &viewer, &filter, unit, event).await })
            }),
        )
        .boxed())
    }

    /// Deadlines the sweep finds passed: rectifications, objections, complaints, commitments and
    /// procurement payments — those the subscriber may list.
    #[graphql(visible = "crate::graphql::visibility::read_record_workflows")]
    async fn deadline_events(
        &self,
        ctx: &Context<'_>,
    ) -> Result<BoxStream<'static, AppResult<DeadlineEvent>>, AppError> {
        let (state, viewer) = (ctx.state()?.clone(), ctx.viewer()?.clone());
        let token = listening::token_of(ctx)?;
        let inner = state.clone();
        Ok(listening::listen(
            state,
            token,
            Box::new(move |event| {
                let (state, viewer) = (inner.clone(), viewer.clone());
                Box::pin(async move { deadline_events::deadline_event(&state, &viewer, event).await })
            }),
        )
        .boxed())
    }
}
