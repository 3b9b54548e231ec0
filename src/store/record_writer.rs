//! Writing a new credit record: the row, its audit entry, (for dishonesty) its outbox row and its
//! counts in the rollups, on the caller's transaction. Used by `createCreditRecord` and by the workflows that create
//! records from their source (a breached commitment, an overdue payment …).

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    credit_record,
    enums::{Disclosure, Polarity, RecordCategory, RecordStatus, Sanction, Sector, Severity, SubjectType},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde_json::json;

use crate::{
    auth::Viewer,
    domain::{record_rules::RecordDraft, repair_rules::RepairRules},
    error::{AppError, AppResult, Reason},
    ids::{public_id, NodeType},
    store::audit::{write_audit, AuditEntry, RequestTrace},
    store::outbox::enqueue_push,
    store::rollups::count_change,
};

/// A record to write, already checked.
pub struct NewRecord {
    pub subject_type: SubjectType,
    pub unit_id: i32,
    pub official_id: Option<i32>,
    pub polarity: Polarity,
    pub category: RecordCategory,
    pub sector: Sector,
    pub severity: Severity,
    pub title: String,
    pub facts: String,
    pub document_number: Option<String>,
    pub deciding_authority: String,
    pub occurred_on: NaiveDate,
    pub decided_on: NaiveDate,
    pub disclosure: Disclosure,
    pub recorded_by_unit_id: i32,
    /// A disciplinary record's sanction.
    pub sanction: Option<Sanction>,
    /// Where it came from, e.g. `("commitment", 42)`.
    pub source: Option<(&'static str, i32)>,
}

impl NewRecord {
    /// The fields the record rules check.
    pub fn draft(&self) -> RecordDraft<'_> {
        RecordDraft {
            subject_type: self.subject_type,
            polarity: self.polarity,
            category: self.category,
            severity: self.severity,
            disclosure: self.disclosure,
            title: &self.title,
            facts: &self.facts,
            document_number: self.document_number.as_deref(),
            deciding_authority: &self.deciding_authority,
            occurred_on: self.occurred_on,
            decided_on: self.decided_on,
        }
    }
}

/// Who writes, when, and under which rules.
pub struct WriteContext<'a> {
    pub viewer: &'a Viewer,
    pub trace: &'a RequestTrace,
    pub now: DateTime<Utc>,
    pub rules: &'a RepairRules,
}

/// Inserts the record (ACTIVE, version 1, its disclosure window from the rules), audits it and
/// queues it for the platform.
pub async fn write_new_record<C: ConnectionTrait>(
    db: &C,
    at: &WriteContext<'_>,
    new: NewRecord,
) -> AppResult<credit_record::Model> {
    let disclosure_until = (new.polarity == Polarity::Dishonesty)
        .then(|| at.rules.window_end(new.category, new.severity, new.decided_on, 0))
        .flatten();
    let record = credit_record::ActiveModel {
        subject_type: Set(new.subject_type),
        unit_id: Set(new.unit_id),
        official_id: Set(new.official_id),
        polarity: Set(new.polarity),
        category: Set(new.category),
        sector: Set(new.sector),
        severity: Set(new.severity),
        title: Set(new.title.trim().to_owned()),
        facts: Set(new.facts),
        document_number: Set(new.document_number),
        deciding_authority: Set(new.deciding_authority),
        occurred_on: Set(new.occurred_on),
        decided_on: Set(new.decided_on),
        status: Set(RecordStatus::Active),
        disclosure: Set(new.disclosure),
        disclosure_until: Set(disclosure_until),
        recorded_by_unit_id: Set(new.recorded_by_unit_id),
        recorded_by_user_id: Set(at.viewer.user_id),
        pushed_at: Set(None),
        source_type: Set(new.source.map(|(kind, _)| kind.to_owned())),
        source_id: Set(new.source.map(|(_, id)| id)),
        sanction: Set(new.sanction),
        version: Set(1),
        created_at: Set(at.now),
        updated_at: Set(at.now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let entry = AuditEntry {
        action: "credit_record.create",
        entity: "credit_record",
        entity_id: Some(public_id(NodeType::CreditRecord, record.id)),
        before: None,
        after: Some(json!(record)),
    };
    write_audit(db, at.viewer, at.trace, at.now, entry).await?;
    enqueue_push(db, &record, at.now).await?;
    count_change(db, None, Some(&record)).await?;
    Ok(record)
}

/// Writes `changed` over `before` on the caller's transaction if the record is still at
/// `before.version` (the version goes up by one), audits `action` with `note`, and queues the new
/// version for the platform. `CONFLICT` when someone else changed it first.
pub async fn write_record_change<C: ConnectionTrait>(
    db: &C,
    at: &WriteContext<'_>,
    action: &str,
    before: &credit_record::Model,
    mut changed: credit_record::Model,
    note: Option<&str>,
) -> AppResult<credit_record::Model> {
    changed.version = before.version + 1;
    changed.updated_at = at.now;
    let mut active = changed.clone().into_active_model().reset_all();
    active.id = NotSet;
    let result = credit_record::Entity::update_many()
        .set(active)
        .filter(credit_record::Column::Id.eq(before.id))
        .filter(credit_record::Column::Version.eq(before.version))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict(Reason::ChangedMeanwhile));
    }
    let entry = AuditEntry {
        action,
        entity: "credit_record",
        entity_id: Some(public_id(NodeType::CreditRecord, before.id)),
        before: Some(json!(before)),
        after: Some(json!({ "record": changed, "note": note })),
    };
    write_audit(db, at.viewer, at.trace, at.now, entry).await?;
    enqueue_push(db, &changed, at.now).await?;
    count_change(db, Some(before), Some(&changed)).await?;
    Ok(changed)
}
