//! The court's acts on a 失信被执行人 listing (法释〔2017〕7号): extending its term, and removing
//! it at any time on its grounds, whatever the state of a rectification. Each changes the record
//! (a new version, audited and pushed) and adds a listing event (audited), in one transaction; a
//! removal also closes the listing's open rectification (the listing it asked for has ended).

use chrono::NaiveDate;
use entity::{
    credit_record,
    enums::{ListingEventKind, ListingRemovalGrounds, RecordStatus, RectificationStatus},
    listing_event, rectification,
};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set, TransactionTrait};

use super::{scope, Actor};
use crate::{
    auth::policy::workflows::can_record_court_removal,
    domain::listing_rules::{check_extension, check_removal, extended_years, removal_is_late, term_end},
    error::AppResult,
    state::AppState,
    store::{
        record_writer::{write_record_change, WriteContext},
        versioned::{expect_version, insert_audited, save_versioned},
    },
};

/// An extension of a listing's term.
pub struct Extension {
    pub years: i32,
    pub reason: String,
}

/// A removal of a listing.
pub struct Removal {
    pub grounds: ListingRemovalGrounds,
    /// The day the grounds arose (the obligation performed, the creditor's request, …).
    pub grounds_on: NaiveDate,
    /// The day of removal; today when not given.
    pub removed_on: Option<NaiveDate>,
    pub remarks: Option<String>,
}

/// The listing as the court may act on it, at the version it read.
async fn listing(state: &AppState, actor: &Actor<'_>, id: i32, version: i32) -> AppResult<credit_record::Model> {
    let viewer = actor.viewer;
    can_record_court_removal(viewer, &scope::authorised_categories(&state.db, viewer.unit_id).await?)?;
    let record = scope::visible_record(&state.db, viewer, id, state.clock.today()).await?;
    expect_version(record.version, version)?;
    Ok(record)
}

/// Extends the term by 1 to 3 years in all, with a reason: the window's end moves.
pub async fn extend(
    state: &AppState,
    actor: &Actor<'_>,
    record_id: i32,
    version: i32,
    extension: Extension,
) -> AppResult<(credit_record::Model, listing_event::Model)> {
    let record = listing(state, actor, record_id, version).await?;
    let already = extended_years(record.decided_on, record.disclosure_until);
    check_extension(record.category, record.status, already, extension.years, &extension.reason)?;
    let changed = credit_record::Model {
        disclosure_until: term_end(record.decided_on, already + extension.years),
        ..record.clone()
    };
    let event = listing_event::ActiveModel {
        record_id: Set(record.id),
        kind: Set(ListingEventKind::Extension),
        years: Set(Some(extension.years)),
        reason: Set(Some(extension.reason.trim().to_owned())),
        grounds: Set(None),
        grounds_on: Set(None),
        effective_on: Set(state.clock.today()),
        late: Set(false),
        by_user_id: Set(actor.viewer.user_id),
        created_at: Set(actor.now),
        ..Default::default()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let written =
        write_both(&txn, &at, "credit_record.listing_extended", "listing.extend", &record, changed, event).await?;
    txn.commit().await?;
    Ok(written)
}

/// Removes the listing: it ends (REMOVED), leaves the portal at once, and is pushed; a removal
/// more than 3 working days after its grounds is flagged late.
pub async fn remove(
    state: &AppState,
    actor: &Actor<'_>,
    record_id: i32,
    version: i32,
    removal: Removal,
) -> AppResult<(credit_record::Model, listing_event::Model)> {
    let record = listing(state, actor, record_id, version).await?;
    let today = state.clock.today();
    let removed_on = removal.removed_on.unwrap_or(today);
    check_removal(record.category, record.status, removal.grounds_on, removed_on, today, removal.remarks.as_deref())?;
    let changed = credit_record::Model { status: RecordStatus::Removed, ..record.clone() };
    let event = listing_event::ActiveModel {
        record_id: Set(record.id),
        kind: Set(ListingEventKind::Removal),
        years: Set(None),
        reason: Set(removal.remarks.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty())),
        grounds: Set(Some(removal.grounds)),
        grounds_on: Set(Some(removal.grounds_on)),
        effective_on: Set(removed_on),
        late: Set(removal_is_late(removal.grounds_on, removed_on)),
        by_user_id: Set(actor.viewer.user_id),
        created_at: Set(actor.now),
        ..Default::default()
    };
    let open = rectification::Entity::find()
        .filter(rectification::Column::RecordId.eq(record.id))
        .filter(rectification::Column::Status.ne(RectificationStatus::Accepted))
        .one(&state.db)
        .await?;
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let written =
        write_both(&txn, &at, "credit_record.listing_removed", "listing.remove", &record, changed, event).await?;
    // The listing has ended, and the rectification it asked for with it.
    if let Some(before) = open {
        let closed = rectification::Model {
            status: RectificationStatus::Accepted,
            court_removed_on: Some(removed_on),
            completed_on: Some(removed_on),
            review_note: Some("法院已将其移出失信被执行人名单".into()),
            reviewed_at: Some(actor.now),
            version: before.version + 1,
            updated_at: actor.now,
            ..before.clone()
        };
        save_versioned::<rectification::Entity, _>(&txn, &at, "rectification.closed_by_removal", &before, closed)
            .await?;
    }
    txn.commit().await?;
    Ok(written)
}

/// The record's new version and the event, on `txn`.
async fn write_both(
    txn: &DatabaseTransaction,
    at: &WriteContext<'_>,
    record_action: &str,
    event_action: &str,
    before: &credit_record::Model,
    changed: credit_record::Model,
    event: listing_event::ActiveModel,
) -> AppResult<(credit_record::Model, listing_event::Model)> {
    let record = write_record_change(txn, at, record_action, before, changed, None).await?;
    let event = insert_audited::<listing_event::Entity, _>(txn, at, event_action, event).await?;
    Ok((record, event))
}
