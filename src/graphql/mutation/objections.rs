//! `fileObjection`, `decideObjection`: objections (异议) to a record, decided by the credit office
//! within the configured handling deadline. Upheld, the record is revoked or corrected — audited
//! and pushed again — in the same transaction.

use crate::error::AppResult;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::{
            objection::ObjectionStatus,
            record_enums::{Disclosure, Severity},
            CreditRecord, Objection,
        },
    },
    service::objections::{self, Correction, Decision, Remedy},
};

/// An objection to a record.
#[derive(InputObject)]
pub struct FileObjectionInput {
    /// The dishonesty record objected to.
    pub record_id: ID,
    /// The grounds (at most 5000 characters).
    pub grounds: String,
}

/// What an upheld objection does to the record.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ObjectionRemedy {
    /// The record is revoked.
    Revoke,
    /// The record is corrected as given in `correction`.
    Correct,
}

/// The corrected fields of a record (at least one).
#[derive(InputObject, Default)]
pub struct RecordCorrection {
    /// New title.
    pub title: Option<String>,
    /// New facts.
    pub facts: Option<String>,
    /// New severity (the disclosure window follows).
    pub severity: Option<Severity>,
    /// New disclosure level.
    pub disclosure: Option<Disclosure>,
}

/// The credit office's step on an objection.
#[derive(InputObject)]
pub struct DecideObjectionInput {
    /// The objection.
    pub id: ID,
    /// The version you read; a stale one (someone decided first) is refused with `CONFLICT`.
    pub version: i32,
    /// UNDER_REVIEW (taken up), UPHELD or DISMISSED.
    pub status: ObjectionStatus,
    /// The decision's text (required for UPHELD and DISMISSED).
    pub decision: Option<String>,
    /// For UPHELD: revoke or correct the record.
    pub remedy: Option<ObjectionRemedy>,
    /// For a correction: the new values.
    pub correction: Option<RecordCorrection>,
}

/// The objection as saved, and the record when an upheld objection changed it.
#[derive(SimpleObject)]
pub struct ObjectionPayload {
    /// The objection.
    pub objection: Objection,
    /// The revoked or corrected record.
    pub record: Option<CreditRecord>,
}

#[derive(Default)]
pub struct ObjectionMutation;

#[Object]
impl ObjectionMutation {
    /// Files an objection to a dishonesty record in force: the clerk of the record's unit, or a
    /// personnel office for an official's record. One open objection per record.
    #[graphql(visible = "crate::graphql::visibility::file_objections")]
    async fn file_objection(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The record and the grounds.")] input: FileObjectionInput,
    ) -> AppResult<ObjectionPayload> {
        let record = expect_id(&input.record_id, NodeType::CreditRecord, "input.recordId")?;
        let filed = objections::file(ctx.state()?, &ctx.actor()?, record, &input.grounds).await?;
        Ok(ObjectionPayload { objection: Objection(filed), record: None })
    }

    /// The credit office takes an objection up (UNDER_REVIEW) or decides it: UPHELD revokes or
    /// corrects the record (audited, pushed again), DISMISSED leaves it. Of two decisions on one
    /// objection at the same version, one wins and the other gets `CONFLICT`.
    #[graphql(visible = "crate::graphql::visibility::decide_objections")]
    async fn decide_objection(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The step.")] input: DecideObjectionInput,
    ) -> AppResult<ObjectionPayload> {
        let id = expect_id(&input.id, NodeType::Objection, "input.id")?;
        let remedy = input.remedy.map(|remedy| match remedy {
            ObjectionRemedy::Revoke => Remedy::Revoke,
            ObjectionRemedy::Correct => {
                let correction = input.correction.unwrap_or_default();
                Remedy::Correct(Correction {
                    title: correction.title,
                    facts: correction.facts,
                    severity: correction.severity.map(Into::into),
                    disclosure: correction.disclosure.map(Into::into),
                })
            }
        });
        let step = Decision { to: input.status.into(), decision: input.decision, remedy };
        let (saved, record) = objections::decide(ctx.state()?, &ctx.actor()?, id, input.version, step).await?;
        Ok(ObjectionPayload { objection: Objection(saved), record: record.map(CreditRecord) })
    }
}
