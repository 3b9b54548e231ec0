//! Optimistic concurrency for every table with a `version`: a change is written only if the row
//! is still at the version the caller read, as the first statement of its transaction, and the
//! audit entry goes with it.

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde::Serialize;
use serde_json::json;

use crate::{
    error::{AppError, AppResult, Reason},
    ids::{public_id, NodeType},
    store::audit::{write_audit, AuditEntry},
    store::record_writer::WriteContext,
    store::{
        procurement_tally::{self, TallyShape},
        workflow_rollups::{self, OpenShape},
    },
};

/// A table whose inserts are audited under its name and its rows' public ids.
pub trait Audited: EntityTrait {
    /// The table's name in the audit log.
    const NAME: &'static str;
    /// Its global id type.
    const NODE: NodeType;
    fn id_of(model: &Self::Model) -> i32;
    /// How a row counts in the open-workflow rollup: `None` when it does not (closed, or no
    /// workflow).
    fn open_shape(_model: &Self::Model) -> Option<OpenShape> {
        None
    }
    /// How a row counts in the procurement tally: `None` for every other table.
    fn tally_shape(_model: &Self::Model) -> Option<TallyShape> {
        None
    }
}

/// A table whose rows carry `id` and `version`.
pub trait Versioned: Audited {
    fn id_column() -> Self::Column;
    fn version_column() -> Self::Column;
    fn version_of(model: &Self::Model) -> i32;
}

macro_rules! audited {
    ($($table:ident => $node:ident $(counted by $shape:path)? $(; tallied by $tally:path)?),* $(,)?) => {
        $(impl Audited for entity::$table::Entity {
            const NAME: &'static str = stringify!($table);
            const NODE: NodeType = NodeType::$node;
            fn id_of(model: &Self::Model) -> i32 {
                model.id
            }
            $(fn open_shape(model: &Self::Model) -> Option<OpenShape> {
                $shape(model)
            })?
            $(fn tally_shape(model: &Self::Model) -> Option<TallyShape> {
                Some($tally(model))
            })?
        })*
    };
}

macro_rules! versioned {
    ($($table:ident => $node:ident $(counted by $shape:path)? $(; tallied by $tally:path)?),* $(,)?) => {
        audited!($($table => $node $(counted by $shape)? $(; tallied by $tally)?),*);
        $(impl Versioned for entity::$table::Entity {
            fn id_column() -> Self::Column {
                entity::$table::Column::Id
            }
            fn version_column() -> Self::Column {
                entity::$table::Column::Version
            }
            fn version_of(model: &Self::Model) -> i32 {
                model.version
            }
        })*
    };
}
audited!(
    listing_event => ListingEvent,
    official_transfer => OfficialTransfer,
    ppp_stage_assignment => PppStageAssignment,
);
versioned!(
    rectification => Rectification counted by workflow_rollups::rectification_shape,
    objection => Objection counted by workflow_rollups::objection_shape,
    repair_application => RepairApplication counted by workflow_rollups::repair_shape,
    complaint => Complaint counted by workflow_rollups::complaint_shape,
    proposal => Proposal counted by workflow_rollups::proposal_shape,
    proposal_round => ProposalRound,
    commitment => Commitment counted by workflow_rollups::commitment_shape,
    accountability_proposal => AccountabilityProposal,
    unit => Unit,
    official => Official,
    procurement_contract => ProcurementContract; tallied by procurement_tally::shape,
    investment_agreement => InvestmentAgreement,
    debt_instrument => DebtInstrument,
    ppp_project => PppProject,
    tender_project => TenderProject,
);

/// Refuses a stale `version` before any work is done.
pub fn expect_version(current: i32, given: i32) -> AppResult<()> {
    if current == given {
        Ok(())
    } else {
        Err(AppError::Conflict(Reason::StaleVersion { current }))
    }
}

/// Writes `changed` (its version already one above `before`'s) over `before`'s row if that row
/// is still at `before`'s version, and audits `action` with both states. `CONFLICT` when someone else got
/// there first: the caller's transaction then holds nothing and is dropped.
pub async fn save_versioned<E, C>(
    db: &C,
    at: &WriteContext<'_>,
    action: &str,
    before: &E::Model,
    changed: E::Model,
) -> AppResult<E::Model>
where
    E: Versioned,
    C: ConnectionTrait,
    E::Model: IntoActiveModel<E::ActiveModel> + Serialize + Clone,
    E::ActiveModel: ActiveModelTrait<Entity = E>,
{
    let (id, before_version) = (E::id_of(before), E::version_of(before));
    let mut active = changed.clone().into_active_model().reset_all();
    active.not_set(E::id_column());
    let result = E::update_many()
        .set(active)
        .filter(E::id_column().eq(id))
        .filter(E::version_column().eq(before_version))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict(Reason::ChangedMeanwhile));
    }
    workflow_rollups::count_change(db, E::NAME, E::open_shape(before), E::open_shape(&changed)).await?;
    procurement_tally::count_change(db, E::tally_shape(before), E::tally_shape(&changed)).await?;
    let entry = AuditEntry {
        action,
        entity: E::NAME,
        entity_id: Some(public_id(E::NODE, id)),
        before: Some(json!(before)),
        after: Some(json!(changed)),
    };
    write_audit(db, at.viewer, at.trace, at.now, entry).await?;
    Ok(changed)
}

/// Inserts a new row and audits `action`.
pub async fn insert_audited<E, C>(
    db: &C,
    at: &WriteContext<'_>,
    action: &str,
    row: E::ActiveModel,
) -> AppResult<E::Model>
where
    E: Audited,
    C: ConnectionTrait,
    E::Model: IntoActiveModel<E::ActiveModel> + Serialize,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let model = row.insert(db).await?;
    workflow_rollups::count_change(db, E::NAME, None, E::open_shape(&model)).await?;
    procurement_tally::count_change(db, None, E::tally_shape(&model)).await?;
    let entry = AuditEntry {
        action,
        entity: E::NAME,
        entity_id: Some(public_id(E::NODE, E::id_of(&model))),
        before: None,
        after: Some(json!(model)),
    };
    write_audit(db, at.viewer, at.trace, at.now, entry).await?;
    Ok(model)
}
