//! `runDeadlineSweep`: the background sweep, on demand.

use crate::error::AppResult;
use async_graphql::{Context, Object, SimpleObject};

use crate::{
    graphql::{context::ContextExt, scalars::DateTime},
    service::deadlines::sweep,
};

/// What a sweep changed (zero everywhere when run again with nothing newly due).
#[derive(SimpleObject)]
pub struct DeadlineSweepPayload {
    /// Rectifications newly OVERDUE and flagged for accountability.
    pub rectifications_overdue: u64,
    /// Accountability proposals opened for the 监委's recorder (one per overdue rectification).
    pub accountability_proposals_opened: u64,
    /// Objections newly marked as not decided in time.
    pub objections_overdue: u64,
    /// Assigned complaints newly marked as not replied in time.
    pub complaints_overdue: u64,
    /// PENDING commitments newly marked as past due.
    pub commitments_overdue: u64,
    /// Records lifted off the public portal (their disclosure window ended).
    pub records_lifted: u64,
    /// Procurement contracts paid late, or unpaid past their due day (and its grace), that got
    /// their CONTRACT_BREACH record.
    pub late_payments: u64,
    /// Investment agreements marked BREACHED that got their CONTRACT_BREACH record.
    pub agreement_breaches: u64,
    /// Debt instruments past maturity with money owed, marked OVERDUE with their record.
    pub debts_overdue: u64,
    /// When the sweep ran (the server's clock).
    pub ran_at: DateTime,
}

#[derive(Default)]
pub struct DeadlineSweepMutation;

#[Object]
impl DeadlineSweepMutation {
    /// Runs the deadline sweep now (the administrator and the credit office). Idempotent: a second
    /// run changes nothing more. Every change is audited under the caller.
    #[graphql(visible = "crate::graphql::visibility::run_deadline_sweep")]
    async fn run_deadline_sweep(&self, ctx: &Context<'_>) -> AppResult<DeadlineSweepPayload> {
        let actor = ctx.actor()?;
        let report = sweep(ctx.state()?, &actor).await?;
        Ok(DeadlineSweepPayload {
            rectifications_overdue: report.rectifications_overdue,
            accountability_proposals_opened: report.accountability_proposals,
            objections_overdue: report.objections_overdue,
            complaints_overdue: report.complaints_overdue,
            commitments_overdue: report.commitments_overdue,
            records_lifted: report.records_lifted,
            late_payments: report.late_payments,
            agreement_breaches: report.agreement_breaches,
            debts_overdue: report.debts_overdue,
            ran_at: DateTime(actor.now),
        })
    }
}
