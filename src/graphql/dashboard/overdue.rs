//! `Dashboard.overdue`: the reach's overdue rectifications, objections, repair applications,
//! complaints, proposals and commitments, each a connection (oldest deadline first; two statements
//! a page). A kind the viewer may not list answers `FORBIDDEN`, as its own list would.

use async_graphql::{Context, Object};

use super::workflows::{KindRows, WorkflowReach};
use crate::{
    error::AppResult,
    graphql::{
        connection::{OrderDirection, Page, PageArgs},
        context::ContextExt,
        keyset::{paginate, SortKey},
        types::{
            Commitment, CommitmentConnection, Complaint, ComplaintConnection, Objection, ObjectionConnection, Proposal,
            ProposalConnection, Rectification, RectificationConnection, RepairApplication, RepairApplicationConnection,
        },
    },
};
use entity::{commitment, complaint, objection, proposal, rectification, repair_application};
use sea_orm::{EntityTrait, QueryFilter};

/// What a dashboard's `overdue` reads over.
pub struct DashboardOverdue {
    pub unit: Option<i32>,
    pub include_subunits: bool,
    pub as_of: chrono::NaiveDate,
}

impl DashboardOverdue {
    pub(super) fn reach<'c>(&self, ctx: &'c Context<'_>) -> AppResult<WorkflowReach<'c>> {
        let state = ctx.state()?;
        Ok(WorkflowReach {
            viewer: ctx.viewer()?,
            today: self.as_of,
            unit: self.unit,
            include_subunits: self.include_subunits,
            repair_days: state.config.deadlines.repair_days,
        })
    }
}

/// A page of a kind's overdue rows, oldest `deadline` first.
async fn overdue_page<E, N, Connection>(
    ctx: &Context<'_>,
    kind: KindRows<E>,
    deadline: E::Column,
    id: E::Column,
    args: PageArgs,
    node: fn(E::Model) -> N,
) -> AppResult<Connection>
where
    E: EntityTrait,
    E::Model: sea_orm::FromQueryResult + Send + Sync,
    Page<N>: Into<Connection>,
{
    let key = SortKey::by(deadline, id, OrderDirection::Asc);
    Ok(paginate(ctx, kind.rows.filter(kind.overdue), &key, &args).await?.map(node).into())
}

/// The overdue workflows of a dashboard's reach, oldest deadline first.
#[Object]
impl DashboardOverdue {
    /// Rectifications past their deadline (OVERDUE).
    async fn rectifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Start after this cursor.")] after: Option<String>,
    ) -> AppResult<RectificationConnection> {
        use rectification::Column as C;
        overdue_page(
            ctx,
            self.reach(ctx)?.rectifications()?,
            C::Deadline,
            C::Id,
            PageArgs { first, after, last: None, before: None },
            Rectification,
        )
        .await
    }

    /// Objections undecided past their handling deadline.
    async fn objections(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Start after this cursor.")] after: Option<String>,
    ) -> AppResult<ObjectionConnection> {
        use objection::Column as C;
        overdue_page(
            ctx,
            self.reach(ctx)?.objections()?,
            C::HandlingDeadline,
            C::Id,
            PageArgs { first, after, last: None, before: None },
            Objection,
        )
        .await
    }

    /// Repair applications undecided for longer than `CHENGXIN_REPAIR_DAYS`.
    async fn repair_applications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Start after this cursor.")] after: Option<String>,
    ) -> AppResult<RepairApplicationConnection> {
        use repair_application::Column as C;
        overdue_page(
            ctx,
            self.reach(ctx)?.repair_applications()?,
            C::CreatedAt,
            C::Id,
            PageArgs { first, after, last: None, before: None },
            RepairApplication,
        )
        .await
    }

    /// Complaints unanswered past their handling deadline.
    async fn complaints(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Start after this cursor.")] after: Option<String>,
    ) -> AppResult<ComplaintConnection> {
        use complaint::Column as C;
        overdue_page(
            ctx,
            self.reach(ctx)?.complaints()?,
            C::HandlingDeadline,
            C::Id,
            PageArgs { first, after, last: None, before: None },
            Complaint,
        )
        .await
    }

    /// Proposals whose open round is unreplied past its due date.
    async fn proposals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Start after this cursor.")] after: Option<String>,
    ) -> AppResult<ProposalConnection> {
        use proposal::Column as C;
        overdue_page(
            ctx,
            self.reach(ctx)?.proposals()?,
            C::CurrentDueOn,
            C::Id,
            PageArgs { first, after, last: None, before: None },
            Proposal,
        )
        .await
    }

    /// Commitments still pending past their due date.
    async fn commitments(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Start after this cursor.")] after: Option<String>,
    ) -> AppResult<CommitmentConnection> {
        use commitment::Column as C;
        overdue_page(
            ctx,
            self.reach(ctx)?.commitments()?,
            C::DueOn,
            C::Id,
            PageArgs { first, after, last: None, before: None },
            Commitment,
        )
        .await
    }
}
