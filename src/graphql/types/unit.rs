//! `Unit` 单位.

use crate::error::AppResult;
use async_graphql::{Context, Object, ID};
use entity::unit;

use super::{
    enums::UnitKind, Commitment, CommitmentConnection, Complaint, ComplaintConnection, CreditRecord,
    CreditRecordConnection, OfficialConnection, ProcurementContract, ProcurementContractConnection, Proposal,
    ProposalConnection, RecordStats,
};
use crate::graphql::{
    connection::{connection_types, PageArgs},
    context::ContextExt,
    ids::{global_id, NodeType},
    loaders::{
        CommitmentsOfUnit, ComplaintsOfUnit, ContractsOfUnit, OfficialsOfUnit, ProposalsOfUnit, RecordsOfUnit, StatsKey,
    },
    nested::{nested_page, NestedLoaders},
    query::{commitments, complaints, credit_records, list_orders, procurement_contracts, proposals},
    scalars::DateTime,
    types::Official,
};

/// A body of the county: the government, a department, a public institution, a township, a
/// village or residents' committee. Units form a tree.
#[derive(Clone)]
pub struct Unit(pub unit::Model);

/// A body of the county: the government, a department, a public institution, a township, a
/// village or residents' committee. Units form a tree.
#[Object]
impl Unit {
    /// The unit's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::Unit, self.0.id)
    }

    /// Full name, e.g. 德化县人民政府.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Short name, e.g. 县发改局.
    async fn short_name(&self) -> Option<&str> {
        self.0.short_name.as_deref()
    }

    /// What kind of body it is.
    async fn kind(&self) -> UnitKind {
        self.0.kind.into()
    }

    /// 统一社会信用代码 (18 characters, GB 32100).
    async fn uscc(&self) -> Option<&str> {
        self.0.uscc.as_deref()
    }

    /// 行政区划代码: 350526 for the county, 9 digits for a township, 12 for a village.
    async fn division_code(&self) -> Option<&str> {
        self.0.division_code.as_deref()
    }

    /// False once the unit is merged or dissolved.
    async fn active(&self) -> bool {
        self.0.active
    }

    /// Send back with `updateUnit`; a stale one is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When the unit was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }

    /// The unit above this one; null for the county government.
    async fn parent(&self, ctx: &Context<'_>) -> AppResult<Option<Unit>> {
        let Some(parent) = self.0.parent_id else {
            return Ok(None);
        };
        Ok(crate::graphql::access::unit(ctx, parent).await?.map(Unit))
    }

    /// The units directly below this one, oldest first.
    async fn children(&self, ctx: &Context<'_>) -> AppResult<Vec<Unit>> {
        let children = ctx.loaders()?.unit_children().load_one(self.0.id).await?;
        Ok(children.unwrap_or_default().into_iter().map(Unit).collect())
    }

    /// The unit's public servants, by name (only those the viewer may see).
    #[graphql(visible = "crate::graphql::visibility::list_officials")]
    async fn officials(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<OfficialConnection> {
        let loaders =
            NestedLoaders::<OfficialsOfUnit> { pages: |l| l.official_pages(), counts: |l| l.official_counts() };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, Official).await?.into())
    }

    /// The unit's own credit records (its officials' included), newest decision first — only
    /// those the viewer may see.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn credit_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Which records, as `creditRecords` takes them (the unit is this one; `includeSubunits` widens it to the subtree)."
        )]
        filter: Option<credit_records::CreditRecordFilter>,
        #[graphql(desc = "Sort order (default: newest decision first).")] order_by: Option<
            credit_records::CreditRecordOrder,
        >,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<CreditRecordConnection> {
        if filter.is_some() || order_by.is_some() {
            let mut filter = filter.unwrap_or_default();
            filter.unit_id = Some(global_id(NodeType::Unit, self.0.id));
            let args = PageArgs { first, after, last: None, before: None };
            return credit_records::list(ctx, filter, order_by.unwrap_or_default(), args).await;
        }
        let loaders =
            NestedLoaders::<RecordsOfUnit> { pages: |l| l.unit_record_pages(), counts: |l| l.unit_record_counts() };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, CreditRecord).await?.into())
    }

    /// The unit's commitments, by due date — only those the viewer may see.
    async fn commitments(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Which commitments, as `commitments` takes them (the unit is this one; `includeSubunits` widens it to the subtree)."
        )]
        filter: Option<commitments::CommitmentFilter>,
        #[graphql(desc = "Sort order (default: soonest due first).")] order_by: Option<list_orders::CommitmentOrder>,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<CommitmentConnection> {
        if filter.is_some() || order_by.is_some() {
            let mut filter = filter.unwrap_or_default();
            filter.unit_id = Some(global_id(NodeType::Unit, self.0.id));
            let args = PageArgs { first, after, last: None, before: None };
            return commitments::list(ctx, filter, order_by.unwrap_or_default(), args).await;
        }
        let loaders = NestedLoaders::<CommitmentsOfUnit> {
            pages: |l| l.unit_commitment_pages(),
            counts: |l| l.unit_commitment_counts(),
        };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, Commitment).await?.into())
    }

    /// Complaints about the unit, newest first — only those the viewer may see.
    #[graphql(visible = "crate::graphql::visibility::list_complaints")]
    async fn complaints(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Which complaints, as `complaints` takes them (the unit complained about is this one; `includeSubunits` widens it to the subtree)."
        )]
        filter: Option<complaints::ComplaintFilter>,
        #[graphql(desc = "Sort order (default: newest first).")] order_by: Option<list_orders::ComplaintOrder>,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<ComplaintConnection> {
        if filter.is_some() || order_by.is_some() {
            let mut filter = filter.unwrap_or_default();
            filter.unit_id = Some(global_id(NodeType::Unit, self.0.id));
            let args = PageArgs { first, after, last: None, before: None };
            return complaints::list(ctx, filter, order_by.unwrap_or_default(), args).await;
        }
        let loaders = NestedLoaders::<ComplaintsOfUnit> {
            pages: |l| l.unit_complaint_pages(),
            counts: |l| l.unit_complaint_counts(),
        };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, Complaint).await?.into())
    }

    /// Proposals the unit handles, by due date — only those the viewer may see.
    #[graphql(visible = "crate::graphql::visibility::list_proposals")]
    async fn proposals(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Which proposals, as `proposals` takes them (the handling unit is this one; `includeSubunits` widens it to the subtree)."
        )]
        filter: Option<proposals::ProposalFilter>,
        #[graphql(desc = "Sort order (default: soonest due first).")] order_by: Option<list_orders::ProposalOrder>,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<ProposalConnection> {
        if filter.is_some() || order_by.is_some() {
            let mut filter = filter.unwrap_or_default();
            filter.handling_unit_id = Some(global_id(NodeType::Unit, self.0.id));
            let args = PageArgs { first, after, last: None, before: None };
            return proposals::list(ctx, filter, order_by.unwrap_or_default(), args).await;
        }
        let loaders = NestedLoaders::<ProposalsOfUnit> {
            pages: |l| l.unit_proposal_pages(),
            counts: |l| l.unit_proposal_counts(),
        };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, Proposal).await?.into())
    }

    /// Government procurement contracts the unit bought, newest signed first — only those the
    /// viewer may see.
    #[graphql(visible = "crate::graphql::visibility::list_sector_projects")]
    async fn procurement_contracts(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Which contracts, as `procurementContracts` takes them (the purchaser is this unit; `includeSubunits` widens it to the subtree)."
        )]
        filter: Option<procurement_contracts::ProcurementContractFilter>,
        #[graphql(desc = "Sort order (default: newest signed first).")] order_by: Option<
            procurement_contracts::ProcurementContractOrder,
        >,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<ProcurementContractConnection> {
        if filter.is_some() || order_by.is_some() {
            let mut filter = filter.unwrap_or_default();
            filter.unit_id = Some(global_id(NodeType::Unit, self.0.id));
            let args = PageArgs { first, after, last: None, before: None };
            return procurement_contracts::list(ctx, filter, order_by.unwrap_or_default(), args).await;
        }
        let loaders = NestedLoaders::<ContractsOfUnit> {
            pages: |l| l.unit_contract_pages(),
            counts: |l| l.unit_contract_counts(),
        };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, ProcurementContract).await?.into())
    }

    /// Whether the unit may take part in honours now (plan task 2.3.3): not while its own SERIOUS
    /// dishonesty record is in force or a rectification is overdue.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn honours_eligibility(&self, ctx: &Context<'_>) -> AppResult<super::honours::HonoursEligibility> {
        let bars = ctx.loaders()?.unit_honours().load_one(self.0.id).await?.unwrap_or_default();
        Ok(super::honours::HonoursEligibility(bars))
    }

    /// Counts of the unit's records in force (among those the viewer may count): its own and its
    /// officials', or one subject's; with `includeSubunits`, of its whole subtree.
    async fn record_stats(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Count the units below it too.", default = false)] include_subunits: bool,
        #[graphql(desc = "Only the unit's own records (UNIT) or its officials' (OFFICIAL).")] subject_type: Option<
            super::record_enums::SubjectType,
        >,
    ) -> AppResult<RecordStats> {
        let key = StatsKey { unit: self.0.id, subtree: include_subunits, subject: subject_type.map(Into::into) };
        Ok(ctx.loaders()?.record_stats().load_one(key).await?.unwrap_or_default().into())
    }
}

connection_types!(UnitConnection, UnitEdge, Unit, "units");
