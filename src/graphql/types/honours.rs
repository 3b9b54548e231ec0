//! `HonoursEligibility` (plan task 2.3.3): whether a unit or an official may be honoured now, and
//! what bars it.

use async_graphql::{Context, Enum, Object, SimpleObject};

use super::CreditRecord;
use crate::{
    domain::honours_rules::{Bar, BarKind},
    error::AppResult,
    graphql::access,
};

/// Why a unit or an official may not be honoured.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "BarKind")]
pub enum HonoursBarKind {
    /// The unit's own SERIOUS dishonesty record is in force (ACTIVE or RECTIFYING).
    SeriousDishonesty,
    /// A rectification of the unit's record is past its deadline.
    OverdueRectification,
    /// The official's disciplinary sanction still runs (《公职人员政务处分法》 art. 8).
    SanctionPeriod,
}

/// One thing that bars honours.
#[derive(SimpleObject)]
pub struct HonoursBar {
    /// Why.
    pub kind: HonoursBarKind,
    /// The record it hangs on.
    pub record: CreditRecord,
}

/// Whether a unit or an official may be honoured now (取消参加各类荣誉评选资格).
pub struct HonoursEligibility(pub Vec<Bar>);

/// Whether a unit or an official may be honoured now (取消参加各类荣誉评选资格).
#[Object]
impl HonoursEligibility {
    /// True when nothing bars it: a COMMENDATION would be accepted.
    async fn eligible(&self) -> bool {
        self.0.is_empty()
    }

    /// What bars it — those of the records behind it that the viewer may see.
    async fn bars(&self, ctx: &Context<'_>) -> AppResult<Vec<HonoursBar>> {
        let records =
            futures::future::try_join_all(self.0.iter().map(|bar| access::record(ctx, bar.record_id))).await?;
        Ok(self
            .0
            .iter()
            .zip(records)
            .filter_map(|(bar, record)| Some(HonoursBar { kind: bar.kind.into(), record: CreditRecord(record?) }))
            .collect())
    }
}
