//! `TenderProject` 招标项目 (plan task 3.3).

use async_graphql::{Context, Enum, Object, ID};
use entity::tender_project;

use super::{CreditRecordConnection, Unit};
use crate::{
    error::AppResult,
    graphql::{
        access,
        connection::connection_types,
        ids::{global_id, NodeType},
        loaders::RecordsOfTender,
        nested::{nested_page, NestedLoaders},
        scalars::{Date, DateTime, Decimal},
        types::CreditRecord,
    },
};

/// How a tender invites bids (招标投标法 art. 10).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::TenderMethod")]
pub enum TenderMethod {
    /// 公开招标.
    PublicTender,
    /// 邀请招标.
    InvitedTender,
}

/// Where a tender stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::TenderStatus")]
pub enum TenderStatus {
    /// Announced; not yet awarded.
    Open,
    /// Awarded to a bidder (中标).
    Awarded,
    /// Failed (流标).
    Failed,
}

/// A tender of a government body: its agency, bid opening, the winning bidder and the
/// third-party credit report the bidder was checked with.
#[derive(Clone)]
pub struct TenderProject(pub tender_project::Model);

/// A tender of a government body: its agency, bid opening, the winning bidder and the
/// third-party credit report the bidder was checked with.
#[Object]
impl TenderProject {
    /// The tender's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::TenderProject, self.0.id)
    }

    /// The tenderer (招标人): the government body.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// The project number.
    async fn project_number(&self) -> &str {
        &self.0.project_number
    }

    /// The project's name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The tendering agency (招标代理机构); null when the body tendered itself.
    async fn agency_name(&self) -> Option<&str> {
        self.0.agency_name.as_deref()
    }

    /// How it invites bids.
    async fn method(&self) -> TenderMethod {
        self.0.method.into()
    }

    /// The budget (招标控制价), in yuan.
    async fn budget(&self) -> Decimal {
        Decimal::from_fen(self.0.budget_fen)
    }

    /// The day bids are opened.
    async fn bid_opening_on(&self) -> Date {
        Date(self.0.bid_opening_on)
    }

    /// Where it stands.
    async fn status(&self) -> TenderStatus {
        self.0.status.into()
    }

    /// For AWARDED: the winning bidder.
    async fn winning_bidder_name(&self) -> Option<&str> {
        self.0.winning_bidder_name.as_deref()
    }

    /// For AWARDED: the winning bidder's USCC, as given.
    async fn winning_bidder_uscc(&self) -> Option<&str> {
        self.0.winning_bidder_uscc.as_deref()
    }

    /// For AWARDED: false when the winning bidder's USCC fails GB 32100 (kept and flagged).
    async fn winning_bidder_uscc_valid(&self) -> Option<bool> {
        self.0.winning_bidder_uscc_valid
    }

    /// For AWARDED: the winning bid, in yuan.
    async fn award_amount(&self) -> Option<Decimal> {
        self.0.award_amount_fen.map(Decimal::from_fen)
    }

    /// For AWARDED: the reference of the third-party credit report (第三方信用报告) the winning
    /// bidder's credit was checked with.
    async fn credit_report_reference(&self) -> Option<&str> {
        self.0.credit_report_reference.as_deref()
    }

    /// The day it was awarded or failed.
    async fn concluded_on(&self) -> Option<Date> {
        self.0.concluded_on.map(Date)
    }

    /// For FAILED: why (流标).
    async fn failure_reason(&self) -> Option<&str> {
        self.0.failure_reason.as_deref()
    }

    /// The records of the tenderer's violations in this tender, newest decision first — only
    /// those the viewer may see.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn violation_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<CreditRecordConnection> {
        let loaders = NestedLoaders::<RecordsOfTender> {
            pages: |l| l.tender_record_pages(),
            counts: |l| l.tender_record_counts(),
        };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, CreditRecord).await?.into())
    }

    /// Send back with a change.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(TenderProjectConnection, TenderProjectEdge, TenderProject, "tender projects");
