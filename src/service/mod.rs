//! The service layer: one function per command. Each asks the policy, applies the domain rules,
//! and writes its rows, its audit entry and (for records) its outbox row in one transaction; it
//! returns the outcome or an `AppError`. The GraphQL resolvers, the CLI and the jobs all call
//! these functions, so a write has one home however it is started.

pub mod accountability;
pub mod accounts;
pub mod api_tokens;
pub mod breach_records;
pub mod commitments;
pub mod complaint_form;
pub mod complaints;
pub mod credit_records;
pub mod deadlines;
pub mod debt;
pub mod evaluations;
pub mod honours;
pub mod investment;
pub mod listings;
pub mod objections;
pub mod officials;
pub mod platform_pushes;
pub mod ppp;
pub mod procurement;
pub mod proposals;
pub mod recording_authorities;
pub mod rectifications;
pub mod repairs;
pub mod scope;
pub mod task_progress;
pub mod tender;
pub mod training;
pub mod units;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, IntoActiveModel, TransactionTrait};
use serde::Serialize;

use crate::{
    auth::Viewer,
    error::AppResult,
    state::AppState,
    store::{
        audit::RequestTrace,
        record_writer::WriteContext,
        versioned::{insert_audited, save_versioned, Audited, Versioned},
    },
};

/// Who acts, for which request, and when.
pub struct Actor<'a> {
    pub viewer: &'a Viewer,
    pub trace: &'a RequestTrace,
    pub now: DateTime<Utc>,
}

impl<'a> Actor<'a> {
    /// The audit stamp and rules the store's writers take.
    pub fn write_context(&self, state: &'a AppState) -> WriteContext<'a> {
        WriteContext { viewer: self.viewer, trace: self.trace, now: self.now, rules: &state.config.repair_rules }
    }
}

/// A change of one versioned row and nothing else: its compare-and-set write and audit entry in
/// a transaction of their own (`CONFLICT` if someone changed the row first).
pub(crate) async fn save_alone<E>(
    state: &AppState,
    actor: &Actor<'_>,
    action: &str,
    before: &E::Model,
    changed: E::Model,
) -> AppResult<E::Model>
where
    E: Versioned,
    E::Model: IntoActiveModel<E::ActiveModel> + Serialize + Clone,
    E::ActiveModel: ActiveModelTrait<Entity = E>,
{
    let txn = state.db.begin().await?;
    let saved = save_versioned::<E, _>(&txn, &actor.write_context(state), action, before, changed).await?;
    txn.commit().await?;
    Ok(saved)
}

/// A new row and nothing else: its insert and audit entry in a transaction of their own.
pub(crate) async fn insert_alone<E>(
    state: &AppState,
    actor: &Actor<'_>,
    action: &str,
    row: E::ActiveModel,
) -> AppResult<E::Model>
where
    E: Audited,
    E::Model: IntoActiveModel<E::ActiveModel> + Serialize,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let txn = state.db.begin().await?;
    let saved = insert_audited::<E, _>(&txn, &actor.write_context(state), action, row).await?;
    txn.commit().await?;
    Ok(saved)
}
