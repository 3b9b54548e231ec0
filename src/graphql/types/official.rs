//! `Official` 公务人员.

use crate::error::AppResult;
use async_graphql::{Context, Object, ID};
use entity::official;

use super::official_transfer::OfficialTransfer;
use super::{
    enums::{OfficialCategory, OfficialStatus},
    CreditRecord, CreditRecordConnection, Unit,
};
use crate::{
    auth::policy,
    domain::masking::{mask_id_number, mask_phone},
    error::AppError,
    graphql::{
        connection::connection_types,
        context::ContextExt,
        ids::{global_id, NodeType},
        loaders::{OfficialYear, RecordsOfOfficial},
        nested::{nested_page, NestedLoaders},
        query::credit_records,
        scalars::{DateTime, Decimal},
    },
    store::identifier_reads::IdentifierReads,
};

/// A public servant (公务员 or 事业单位人员) of a unit. Identifiers are masked unless the viewer
/// is the administrator or a personnel office.
#[derive(Clone)]
pub struct Official(pub official::Model);

/// A public servant (公务员 or 事业单位人员) of a unit. Identifiers are masked unless the viewer
/// is the administrator or a personnel office.
#[Object(visible = "crate::graphql::visibility::list_officials")]
impl Official {
    /// The official's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::Official, self.0.id)
    }

    /// Full name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// 身份证号, masked as `350526********1234` unless the viewer may see it whole.
    async fn id_number(&self, ctx: &Context<'_>) -> AppResult<String> {
        Ok(if policy::sees_unmasked_identifiers(ctx.viewer()?) {
            self.note_unmasked(ctx, "idNumber")?;
            self.0.id_number.clone()
        } else {
            mask_id_number(&self.0.id_number)
        })
    }

    /// Phone number, masked as `138****1234` unless the viewer may see it whole.
    async fn phone(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        let Some(phone) = self.0.phone.as_deref() else { return Ok(None) };
        Ok(Some(if policy::sees_unmasked_identifiers(ctx.viewer()?) {
            self.note_unmasked(ctx, "phone")?;
            phone.to_owned()
        } else {
            mask_phone(phone)
        }))
    }

    /// 公务员 or 事业单位人员.
    async fn category(&self) -> OfficialCategory {
        self.0.category.into()
    }

    /// Position held, e.g. 科员.
    async fn position(&self) -> Option<&str> {
        self.0.position.as_deref()
    }

    /// Whether the official heads the unit (its 主要负责人).
    async fn is_head_of_unit(&self) -> bool {
        self.0.is_head_of_unit
    }

    /// In post, transferred, retired or left.
    async fn status(&self) -> OfficialStatus {
        self.0.status.into()
    }

    /// When the official was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }

    /// Send back with `updateOfficial`; a stale one is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// The official's transfers between units (调动记录), oldest first. Records made while they
    /// served an earlier unit keep naming it.
    async fn transfers(&self, ctx: &Context<'_>) -> AppResult<Vec<OfficialTransfer>> {
        let rows = ctx.loaders()?.official_transfers().load_one(self.0.id).await?.unwrap_or_default();
        Ok(rows.into_iter().map(OfficialTransfer).collect())
    }

    /// The unit the official serves.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// Whether the official may be awarded now (plan task 2.3.3): not within a disciplinary
    /// sanction's period.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn honours_eligibility(&self, ctx: &Context<'_>) -> AppResult<super::honours::HonoursEligibility> {
        let bars = ctx.loaders()?.official_honours().load_one(self.0.id).await?.unwrap_or_default();
        Ok(super::honours::HonoursEligibility(bars))
    }

    /// Hours of integrity training (诚信教育) completed in a calendar year.
    async fn training_hours(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The calendar year.")] year: i32,
    ) -> AppResult<Decimal> {
        let key = OfficialYear { official: self.0.id, year };
        let minutes = ctx.loaders()?.training_minutes().load_one(key).await?.unwrap_or(0);
        Ok(Decimal((rust_decimal::Decimal::new(minutes, 0) / rust_decimal::Decimal::from(60)).round_dp(2)))
    }

    /// The official's credit records, newest decision first — only those the viewer may see.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn credit_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which records, as `creditRecords` takes them (the official is this one).")] filter: Option<
            credit_records::CreditRecordFilter,
        >,
        #[graphql(desc = "Sort order (default: newest decision first).")] order_by: Option<
            credit_records::CreditRecordOrder,
        >,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<CreditRecordConnection> {
        if filter.is_some() || order_by.is_some() {
            let mut filter = filter.unwrap_or_default();
            filter.official_id = Some(global_id(NodeType::Official, self.0.id));
            let args = crate::graphql::connection::PageArgs { first, after, last: None, before: None };
            return credit_records::list(ctx, filter, order_by.unwrap_or_default(), args).await;
        }
        let loaders = NestedLoaders::<RecordsOfOfficial> {
            pages: |l| l.official_record_pages(),
            counts: |l| l.official_record_counts(),
        };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, CreditRecord).await?.into())
    }
}

impl Official {
    /// Notes an unmasked identifier read for the audit log (written when the request is done).
    /// Without the request's read log the identifier is not shown at all.
    fn note_unmasked(&self, ctx: &Context<'_>, field: &'static str) -> AppResult<()> {
        let reads = ctx
            .data::<std::sync::Arc<IdentifierReads>>()
            .map_err(|_| AppError::Internal("no identifier read log in context".into()))?;
        reads.note("official", global_id(NodeType::Official, self.0.id).0, field);
        Ok(())
    }
}

connection_types!(OfficialConnection, OfficialEdge, Official, "officials");
