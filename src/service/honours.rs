//! Who is barred from honours (plan task 2.3.3), for many units or officials in a constant number
//! of statements: the service refuses a COMMENDATION with it and the API shows it ahead of time
//! (`honoursEligibility`), from the same rules.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::{
    credit_record::{self, Column},
    enums::{Polarity, RecordCategory, RecordStatus, Severity, SubjectType},
    rectification,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Query},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use crate::{
    domain::honours_rules::{self as rules, Bar, BarKind},
    error::AppResult,
};

/// What bars each of `units` on `today` (a unit with nothing is absent): its SERIOUS dishonesty
/// records in force, and its records whose rectification is overdue. Two statements.
pub async fn unit_bars<C: ConnectionTrait>(
    db: &C,
    units: &[i32],
    today: NaiveDate,
) -> AppResult<HashMap<i32, Vec<Bar>>> {
    let own = Condition::all()
        .add(Column::UnitId.is_in(units.iter().copied()))
        .add(Column::SubjectType.eq(SubjectType::Unit));
    let serious = credit_record::Entity::find()
        .filter(own.clone())
        .filter(Column::Polarity.eq(Polarity::Dishonesty))
        .filter(Column::Severity.eq(Severity::Serious))
        .filter(Column::Status.is_in(rules::IN_FORCE))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    let overdue = Query::select()
        .column(rectification::Column::RecordId)
        .from(rectification::Entity)
        .cond_where(
            Condition::any().add(rectification::Column::Status.eq(entity::enums::RectificationStatus::Overdue)).add(
                Condition::all()
                    .add(rectification::Column::Status.is_in(rules::OPEN_RECTIFICATION))
                    .add(rectification::Column::Deadline.lt(today)),
            ),
        )
        .to_owned();
    let late = credit_record::Entity::find()
        .filter(own)
        .filter(Expr::col((credit_record::Entity, Column::Id)).in_subquery(overdue))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    let mut bars: HashMap<i32, Vec<Bar>> = HashMap::new();
    for record in serious.iter().filter(|r| rules::record_bars_unit(r)) {
        bars.entry(record.unit_id).or_default().push(Bar { kind: BarKind::SeriousDishonesty, record_id: record.id });
    }
    for record in late {
        bars.entry(record.unit_id).or_default().push(Bar { kind: BarKind::OverdueRectification, record_id: record.id });
    }
    Ok(bars)
}

/// What bars each of `officials` on `today`: their disciplinary sanctions still running. One
/// statement.
pub async fn official_bars<C: ConnectionTrait>(
    db: &C,
    officials: &[i32],
    today: NaiveDate,
) -> AppResult<HashMap<i32, Vec<Bar>>> {
    let sanctions = credit_record::Entity::find()
        .filter(Column::OfficialId.is_in(officials.iter().copied()))
        .filter(Column::Category.eq(RecordCategory::DisciplinarySanction))
        .filter(Column::Status.ne(RecordStatus::Revoked))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    let mut bars: HashMap<i32, Vec<Bar>> = HashMap::new();
    for record in sanctions.iter().filter(|r| rules::record_bars_official(r, today)) {
        if let Some(official) = record.official_id {
            bars.entry(official).or_default().push(Bar { kind: BarKind::SanctionPeriod, record_id: record.id });
        }
    }
    Ok(bars)
}
