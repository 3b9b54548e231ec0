//! `Unit.recordStats`: per unit — its own records or its whole subtree's, all subjects or one —
//! active dishonesty records by severity, active commendations and records under rectification.
//! One grouped statement for many units, counting only what the viewer may count: from the
//! maintained rollups where the viewer's count rule fits them (`policy::dashboards::
//! rollup_disclosures`), else from the records themselves.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use entity::{
    credit_record::{self, Column},
    enums::{Disclosure, Polarity, RecordStatus, Severity, SubjectType},
    unit_closure,
};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, Query},
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
};

use crate::{error::AppError, graphql::dashboard::rollup_reads};

/// The counts of one unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitRecordStats {
    pub minor: u64,
    pub general: u64,
    pub serious: u64,
    pub commendations: u64,
    pub rectifying: u64,
}

impl UnitRecordStats {
    /// Counts `count` records of this shape in.
    pub fn add(&mut self, polarity: Polarity, severity: Severity, status: RecordStatus, count: i64) {
        let count = Ord::max(count, 0) as u64;
        let in_force = matches!(status, RecordStatus::Active | RecordStatus::Rectifying);
        match polarity {
            Polarity::Honor if status == RecordStatus::Active => self.commendations += count,
            Polarity::Honor => {}
            Polarity::Dishonesty if !in_force => {}
            Polarity::Dishonesty => match severity {
                Severity::Minor => self.minor += count,
                Severity::General => self.general += count,
                Severity::Serious => self.serious += count,
            },
        }
        if polarity == Polarity::Dishonesty && status == RecordStatus::Rectifying {
            self.rectifying += count;
        }
    }

    /// Adds another tally in.
    fn merge(&mut self, other: Self) {
        self.minor += other.minor;
        self.general += other.general;
        self.serious += other.serious;
        self.commendations += other.commendations;
        self.rectifying += other.rectifying;
    }
}

/// Which counts of a unit: its own records or its subtree's, of every subject or one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatsKey {
    pub unit: i32,
    pub subtree: bool,
    pub subject: Option<SubjectType>,
}

/// Where the counts come from for this viewer.
pub enum CountSource {
    /// The rollups, with these disclosures (`None`: all).
    Rollups(Option<&'static [Disclosure]>),
    /// The records, under the viewer's count rule.
    Records(Condition),
}

pub struct RecordStatsLoader {
    db: DatabaseConnection,
    source: CountSource,
}

impl RecordStatsLoader {
    pub fn new(db: &DatabaseConnection, source: CountSource) -> Self {
        Self { db: db.clone(), source }
    }
}

type Row = (i32, bool, SubjectType, Polarity, Severity, RecordStatus, i64);

impl Loader<StatsKey> for RecordStatsLoader {
    type Value = UnitRecordStats;
    type Error = AppError;

    async fn load(&self, keys: &[StatsKey]) -> Result<HashMap<StatsKey, UnitRecordStats>, Self::Error> {
        let mut units: Vec<i32> = keys.iter().map(|k| k.unit).collect();
        units.sort_unstable();
        units.dedup();
        let mut flavours: Vec<bool> = keys.iter().map(|k| k.subtree).collect();
        flavours.sort_unstable();
        flavours.dedup();
        // Per holder, flavour and subject.
        let mut tallies: HashMap<(i32, bool, SubjectType), UnitRecordStats> = HashMap::new();
        match &self.source {
            CountSource::Rollups(disclosures) => {
                let rows = rollup_reads::stats_of_units(&self.db, &units, &flavours, *disclosures).await?;
                for (unit, subtree, subject, minor, general, serious, commendations, rectifying) in rows {
                    let count = |n: i64| u64::try_from(n).unwrap_or(0);
                    let stats = UnitRecordStats {
                        minor: count(minor),
                        general: count(general),
                        serious: count(serious),
                        commendations: count(commendations),
                        rectifying: count(rectifying),
                    };
                    tallies.insert((unit, subtree, subject), stats);
                }
            }
            CountSource::Records(countable) => {
                for subtree in flavours {
                    for (unit, subtree, subject, polarity, severity, status, count) in
                        from_records(&self.db, &units, subtree, countable.clone()).await?
                    {
                        tallies.entry((unit, subtree, subject)).or_default().add(polarity, severity, status, count);
                    }
                }
            }
        }
        let mut answer: HashMap<StatsKey, UnitRecordStats> =
            keys.iter().map(|k| (*k, UnitRecordStats::default())).collect();
        for ((unit, subtree, subject), tally) in tallies {
            for key in [StatsKey { unit, subtree, subject: None }, StatsKey { unit, subtree, subject: Some(subject) }] {
                if let Some(stats) = answer.get_mut(&key) {
                    stats.merge(tally);
                }
            }
        }
        Ok(answer)
    }
}

/// The counts of `units` aggregated from the records (the own records, or each unit's subtree's
/// through the closure), among the `countable` ones.
async fn from_records(
    db: &DatabaseConnection,
    units: &[i32],
    subtree: bool,
    countable: Condition,
) -> Result<Vec<Row>, AppError> {
    let holder = if subtree {
        Expr::col((unit_closure::Entity, unit_closure::Column::AncestorId))
    } else {
        Expr::col((credit_record::Entity, Column::UnitId))
    };
    let mut statement = Query::select();
    statement
        .expr_as(holder.clone(), Alias::new("holder"))
        .column((credit_record::Entity, Column::SubjectType))
        .column((credit_record::Entity, Column::Polarity))
        .column((credit_record::Entity, Column::Severity))
        .column((credit_record::Entity, Column::Status))
        .expr_as(Expr::cust("COUNT(*)"), Alias::new("records"))
        .from(credit_record::Entity)
        .cond_where(countable)
        .and_where(Column::Status.is_in([RecordStatus::Active, RecordStatus::Rectifying]))
        .and_where(holder.clone().is_in(units.iter().copied()))
        .add_group_by([
            holder,
            Expr::col((credit_record::Entity, Column::SubjectType)),
            Expr::col((credit_record::Entity, Column::Polarity)),
            Expr::col((credit_record::Entity, Column::Severity)),
            Expr::col((credit_record::Entity, Column::Status)),
        ]);
    if subtree {
        statement.inner_join(
            unit_closure::Entity,
            Expr::col((unit_closure::Entity, unit_closure::Column::DescendantId))
                .equals((credit_record::Entity, Column::UnitId)),
        );
    }
    let found = db.query_all(&statement).await?;
    let mut rows = Vec::with_capacity(found.len());
    for row in found {
        rows.push((
            row.try_get("", "holder")?,
            subtree,
            row.try_get("", "subject_type")?,
            row.try_get("", "polarity")?,
            row.try_get("", "severity")?,
            row.try_get("", "status")?,
            row.try_get("", "records")?,
        ));
    }
    Ok(rows)
}
