//! `confirmAccountabilityProposal`, `dismissAccountabilityProposal`: the 监委's recorder decides
//! what the deadline sweep proposed.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::{record_enums::Severity, AccountabilityProposal, CreditRecord},
    },
    service::accountability::{self, Confirmation},
};

/// A confirmation: the ACCOUNTABILITY record it makes.
#[derive(InputObject)]
pub struct ConfirmAccountabilityProposalInput {
    /// The proposal.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// The record's severity (default GENERAL).
    #[graphql(default_with = "Severity::General")]
    pub severity: Severity,
    /// Its title (default: "{unit}逾期未整改被问责").
    pub title: Option<String>,
    /// Its facts (default: from the overdue rectification).
    pub facts: Option<String>,
    /// The decision's document number (文号).
    pub document_number: Option<String>,
    /// Hold this official of the unit to account instead of the unit (the record is then
    /// RESTRICTED, as every official's).
    pub official_id: Option<ID>,
}

/// A dismissal.
#[derive(InputObject)]
pub struct DismissAccountabilityProposalInput {
    /// The proposal.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// Why no one is held to account (at most 2000 characters).
    pub reason: String,
}

/// The proposal as decided, and the record a confirmation made.
#[derive(SimpleObject)]
pub struct AccountabilityProposalPayload {
    /// The proposal.
    pub proposal: AccountabilityProposal,
    /// The ACCOUNTABILITY record, on confirmation.
    pub record: Option<CreditRecord>,
}

#[derive(Default)]
pub struct AccountabilityMutation;

#[Object]
impl AccountabilityMutation {
    /// The 监委's recorder confirms: the ACCOUNTABILITY record of the unit (or one of its
    /// officials), linked to the overdue rectification, is written with the decision. Audited.
    #[graphql(visible = "crate::graphql::visibility::decide_accountability")]
    async fn confirm_accountability_proposal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The confirmation.")] input: ConfirmAccountabilityProposalInput,
    ) -> AppResult<AccountabilityProposalPayload> {
        let id = expect_id(&input.id, NodeType::AccountabilityProposal, "input.id")?;
        let official_id =
            input.official_id.as_ref().map(|o| expect_id(o, NodeType::Official, "input.officialId")).transpose()?;
        let confirmation = Confirmation {
            severity: input.severity.into(),
            title: input.title,
            facts: input.facts,
            document_number: input.document_number,
            official_id,
        };
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let (proposal, record) = accountability::confirm(state, &actor, id, input.version, confirmation).await?;
        Ok(AccountabilityProposalPayload {
            proposal: AccountabilityProposal(proposal),
            record: Some(CreditRecord(record)),
        })
    }

    /// The 监委's recorder dismisses, with the reason. Audited.
    #[graphql(visible = "crate::graphql::visibility::decide_accountability")]
    async fn dismiss_accountability_proposal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dismissal.")] input: DismissAccountabilityProposalInput,
    ) -> AppResult<AccountabilityProposalPayload> {
        let id = expect_id(&input.id, NodeType::AccountabilityProposal, "input.id")?;
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let saved = accountability::dismiss(state, &actor, id, input.version, &input.reason).await?;
        Ok(AccountabilityProposalPayload { proposal: AccountabilityProposal(saved), record: None })
    }
}
