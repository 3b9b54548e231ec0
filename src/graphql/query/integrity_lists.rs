//! `integrityLists(periodId)`: a period's 守信红名单 and 失信黑名单 (plan task 2.3.3), derived from
//! the period's evaluations the viewer may see and every SERIOUS dishonesty record in force (the
//! records shown: those the viewer may see) — in five statements.

use std::collections::HashMap;

use async_graphql::{Context, Object, ID};
use entity::{
    credit_record,
    enums::{Polarity, RecordStatus, Severity, SubjectType},
    evaluation, unit,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    auth::policy::{
        self,
        evaluations::evaluations_visible_to,
        records::{records_visible_to, RecordUse},
        Operation,
    },
    domain::integrity_list_rules::{listing, Listing},
    error::{AppError, AppResult, Reason},
    graphql::{
        access,
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::{
            evaluation::{Evaluation, EvaluationPeriod},
            integrity_lists::{IntegrityListEntry, IntegrityLists},
            CreditRecord, Unit,
        },
    },
};

#[derive(Default)]
pub struct IntegrityListQuery;

#[Object]
impl IntegrityListQuery {
    /// A period's red and black lists (守信红名单, 失信黑名单). Criteria: red — graded A in the
    /// period with no SERIOUS dishonesty record of its own in force; black — graded D, or a
    /// SERIOUS dishonesty record of its own in force.
    async fn integrity_lists(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The evaluation period.")] period_id: ID,
    ) -> AppResult<IntegrityLists> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ListEvaluations)?;
        let row = expect_id(&period_id, NodeType::EvaluationPeriod, "periodId")?;
        let period = access::evaluation_period(ctx, row).await?.ok_or(AppError::NotFound(Reason::PeriodNotFound))?;
        let evaluations: HashMap<i32, evaluation::Model> = evaluation::Entity::find()
            .filter(evaluation::Column::PeriodId.eq(period.id))
            .filter(evaluations_visible_to(viewer))
            .all(ctx.reader()?)
            .await?
            .into_iter()
            .map(|e| (e.unit_id, e))
            .collect();
        // Membership follows every record in force (the lists are the county's decision, the same
        // for everyone); the records shown are those the viewer may see.
        let in_force = || {
            credit_record::Entity::find()
                .filter(credit_record::Column::SubjectType.eq(SubjectType::Unit))
                .filter(credit_record::Column::Polarity.eq(Polarity::Dishonesty))
                .filter(credit_record::Column::Severity.eq(Severity::Serious))
                .filter(credit_record::Column::Status.is_in([RecordStatus::Active, RecordStatus::Rectifying]))
        };
        let mut counts: HashMap<i32, usize> = HashMap::new();
        let holders: Vec<i32> =
            in_force().select_only().column(credit_record::Column::UnitId).into_tuple().all(ctx.reader()?).await?;
        for unit in holders {
            *counts.entry(unit).or_default() += 1;
        }
        let mut serious: HashMap<i32, Vec<credit_record::Model>> = HashMap::new();
        // The portal reads no credit record (it has `publicRecords`).
        let shown = match policy::may(viewer, Operation::ListCreditRecords) {
            Ok(()) => {
                in_force()
                    .filter(records_visible_to(viewer, state.clock.today(), RecordUse::Rows))
                    .order_by_desc(credit_record::Column::DecidedOn)
                    .order_by_desc(credit_record::Column::Id)
                    .all(ctx.reader()?)
                    .await?
            }
            Err(_) => Vec::new(),
        };
        for record in shown {
            serious.entry(record.unit_id).or_default().push(record);
        }
        let listed: Vec<i32> = evaluations.keys().chain(counts.keys()).copied().collect();
        let units = unit::Entity::find()
            .filter(unit::Column::Id.is_in(listed))
            .order_by_asc(unit::Column::Name)
            .order_by_asc(unit::Column::Id)
            .all(ctx.reader()?)
            .await?;
        let (mut red, mut black) = (Vec::new(), Vec::new());
        for unit in units {
            let evaluation = evaluations.get(&unit.id).cloned();
            let records = serious.remove(&unit.id).unwrap_or_default();
            let entry = |reasons: Vec<_>| IntegrityListEntry {
                unit: Unit(unit.clone()),
                evaluation: evaluation.clone().map(Evaluation),
                reasons: reasons.into_iter().map(Into::into).collect(),
                serious_records: records.iter().cloned().map(CreditRecord).collect(),
            };
            match listing(evaluation.as_ref().map(|e| e.grade), counts.get(&unit.id).copied().unwrap_or(0)) {
                Listing::Red(reasons) => red.push(entry(reasons)),
                Listing::Black(reasons) => black.push(entry(reasons)),
                Listing::Neither => {}
            }
        }
        red.sort_by_key(|e: &IntegrityListEntry| {
            std::cmp::Reverse(e.evaluation.as_ref().map(|e| e.0.score_centi).unwrap_or_default())
        });
        Ok(IntegrityLists { period: EvaluationPeriod(period), red, black })
    }
}
