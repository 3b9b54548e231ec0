//! The open workflows of a dashboard's reach, kind by kind: which rows are open, which of them are
//! overdue, narrowed to the reach and to what the viewer may list. `overview.openWorkflows` counts
//! them (from the workflow rollup, or one statement per kind); `overdue` pages through the overdue
//! ones.

use async_graphql::{Enum, SimpleObject};
use chrono::{Duration, NaiveDate, NaiveTime};
use entity::{
    commitment, complaint, credit_record,
    enums::{CommitmentStatus, ComplaintStatus, ObjectionStatus, ProposalStatus, RectificationStatus, RepairStatus},
    objection, proposal, rectification, repair_application,
};
use sea_orm::{
    sea_query::{Alias, Expr, Func},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Select,
};

use super::rollup_reads::{open_workflows, Holders};
use crate::{
    auth::{
        policy::{
            self, commitments::commitments_visible_to, complaints::complaints_visible_to, in_subtree,
            proposals::proposals_visible_to, workflows::workflows_visible_to, Operation,
        },
        Viewer,
    },
    error::AppResult,
    store::{versioned::Audited, workflow_rollups::day_number},
};

/// A kind of workflow.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum WorkflowKind {
    /// 整改: a dishonesty record's rectification (open: pending, submitted, rejected, overdue).
    Rectification,
    /// 异议: an objection to a record (open: filed, under review).
    Objection,
    /// 信用修复: a repair application (open: submitted; overdue after `CHENGXIN_REPAIR_DAYS`).
    RepairApplication,
    /// 12345 and other complaints (open: received, assigned, replied).
    Complaint,
    /// A People's Congress suggestion or CPPCC proposal (open: assigned; overdue past its round's
    /// due date).
    Proposal,
    /// 承诺: a commitment (open: pending).
    Commitment,
}

/// The open workflows of one kind.
#[derive(SimpleObject, Clone, Copy)]
pub struct OpenWorkflows {
    /// The kind.
    pub kind: WorkflowKind,
    /// How many are open.
    pub open: i64,
    /// How many of them are overdue.
    pub overdue: i64,
}

/// Who asks, when, and over which units.
pub struct WorkflowReach<'a> {
    pub viewer: &'a Viewer,
    pub today: NaiveDate,
    /// `None`: the whole county.
    pub unit: Option<i32>,
    pub include_subunits: bool,
    pub repair_days: u32,
}

/// One kind's rows: those the viewer may list within the reach, which are open, which overdue.
pub struct KindRows<E: EntityTrait> {
    pub rows: Select<E>,
    pub open: Condition,
    pub overdue: Condition,
}

impl WorkflowReach<'_> {
    /// A repair application submitted (UTC) before this day is overdue.
    fn repair_cutoff(&self) -> NaiveDate {
        self.today - Duration::days(i64::from(self.repair_days))
    }

    fn narrowing(&self, column: impl ColumnTrait) -> Condition {
        match (self.unit, self.include_subunits) {
            (None, _) => Condition::all(),
            (Some(unit), true) => in_subtree(column, Some(unit)),
            (Some(unit), false) => Condition::all().add(column.eq(unit)),
        }
    }

    fn of_records(&self, record_column: impl sea_orm::sea_query::IntoColumnRef) -> Condition {
        workflows_visible_to(record_column, self.viewer, self.today, self.narrowing(credit_record::Column::UnitId))
    }

    pub fn rectifications(&self) -> AppResult<KindRows<rectification::Entity>> {
        use rectification::Column as C;
        policy::may(self.viewer, Operation::ReadRecordWorkflows)?;
        use RectificationStatus as S;
        Ok(KindRows {
            rows: rectification::Entity::find().filter(self.of_records(C::RecordId)),
            open: Condition::all().add(C::Status.is_in([S::Pending, S::Submitted, S::Rejected, S::Overdue])),
            overdue: Condition::all().add(C::Status.eq(S::Overdue)),
        })
    }

    pub fn objections(&self) -> AppResult<KindRows<objection::Entity>> {
        use objection::Column as C;
        policy::may(self.viewer, Operation::ReadRecordWorkflows)?;
        Ok(KindRows {
            rows: objection::Entity::find().filter(self.of_records(C::RecordId)),
            open: Condition::all().add(C::Status.is_in([ObjectionStatus::Filed, ObjectionStatus::UnderReview])),
            overdue: Condition::all()
                .add(C::Status.is_in([ObjectionStatus::Filed, ObjectionStatus::UnderReview]))
                .add(C::Overdue.eq(true)),
        })
    }

    pub fn repair_applications(&self) -> AppResult<KindRows<repair_application::Entity>> {
        use repair_application::Column as C;
        policy::may(self.viewer, Operation::ReadRecordWorkflows)?;
        let due = self.repair_cutoff().and_time(NaiveTime::MIN).and_utc();
        Ok(KindRows {
            rows: repair_application::Entity::find().filter(self.of_records(C::RecordId)),
            open: Condition::all().add(C::Status.eq(RepairStatus::Submitted)),
            overdue: Condition::all().add(C::Status.eq(RepairStatus::Submitted)).add(C::CreatedAt.lt(due)),
        })
    }

    pub fn complaints(&self) -> AppResult<KindRows<complaint::Entity>> {
        use complaint::Column as C;
        use ComplaintStatus as S;
        policy::may(self.viewer, Operation::ListComplaints)?;
        Ok(KindRows {
            rows: complaint::Entity::find()
                .filter(complaints_visible_to(self.viewer))
                .filter(self.narrowing(C::TargetUnitId)),
            open: Condition::all().add(C::Status.is_in([S::Received, S::Assigned, S::Replied])),
            overdue: Condition::all().add(C::Status.is_in([S::Received, S::Assigned])).add(C::Overdue.eq(true)),
        })
    }

    pub fn proposals(&self) -> AppResult<KindRows<proposal::Entity>> {
        use proposal::Column as C;
        policy::may(self.viewer, Operation::ListProposals)?;
        Ok(KindRows {
            rows: proposal::Entity::find()
                .filter(proposals_visible_to(self.viewer))
                .filter(self.narrowing(C::HandlingUnitId)),
            open: Condition::all().add(C::Status.eq(ProposalStatus::Assigned)),
            overdue: Condition::all().add(C::Status.eq(ProposalStatus::Assigned)).add(C::CurrentDueOn.lt(self.today)),
        })
    }

    pub fn commitments(&self) -> AppResult<KindRows<commitment::Entity>> {
        use commitment::Column as C;
        policy::may(self.viewer, Operation::ListCommitments)?;
        Ok(KindRows {
            rows: commitment::Entity::find()
                .filter(commitments_visible_to(self.viewer))
                .filter(self.narrowing(C::UnitId)),
            open: Condition::all().add(C::Status.eq(CommitmentStatus::Pending)),
            overdue: Condition::all().add(C::Status.eq(CommitmentStatus::Pending)).add(C::Overdue.eq(true)),
        })
    }

    /// Every kind the viewer may list, counted: from the workflow rollup in one statement where
    /// the viewer may list every row of every kind, otherwise one statement per kind.
    pub async fn open_workflows<C: ConnectionTrait>(&self, db: &C) -> AppResult<Vec<OpenWorkflows>> {
        if policy::dashboards::rollup_counts_workflows(self.viewer) {
            return self.rollup_counts(db).await;
        }
        let mut answer = Vec::new();
        if let Ok(kind) = self.rectifications() {
            answer.push(count(db, WorkflowKind::Rectification, kind).await?);
        }
        if let Ok(kind) = self.objections() {
            answer.push(count(db, WorkflowKind::Objection, kind).await?);
        }
        if let Ok(kind) = self.repair_applications() {
            answer.push(count(db, WorkflowKind::RepairApplication, kind).await?);
        }
        if let Ok(kind) = self.complaints() {
            answer.push(count(db, WorkflowKind::Complaint, kind).await?);
        }
        if let Ok(kind) = self.proposals() {
            answer.push(count(db, WorkflowKind::Proposal, kind).await?);
        }
        if let Ok(kind) = self.commitments() {
            answer.push(count(db, WorkflowKind::Commitment, kind).await?);
        }
        Ok(answer)
    }

    /// [`Self::open_workflows`] from the workflow rollup.
    async fn rollup_counts<C: ConnectionTrait>(&self, db: &C) -> AppResult<Vec<OpenWorkflows>> {
        let (holders, subtree) = match self.unit {
            None => (Holders::Roots, true),
            Some(unit) => (Holders::Units(vec![unit]), self.include_subunits),
        };
        let counts =
            open_workflows(db, &holders, subtree, day_number(self.repair_cutoff()), day_number(self.today)).await?;
        // Each kind under the name its writers count it by (`store::versioned`).
        let kinds = [
            (WorkflowKind::Rectification, self.rectifications().is_ok(), <rectification::Entity as Audited>::NAME),
            (WorkflowKind::Objection, self.objections().is_ok(), <objection::Entity as Audited>::NAME),
            (
                WorkflowKind::RepairApplication,
                self.repair_applications().is_ok(),
                <repair_application::Entity as Audited>::NAME,
            ),
            (WorkflowKind::Complaint, self.complaints().is_ok(), <complaint::Entity as Audited>::NAME),
            (WorkflowKind::Proposal, self.proposals().is_ok(), <proposal::Entity as Audited>::NAME),
            (WorkflowKind::Commitment, self.commitments().is_ok(), <commitment::Entity as Audited>::NAME),
        ];
        Ok(kinds
            .into_iter()
            .filter(|(_, listed, _)| *listed)
            .map(|(kind, _, table)| {
                let (open, overdue) = counts.get(table).copied().unwrap_or((0, 0));
                OpenWorkflows { kind, open, overdue }
            })
            .collect())
    }
}

/// The open rows of a kind and how many of them are overdue, in one statement.
async fn count<C: ConnectionTrait, E: EntityTrait>(
    db: &C,
    kind: WorkflowKind,
    rows: KindRows<E>,
) -> AppResult<OpenWorkflows> {
    let overdue = Expr::case(rows.overdue, 1).finally(0);
    let (open, overdue): (i64, Option<i64>) = rows
        .rows
        .filter(rows.open)
        .select_only()
        .column_as(Expr::cust("COUNT(*)"), "open")
        .column_as(Expr::expr(Func::cast_as(Func::sum(overdue), Alias::new("BIGINT"))), "overdue")
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((0, None));
    Ok(OpenWorkflows { kind, open, overdue: overdue.unwrap_or(0) })
}
