//! `Dashboard.judgmentDebtors` (判决一起、执行一起): the reach's 失信被执行人 listings the viewer
//! may count — listed, still listed, removed by the court, the removal rate and the median days
//! from listing to removal — in three statements.

use std::collections::HashMap;

use async_graphql::SimpleObject;
use chrono::NaiveDate;
use entity::{
    credit_record::{self, Column},
    enums::{ListingEventKind, RecordCategory, RecordStatus},
    listing_event,
};
use sea_orm::{sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait};

use crate::{
    auth::{
        policy::{
            in_subtree,
            records::{records_visible_to, RecordUse},
        },
        Viewer,
    },
    domain::debt_rules::percent,
    error::AppResult,
    graphql::scalars::Decimal,
};

/// 失信被执行人 listings of a dashboard's reach.
#[derive(SimpleObject, Clone, Default)]
pub struct JudgmentDebtors {
    /// Listings decided on or before `asOf` (revoked ones left out).
    pub listed: i64,
    /// Of them, still listed (ACTIVE or RECTIFYING).
    pub still_listed: i64,
    /// Of them, removed by the court (REMOVED).
    pub removed: i64,
    /// Removed ÷ listed, in percent (null without listings).
    pub removal_rate: Option<Decimal>,
    /// The median of the days from listing (the decision) to the court's removal (null without
    /// removals).
    pub median_days_to_removal: Option<Decimal>,
}

/// The listings under `root` (the whole county without).
pub async fn judgment_debtors<C: ConnectionTrait>(
    db: &C,
    viewer: &Viewer,
    today: NaiveDate,
    root: Option<i32>,
    subtree: bool,
    as_of: NaiveDate,
) -> AppResult<JudgmentDebtors> {
    let mut listings = credit_record::Entity::find()
        .filter(Column::Category.eq(RecordCategory::DefaultedJudgmentDebtor))
        .filter(Column::Status.ne(RecordStatus::Revoked))
        .filter(Column::DecidedOn.lte(as_of))
        .filter(records_visible_to(viewer, today, RecordUse::Counts));
    listings = match (root, subtree) {
        (None, _) => listings,
        (Some(root), true) => listings.filter(in_subtree(Column::UnitId, Some(root))),
        (Some(root), false) => listings.filter(Column::UnitId.eq(root)),
    };
    let by_status: Vec<(RecordStatus, i64)> = listings
        .clone()
        .select_only()
        .column(Column::Status)
        .column_as(Expr::cust("COUNT(*)"), "listings")
        .group_by(Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let count = |wanted: &[RecordStatus]| by_status.iter().filter(|(s, _)| wanted.contains(s)).map(|(_, n)| n).sum();
    let listed: i64 = by_status.iter().map(|(_, n)| n).sum();
    let removed: i64 = count(&[RecordStatus::Removed]);
    let removed_listings = listings.filter(Column::Status.eq(RecordStatus::Removed));
    let decided: HashMap<i32, NaiveDate> = removed_listings
        .clone()
        .select_only()
        .column(Column::Id)
        .column(Column::DecidedOn)
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let removals: Vec<(i32, NaiveDate)> = listing_event::Entity::find()
        .select_only()
        .column(listing_event::Column::RecordId)
        .column(listing_event::Column::EffectiveOn)
        .filter(listing_event::Column::Kind.eq(ListingEventKind::Removal))
        .filter(
            listing_event::Column::RecordId.in_subquery(removed_listings.select_only().column(Column::Id).into_query()),
        )
        .into_tuple()
        .all(db)
        .await?;
    let spans: Vec<(NaiveDate, NaiveDate)> =
        removals.into_iter().filter_map(|(record, on)| Some((*decided.get(&record)?, on))).collect();
    let mut days: Vec<i64> = spans.iter().map(|(listed, removed)| (*removed - *listed).num_days()).collect();
    days.sort_unstable();
    Ok(JudgmentDebtors {
        listed,
        still_listed: count(&[RecordStatus::Active, RecordStatus::Rectifying]),
        removed,
        removal_rate: percent(removed, listed).map(Decimal),
        median_days_to_removal: median(&days).map(Decimal),
    })
}

/// The median of sorted values (the mean of the middle two for an even count).
fn median(sorted: &[i64]) -> Option<rust_decimal::Decimal> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2].into()),
        _ => Some((rust_decimal::Decimal::from(sorted[n / 2 - 1] + sorted[n / 2])) / rust_decimal::Decimal::TWO),
    }
}
