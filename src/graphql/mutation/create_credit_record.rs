//! `createCreditRecord`.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use entity::{enums, official, unit};
use sea_orm::{EntityTrait, TransactionTrait};

use crate::{
    auth::policy::{self, records::can_create_record, Operation},
    domain::record_rules::{check_record, default_disclosure, RecordDraft},
    error::AppError,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Date,
        types::{
            record_enums::{Disclosure, Polarity, RecordCategory, Sector, Severity},
            CreditRecord,
        },
    },
    store::record_writer::{write_new_record, NewRecord, WriteContext},
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
    /// Who may see it; default RESTRICTED for an official's record, SHARED for a unit's.
    pub disclosure: Option<Disclosure>,
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
    ) -> Result<CreditRecordPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        let db = &state.db;
        policy::may(viewer, Operation::CreateCreditRecord)?;
        let recording_unit =
            viewer.unit_id.ok_or_else(|| AppError::Forbidden("your account has no unit to record as".into()))?;
        let unit_id = expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?;
        if unit::Entity::find_by_id(unit_id).one(db).await.map_err(AppError::from)?.is_none() {
            return Err(AppError::bad_input("input.unitId", "no such unit").into());
        }
        let official_id = match &input.official_id {
            Some(id) => {
                let row = expect_id(id, NodeType::Official, "input.officialId")?;
                let person = official::Entity::find_by_id(row).one(db).await.map_err(AppError::from)?;
                match person {
                    Some(person) if person.unit_id == unit_id => Some(row),
                    Some(_) => {
                        return Err(
                            AppError::bad_input("input.officialId", "the official does not belong to the unit").into()
                        )
                    }
                    None => return Err(AppError::bad_input("input.officialId", "no such official").into()),
                }
            }
            None => None,
        };
        let subject_type = if official_id.is_some() { enums::SubjectType::Official } else { enums::SubjectType::Unit };
        let authorised = super::shared::authorised_categories(db, Some(recording_unit)).await?;
        let (polarity, category, severity) = (input.polarity.into(), input.category.into(), input.severity.into());
        can_create_record(viewer, polarity, category, subject_type, &authorised)?;
        let disclosure = input.disclosure.map(Into::into).unwrap_or_else(|| default_disclosure(subject_type));
        let today = state.clock.today();
        let draft = RecordDraft {
            subject_type,
            polarity,
            category,
            severity,
            disclosure,
            title: &input.title,
            facts: &input.facts,
            document_number: input.document_number.as_deref(),
            deciding_authority: &input.deciding_authority,
            occurred_on: input.occurred_on.0,
            decided_on: input.decided_on.0,
        };
        check_record(&draft, today)?;
        let new = NewRecord {
            subject_type,
            unit_id,
            official_id,
            polarity,
            category,
            sector: input.sector.into(),
            severity,
            title: input.title,
            facts: input.facts,
            document_number: input.document_number,
            deciding_authority: input.deciding_authority,
            occurred_on: input.occurred_on.0,
            decided_on: input.decided_on.0,
            disclosure,
            recorded_by_unit_id: recording_unit,
            source: None,
        };
        let at = WriteContext { viewer, trace: ctx.trace(), now: state.clock.now(), rules: &state.config.repair_rules };
        let txn = db.begin().await.map_err(AppError::from)?;
        let record = write_new_record(&txn, &at, new).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(CreditRecordPayload { record: CreditRecord(record) })
    }
}
