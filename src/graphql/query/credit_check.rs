//! `creditCheck`: an official's records in force, a verdict for the purpose and the rule that
//! decided it (`domain::credit_check_rules`), for personnel decisions.

use crate::error::{AppResult, Reason};
use async_graphql::{Context, Object, ID};
use entity::{
    credit_record::{self, Column},
    enums::{Polarity, RecordStatus},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

use crate::{
    auth::policy::{self, Operation},
    domain::credit_check_rules::assess,
    error::AppError,
    graphql::{
        access,
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::DateTime,
        types::{
            credit_check::{CheckPurpose, CreditCheck, Verdict},
            CreditRecord, Official,
        },
    },
    store::audit::{write_audit, AuditEntry},
};

#[derive(Default)]
pub struct CreditCheckQuery;

#[Object]
impl CreditCheckQuery {
    /// Checks an official's credit before appointment, promotion, an award or a title (personnel
    /// offices and the administrator). Every check is audited with who asked and why. Null with
    /// `NOT_FOUND` or `FORBIDDEN` when the official cannot be checked.
    #[graphql(visible = "crate::graphql::visibility::credit_check")]
    async fn credit_check(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The official.")] official_id: ID,
        #[graphql(desc = "Why the check is made.")] purpose: CheckPurpose,
    ) -> AppResult<Option<CreditCheck>> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::CreditCheck)?;
        let row = expect_id(&official_id, NodeType::Official, "officialId")?;
        let official =
            access::official(ctx, row).await?.map(Official).ok_or(AppError::NotFound(Reason::OfficialNotFound))?;
        // Through the record policy like every list (for the roles that may check, it is all of
        // an official's records).
        let visible =
            policy::records::records_visible_to(viewer, state.clock.today(), policy::records::RecordUse::Rows);
        let records = credit_record::Entity::find()
            .filter(visible)
            .filter(Column::OfficialId.eq(row))
            .filter(Column::Polarity.eq(Polarity::Dishonesty))
            .filter(Column::Status.is_not_in([RecordStatus::Repaired, RecordStatus::Revoked, RecordStatus::Removed]))
            .order_by_desc(Column::DecidedOn)
            .order_by_desc(Column::Id)
            .all(&state.db)
            .await?;
        let assessment = assess(records, purpose.into(), state.clock.today());
        let verdict: Verdict = assessment.verdict.into();
        let now = state.clock.now();
        let entry = AuditEntry {
            action: "official.credit_check",
            entity: "official",
            entity_id: Some(official_id.0.clone()),
            before: None,
            after: Some(json!({ "purpose": format!("{purpose:?}"), "verdict": format!("{verdict:?}"),
                    "rule": format!("{:?}", assessment.rule), "records": assessment.counted.len() })),
        };
        write_audit(&state.db, viewer, ctx.trace(), now, entry).await?;
        Ok(Some(CreditCheck {
            official,
            purpose,
            verdict,
            rule: assessment.rule.into(),
            records: assessment.counted.into_iter().map(CreditRecord).collect(),
            history: assessment.history.into_iter().map(CreditRecord).collect(),
            checked_at: DateTime(now),
        }))
    }
}
