//! `createCreditRecord`.

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::{
            record_enums::{Disclosure, Polarity, RecordCategory, Sanction, Sector, Severity},
            CreditRecord,
        },
    },
    service::credit_records::{self, CreateRecord},
};

/// A new record.
#[derive(InputObject)]
pub struct CreateCreditRecordInput {
    /// The unit the record is about (for an official's record, the unit they served).
    pub unit_id: ID,
    /// The official, for an official's record; they must belong to `unitId`.
    pub official_id: Option<ID>,
    /// Honour or dishonesty.
    pub polarity: Polarity,
    /// What kind; COMMENDATION goes with HONOR.
    pub category: RecordCategory,
    /// The key sector.
    #[graphql(default_with = "Sector::General")]
    pub sector: Sector,
    /// How serious; sets the disclosure window.
    pub severity: Severity,
    /// Short title (at most 300 characters).
    pub title: String,
    /// The facts as decided (at most 10 000 characters).
    pub facts: String,
    /// The decision's document number (文号).
    pub document_number: Option<String>,
    /// The authority that decided.
    pub deciding_authority: String,
    /// When the conduct occurred (not in the future).
    pub occurred_on: Date,
    /// When it was decided (not before `occurredOn`, not in the future).
    pub decided_on: Date,
    /// Who may see it; default RESTRICTED for an official's record, PUBLIC for a unit's
    /// 失信被执行人 listing, SHARED for any other unit record.
    pub disclosure: Option<Disclosure>,
    /// A DISCIPLINARY_SANCTION record's sanction (required there, refused elsewhere); its period
    /// runs from `decidedOn`.
    pub sanction: Option<Sanction>,
}

/// The record as written.
#[derive(SimpleObject)]
pub struct CreditRecordPayload {
    /// The record.
    pub record: CreditRecord,
}

#[derive(Default)]
pub struct CreateCreditRecordMutation;

#[Object]
impl CreateCreditRecordMutation {
    /// Enters a credit record. Audited; a dishonesty record is queued for the municipal platform in
    /// the same transaction.
    #[graphql(visible = "crate::graphql::visibility::create_credit_record")]
    async fn create_credit_record(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The record.")] input: CreateCreditRecordInput,
    ) -> AppResult<CreditRecordPayload> {
        let command = CreateRecord {
            unit_id: expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?,
            official_id: input
                .official_id
                .as_ref()
                .map(|id| expect_id(id, NodeType::Official, "input.officialId"))
                .transpose()?,
            polarity: input.polarity.into(),
            category: input.category.into(),
            sector: input.sector.into(),
            severity: input.severity.into(),
            title: input.title,
            facts: input.facts,
            document_number: input.document_number,
            deciding_authority: input.deciding_authority,
            occurred_on: input.occurred_on.0,
            decided_on: input.decided_on.0,
            disclosure: input.disclosure.map(Into::into),
            sanction: input.sanction.map(Into::into),
        };
        let record = credit_records::create(ctx.state()?, &ctx.actor()?, command).await?;
        Ok(CreditRecordPayload { record: CreditRecord(record) })
    }
}
