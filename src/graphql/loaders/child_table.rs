//! Tables paged under a parent row — officials under a unit, records under a unit or an
//! official — and in which order a nested page lists them.

use entity::{
    commitment, complaint, credit_record, investment_agreement, listing_event, objection, official, official_transfer,
    plan_task, ppp_project, ppp_stage_assignment, procurement_contract, proposal, proposal_round, rectification,
    repair_application, task_progress, tender_project, unit,
};
use sea_orm::{EntityTrait, Order};

type Column<E> = <E as EntityTrait>::Column;
type Model<E> = <E as EntityTrait>::Model;

/// How one table hangs from a parent table.
pub trait ChildTable: Send + Sync + 'static {
    /// The listed table.
    type Table: EntityTrait + Default;
    /// The parent's table (its ids are the loader's keys).
    type Parent: EntityTrait + Default;
    /// The parent's id column.
    fn parent_id() -> Column<Self::Parent>;
    /// The listed table's column that points at the parent.
    fn parent_column() -> Column<Self::Table>;
    /// The nested page's order, ending in a unique column so pages never overlap.
    fn order() -> Vec<(Column<Self::Table>, Order)>;
    /// The parent of a row.
    fn parent_of(model: &Model<Self::Table>) -> Option<i32>;
}

/// `Unit.officials`: by name.
pub struct OfficialsOfUnit;

impl ChildTable for OfficialsOfUnit {
    type Table = official::Entity;
    type Parent = unit::Entity;

    fn parent_id() -> unit::Column {
        unit::Column::Id
    }

    fn parent_column() -> official::Column {
        official::Column::UnitId
    }

    fn order() -> Vec<(official::Column, Order)> {
        vec![(official::Column::Name, Order::Asc), (official::Column::Id, Order::Asc)]
    }

    fn parent_of(model: &official::Model) -> Option<i32> {
        Some(model.unit_id)
    }
}

/// `Unit.creditRecords`: newest decision first.
pub struct RecordsOfUnit;

impl ChildTable for RecordsOfUnit {
    type Table = credit_record::Entity;
    type Parent = unit::Entity;

    fn parent_id() -> unit::Column {
        unit::Column::Id
    }

    fn parent_column() -> credit_record::Column {
        credit_record::Column::UnitId
    }

    fn order() -> Vec<(credit_record::Column, Order)> {
        vec![(credit_record::Column::DecidedOn, Order::Desc), (credit_record::Column::Id, Order::Desc)]
    }

    fn parent_of(model: &credit_record::Model) -> Option<i32> {
        Some(model.unit_id)
    }
}

/// `Official.creditRecords`: newest decision first.
pub struct RecordsOfOfficial;

impl ChildTable for RecordsOfOfficial {
    type Table = credit_record::Entity;
    type Parent = official::Entity;

    fn parent_id() -> official::Column {
        official::Column::Id
    }

    fn parent_column() -> credit_record::Column {
        credit_record::Column::OfficialId
    }

    fn order() -> Vec<(credit_record::Column, Order)> {
        RecordsOfUnit::order()
    }

    fn parent_of(model: &credit_record::Model) -> Option<i32> {
        model.official_id
    }
}

/// `Unit.commitments`: by due date, then id.
pub struct CommitmentsOfUnit;

impl ChildTable for CommitmentsOfUnit {
    type Table = commitment::Entity;
    type Parent = unit::Entity;

    fn parent_id() -> unit::Column {
        unit::Column::Id
    }

    fn parent_column() -> commitment::Column {
        commitment::Column::UnitId
    }

    fn order() -> Vec<(commitment::Column, Order)> {
        vec![(commitment::Column::DueOn, Order::Asc), (commitment::Column::Id, Order::Asc)]
    }

    fn parent_of(model: &commitment::Model) -> Option<i32> {
        Some(model.unit_id)
    }
}

/// `InvestmentAgreement.creditPledges`: the pledges made for an agreement, oldest first.
pub struct PledgesOfAgreement;

impl ChildTable for PledgesOfAgreement {
    type Table = commitment::Entity;
    type Parent = investment_agreement::Entity;

    fn parent_id() -> investment_agreement::Column {
        investment_agreement::Column::Id
    }

    fn parent_column() -> commitment::Column {
        commitment::Column::InvestmentAgreementId
    }

    fn order() -> Vec<(commitment::Column, Order)> {
        vec![(commitment::Column::Id, Order::Asc)]
    }

    fn parent_of(model: &commitment::Model) -> Option<i32> {
        model.investment_agreement_id
    }
}

/// The records made from rows of `$source` (a PPP project's breaches, a tender's violations):
/// `credit_record.source_id` points at the row; the loader's condition adds the source type.
macro_rules! records_from {
    ($(#[$doc:meta])* $name:ident: $source:ident, $kind:literal) => {
        $(#[$doc])*
        pub struct $name;

        impl $name {
            /// The source type these records carry.
            pub const SOURCE: &'static str = $kind;
        }

        impl ChildTable for $name {
            type Table = credit_record::Entity;
            type Parent = $source::Entity;

            fn parent_id() -> $source::Column {
                $source::Column::Id
            }

            fn parent_column() -> credit_record::Column {
                credit_record::Column::SourceId
            }

            fn order() -> Vec<(credit_record::Column, Order)> {
                RecordsOfUnit::order()
            }

            fn parent_of(model: &credit_record::Model) -> Option<i32> {
                model.source_id.filter(|_| model.source_type.as_deref() == Some($kind))
            }
        }
    };
}

records_from!(
    /// `PppProject.breachRecords`: the records its breaches made, newest decision first.
    RecordsOfPppProject: ppp_project, "ppp_project"
);
records_from!(
    /// `TenderProject.violationRecords`: the records its violations made, newest decision first.
    RecordsOfTender: tender_project, "tender_project"
);

/// A child table hanging from its parent by a non-null column, in a fixed order.
macro_rules! child_table {
    ($(#[$doc:meta])* $name:ident: $table:ident.$field:ident ($column:ident) under $parent:ident, order [$(($order:ident, $dir:ident)),+]) => {
        $(#[$doc])*
        pub struct $name;

        impl ChildTable for $name {
            type Table = $table::Entity;
            type Parent = $parent::Entity;

            fn parent_id() -> $parent::Column {
                $parent::Column::Id
            }

            fn parent_column() -> $table::Column {
                $table::Column::$column
            }

            fn order() -> Vec<($table::Column, Order)> {
                vec![$(($table::Column::$order, Order::$dir)),+]
            }

            fn parent_of(model: &$table::Model) -> Option<i32> {
                Some(model.$field)
            }
        }
    };
}

child_table!(
    /// `Unit.complaints`: complaints against the unit, newest first.
    ComplaintsOfUnit: complaint.target_unit_id (TargetUnitId) under unit, order [(ReceivedAt, Desc), (Id, Desc)]
);
child_table!(
    /// `Unit.proposals`: proposals the unit handles, by due date.
    ProposalsOfUnit: proposal.handling_unit_id (HandlingUnitId) under unit, order [(DueOn, Asc), (Id, Asc)]
);
child_table!(
    /// `Unit.procurementContracts`: contracts the unit bought, newest signed first.
    ContractsOfUnit: procurement_contract.purchaser_unit_id (PurchaserUnitId) under unit, order [(SignedOn, Desc), (Id, Desc)]
);
child_table!(
    /// `CreditRecord.rectification`: a record's rectifications, oldest first (the last is current).
    RectificationsOfRecord: rectification.record_id (RecordId) under credit_record, order [(Id, Asc)]
);
child_table!(
    /// `CreditRecord.objections`: oldest first.
    ObjectionsOfRecord: objection.record_id (RecordId) under credit_record, order [(Id, Asc)]
);
child_table!(
    /// `CreditRecord.repairApplications`: oldest first.
    RepairsOfRecord: repair_application.record_id (RecordId) under credit_record, order [(Id, Asc)]
);
child_table!(
    /// `CreditRecord.listingEvents`: oldest first.
    ListingEventsOfRecord: listing_event.record_id (RecordId) under credit_record, order [(Id, Asc)]
);
child_table!(
    /// `Proposal.rounds`: its handling rounds, first to last.
    RoundsOfProposal: proposal_round.proposal_id (ProposalId) under proposal, order [(Number, Asc)]
);
child_table!(
    /// `Official.transfers`: oldest first.
    TransfersOfOfficial: official_transfer.official_id (OfficialId) under official, order [(Id, Asc)]
);
child_table!(
    /// `PppProject.responsibilityTrail`: who answered for which stage, oldest first.
    AssignmentsOfProject: ppp_stage_assignment.project_id (ProjectId) under ppp_project, order [(FromOn, Asc), (Id, Asc)]
);
child_table!(
    /// `PlanTask.history`: its progress reports, latest half year first.
    ReportsOfTask: task_progress.task_id (TaskId) under plan_task, order [(Period, Desc), (Id, Desc)]
);
