//! `creditRecords`, `creditRecord(id)`.

use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::credit_record::{self, Column};
use sea_orm::{sea_query::SimpleExpr, ColumnTrait, Condition, EntityTrait, QueryFilter, Select};

use super::filters::contains;
use crate::{
    auth::{
        policy::{self, records::RecordUse, Operation},
        Viewer,
    },
    error::{AppError, AppResult, Reason},
    graphql::{
        access,
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        dashboard::rollup_reads::{self, Holders, RollupScope},
        ids::{expect_id, NodeType},
        keyset::{paginate_counted_by, SortKey},
        scalars::Date,
        types::{
            record_enums::{Disclosure, Polarity, RecordCategory, RecordStatus, Sector, Severity, SubjectType},
            CreditRecord, CreditRecordConnection,
        },
    },
};

/// Which records to list.
#[derive(InputObject, Default)]
pub struct CreditRecordFilter {
    /// Only records of this unit.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only records of this official.
    pub official_id: Option<ID>,
    /// Only units' or only officials' records.
    pub subject_type: Option<SubjectType>,
    /// Only honours or only dishonesty.
    pub polarity: Option<Polarity>,
    /// Only this category.
    pub category: Option<RecordCategory>,
    /// Only this sector.
    pub sector: Option<Sector>,
    /// Only this severity.
    pub severity: Option<Severity>,
    /// Only this status.
    pub status: Option<RecordStatus>,
    /// Only this disclosure level.
    pub disclosure: Option<Disclosure>,
    /// Decided on or after this day.
    pub decided_from: Option<Date>,
    /// Decided on or before this day.
    pub decided_to: Option<Date>,
    /// Only titles containing this text.
    pub title_contains: Option<String>,
}

/// What to sort records by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum CreditRecordOrderField {
    /// Decision date.
    #[default]
    DecidedOn,
    /// When entered.
    RecordedAt,
    /// Severity (MINOR < GENERAL < SERIOUS).
    Severity,
}

/// Sort order of a record list.
#[derive(InputObject)]
pub struct CreditRecordOrder {
    /// The field.
    pub field: CreditRecordOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Desc")]
    pub direction: OrderDirection,
}

impl Default for CreditRecordOrder {
    fn default() -> Self {
        Self { field: CreditRecordOrderField::DecidedOn, direction: OrderDirection::Desc }
    }
}

/// The filter's equality conditions on the dimensions `credit_record` and `record_rollup` share
/// (subject, polarity, sector, severity, status, disclosure), on either table's `$columns`.
macro_rules! shared_dimensions {
    ($filter:expr, $columns:ident) => {{
        let filter: &CreditRecordFilter = $filter;
        let mut condition = Condition::all();
        macro_rules! equals {
            ($field:ident, $column:ident, $stored:ty) => {
                if let Some(value) = filter.$field {
                    condition = condition.add($columns::$column.eq(<$stored>::from(value)));
                }
            };
        }
        equals!(subject_type, SubjectType, entity::enums::SubjectType);
        equals!(polarity, Polarity, entity::enums::Polarity);
        equals!(sector, Sector, entity::enums::Sector);
        equals!(severity, Severity, entity::enums::Severity);
        equals!(status, Status, entity::enums::RecordStatus);
        equals!(disclosure, Disclosure, entity::enums::Disclosure);
        condition
    }};
}

fn apply(
    mut select: Select<credit_record::Entity>,
    filter: &CreditRecordFilter,
) -> AppResult<Select<credit_record::Entity>> {
    if let Some(unit) = &filter.unit_id {
        select =
            select.filter(super::filters::in_unit(Column::UnitId, unit, filter.include_subunits, "filter.unitId")?);
    }
    if let Some(official) = &filter.official_id {
        select = select.filter(Column::OfficialId.eq(expect_id(official, NodeType::Official, "filter.officialId")?));
    }
    select = select.filter(shared_dimensions!(filter, Column));
    if let Some(category) = filter.category {
        select = select.filter(Column::Category.eq(entity::enums::RecordCategory::from(category)));
    }
    select = select.filter(super::filters::within(
        Column::DecidedOn,
        filter.decided_from.map(|d| d.0),
        filter.decided_to.map(|d| d.0),
    ));
    if let Some(text) = &filter.title_contains {
        select = select.filter(contains(Column::Title, text, "filter.titleContains")?);
    }
    Ok(select)
}

/// The list's `totalCount` read from `record_rollup` (a sub-select the page's statement carries),
/// where the viewer's list rule and every filter are the rollup's own dimensions (unit or subtree,
/// subject, polarity, severity, status, sector, disclosure); `None`: the rows are counted. A
/// province's unfiltered ACTIVE dishonesty is millions of rows to count, and a few hundred to sum.
fn total_in_rollups(viewer: &Viewer, filter: &CreditRecordFilter) -> AppResult<Option<SimpleExpr>> {
    use entity::record_rollup::Column as R;
    let Some(listed) = policy::records::list_in_rollups(viewer) else { return Ok(None) };
    let beyond_rollups = filter.official_id.is_some()
        || filter.category.is_some()
        || filter.decided_from.is_some()
        || filter.decided_to.is_some()
        || filter.title_contains.is_some();
    if beyond_rollups {
        return Ok(None);
    }
    let (holders, subtree) = match &filter.unit_id {
        Some(unit) => {
            (Holders::Units(vec![expect_id(unit, NodeType::Unit, "filter.unitId")?]), filter.include_subunits)
        }
        None => (Holders::Roots, true),
    };
    let mut narrow = Condition::all();
    if let Some(subject) = listed.subject_type {
        narrow = narrow.add(R::SubjectType.eq(subject));
    }
    narrow = narrow.add(shared_dimensions!(filter, R));
    let scope = RollupScope { holders, subtree, disclosures: listed.disclosures };
    Ok(Some(rollup_reads::records_matching(&scope, narrow)))
}

/// Sorts by the chosen field, then by id, both in the chosen direction; severity by its rank.
fn sort_key(order: CreditRecordOrder) -> SortKey<credit_record::Entity> {
    match order.field {
        CreditRecordOrderField::DecidedOn => SortKey::by(Column::DecidedOn, Column::Id, order.direction),
        CreditRecordOrderField::RecordedAt => SortKey::by(Column::CreatedAt, Column::Id, order.direction),
        CreditRecordOrderField::Severity => {
            SortKey::by_rank(Column::Severity, &["MINOR", "GENERAL", "SERIOUS"], Column::Id, order.direction)
        }
    }
}

/// The list as `credit_records` gives it; nested connections with a filter or an order call it too.
pub async fn list(
    ctx: &Context<'_>,
    filter: CreditRecordFilter,
    order_by: CreditRecordOrder,
    args: PageArgs,
) -> AppResult<CreditRecordConnection> {
    let state = ctx.state()?;
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListCreditRecords)?;
    let visible = policy::records::records_visible_to(viewer, state.clock.today(), RecordUse::Rows);
    let select = apply(credit_record::Entity::find().filter(visible), &filter)?;
    let total = total_in_rollups(viewer, &filter)?;
    let page = paginate_counted_by(ctx, select, &sort_key(order_by), &args, total).await?;
    let records = || page.edges.iter().map(|(_, record)| record);
    let units = [
        ("unit", records().map(|record| record.unit_id).collect()),
        ("recordedBy", records().map(|record| record.recorded_by_unit_id).collect()),
    ];
    let units = access::prefetch::units(ctx, &units);
    let officials = [("official", records().filter_map(|record| record.official_id).collect())];
    let officials = access::prefetch::officials(ctx, &officials);
    futures::try_join!(units, officials)?;
    Ok(page.map(CreditRecord).into())
}

#[derive(Default)]
pub struct CreditRecordQuery;

#[Object]
impl CreditRecordQuery {
    /// Credit records the viewer may see (the policy decides; filters narrow further).
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    #[allow(clippy::too_many_arguments)]
    async fn credit_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which records.")] filter: Option<CreditRecordFilter>,
        #[graphql(desc = "Sort order (default: newest decision first).")] order_by: Option<CreditRecordOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<CreditRecordConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }

    /// One record by id; null with `NOT_FOUND` or `FORBIDDEN` when the viewer may see none.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn credit_record(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The record's id.")] id: ID,
    ) -> AppResult<Option<CreditRecord>> {
        policy::may(ctx.viewer()?, Operation::ListCreditRecords)?;
        let row = expect_id(&id, NodeType::CreditRecord, "id")?;
        let record = access::record(ctx, row).await?.ok_or(AppError::NotFound(Reason::RecordNotFound))?;
        Ok(Some(CreditRecord(record)))
    }
}
