//! The rectifications, objections and repair applications a seeded record's status implies.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::{
    accountability_proposal, credit_record,
    enums::{
        AccountabilityStatus, ListingEventKind, ListingRemovalGrounds, ObjectionStatus, RecordStatus,
        RectificationStatus, RepairStatus,
    },
    listing_event, objection, rectification, repair_application,
};

use super::{synthetic::Synth, users::demo_user_id};

/// How many ids of each table earlier chunks of records took.
#[derive(Default, Clone, Copy)]
pub struct IdsTaken {
    pub records: i32,
    pub rectifications: i32,
    pub objections: i32,
    pub repairs: i32,
    pub listing_events: i32,
    pub accountability_proposals: i32,
}

/// Everything the record seed produces: records and the workflow rows this module adds to them
/// (one chunk of them: ids follow those `taken` before).
#[derive(Default)]
pub struct RecordRows {
    pub taken: IdsTaken,
    pub records: Vec<credit_record::Model>,
    pub rectifications: Vec<rectification::Model>,
    pub objections: Vec<objection::Model>,
    pub repairs: Vec<repair_application::Model>,
    pub listing_events: Vec<listing_event::Model>,
}

pub fn add_workflows(
    synth: &mut Synth,
    rows: &mut RecordRows,
    record_id: i32,
    status: RecordStatus,
    decided_on: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) {
    let deadline = decided_on + Duration::days(60);
    let office = demo_user_id("office");
    let rectification = match status {
        RecordStatus::Rectifying => Some(if deadline < today {
            synth.weighted(&[(RectificationStatus::Overdue, 60), (RectificationStatus::Submitted, 40)])
        } else {
            synth.weighted(&[
                (RectificationStatus::Pending, 50),
                (RectificationStatus::Submitted, 30),
                (RectificationStatus::Rejected, 20),
            ])
        }),
        RecordStatus::Rectified | RecordStatus::Repaired => Some(RectificationStatus::Accepted),
        _ => None,
    };
    if let Some(rect_status) = rectification {
        let submitted = !matches!(rect_status, RectificationStatus::Pending | RectificationStatus::Overdue);
        let submitted_on = submitted.then(|| (decided_on + Duration::days(synth.range(5, 55))).min(today));
        let reviewed = matches!(rect_status, RectificationStatus::Accepted | RectificationStatus::Rejected);
        rows.rectifications.push(rectification::Model {
            id: rows.taken.rectifications + rows.rectifications.len() as i32 + 1,
            record_id,
            deadline,
            cause: submitted.then(|| "对相关制度执行不到位，内部审核把关不严。".into()),
            plan: submitted.then(|| "完善内控制度，落实专人负责，限期履行义务。".into()),
            completion: reviewed.then(|| "已履行全部义务并提交佐证材料。".into()),
            resolution: None,
            submitted_on,
            completed_on: (rect_status == RectificationStatus::Accepted).then_some(submitted_on).flatten(),
            court_removed_on: None,
            status: rect_status,
            opened_by_user_id: office,
            reviewer_user_id: reviewed.then_some(office).flatten(),
            review_note: (rect_status == RectificationStatus::Rejected).then(|| "整改材料不完整，请补充。".into()),
            reviewed_at: reviewed.then_some(now),
            accountability_flagged: rect_status == RectificationStatus::Overdue,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    if status == RecordStatus::Revoked || synth.chance(3) {
        let objection_status = if status == RecordStatus::Revoked {
            ObjectionStatus::Upheld
        } else {
            synth.weighted(&[
                (ObjectionStatus::Filed, 30),
                (ObjectionStatus::UnderReview, 30),
                (ObjectionStatus::Dismissed, 40),
            ])
        };
        let decided = matches!(objection_status, ObjectionStatus::Upheld | ObjectionStatus::Dismissed);
        let deadline = (decided_on + Duration::days(20)).min(today + Duration::days(15));
        rows.objections.push(objection::Model {
            id: rows.taken.objections + rows.objections.len() as i32 + 1,
            record_id,
            filed_by_user_id: demo_user_id("xunzhong"),
            grounds: "认定事实有误，相关义务已于决定作出前履行完毕。".into(),
            status: objection_status,
            decision: decided.then(|| {
                if objection_status == ObjectionStatus::Upheld {
                    "异议成立，撤销该记录。"
                } else {
                    "异议不成立，维持原记录。"
                }
                .into()
            }),
            decided_at: decided.then_some(now),
            decided_by_user_id: decided.then_some(office).flatten(),
            handling_deadline: deadline,
            overdue: !decided && deadline < today,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    let repair = match status {
        RecordStatus::Repaired => Some(RepairStatus::Approved),
        RecordStatus::Rectified if synth.chance(30) => {
            Some(synth.weighted(&[(RepairStatus::Submitted, 60), (RepairStatus::Rejected, 40)]))
        }
        _ => None,
    };
    if let Some(repair_status) = repair {
        let decided = repair_status != RepairStatus::Submitted;
        rows.repairs.push(repair_application::Model {
            id: rows.taken.repairs + rows.repairs.len() as i32 + 1,
            record_id,
            applicant_user_id: demo_user_id("xunzhong"),
            measures: "已全额履行义务，消除不良影响，并提交信用承诺书。".into(),
            status: repair_status,
            rule_set: "2026-04-01".into(),
            decision: decided.then(|| {
                if repair_status == RepairStatus::Approved {
                    "符合修复条件，准予修复。"
                } else {
                    "未满最短公示期限，不予修复。"
                }
                .into()
            }),
            decided_at: decided.then_some(now),
            decided_by_user_id: decided.then_some(office).flatten(),
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
}

/// The court's removal of a listing the seed made REMOVED: on time, some days after the debt was
/// paid or settled, or on the creditor's request.
pub fn add_removal(
    synth: &mut Synth,
    rows: &mut RecordRows,
    record_id: i32,
    decided_on: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) {
    let grounds_on = synth.date_between(decided_on, today);
    let effective_on = (grounds_on + Duration::days(synth.range(0, 3))).min(today);
    let grounds = synth.weighted(&[
        (ListingRemovalGrounds::ObligationPerformed, 60),
        (ListingRemovalGrounds::SettlementPerformed, 25),
        (ListingRemovalGrounds::CreditorRequest, 15),
    ]);
    rows.listing_events.push(listing_event::Model {
        id: rows.taken.listing_events + rows.listing_events.len() as i32 + 1,
        record_id,
        kind: ListingEventKind::Removal,
        years: None,
        reason: None,
        grounds: Some(grounds),
        grounds_on: Some(grounds_on),
        effective_on,
        late: crate::domain::listing_rules::removal_is_late(grounds_on, effective_on),
        by_user_id: demo_user_id("court"),
        created_at: now,
    });
}

/// The accountability proposals the sweep would have opened: one PROPOSED per overdue
/// rectification, about its record's unit.
pub fn accountability_proposals(rows: &RecordRows, now: DateTime<Utc>) -> Vec<accountability_proposal::Model> {
    let units: HashMap<i32, i32> = rows.records.iter().map(|r| (r.id, r.unit_id)).collect();
    rows.rectifications
        .iter()
        .filter(|r| r.status == RectificationStatus::Overdue)
        .filter_map(|r| units.get(&r.record_id).map(|unit| (r, *unit)))
        .enumerate()
        .map(|(n, (rectification, unit_id))| accountability_proposal::Model {
            id: rows.taken.accountability_proposals + n as i32 + 1,
            rectification_id: rectification.id,
            record_id: rectification.record_id,
            unit_id,
            overdue_since: rectification.deadline + Duration::days(1),
            status: AccountabilityStatus::Proposed,
            accountability_record_id: None,
            dismissal_reason: None,
            decided_on: None,
            decided_by_user_id: None,
            version: 1,
            created_at: now,
            updated_at: now,
        })
        .collect()
}

impl RecordRows {
    /// The ids taken once this chunk (with `proposals` accountability proposals) is written.
    pub fn taken_after(&self, proposals: usize) -> IdsTaken {
        let more = |taken: i32, rows: usize| taken + rows as i32;
        IdsTaken {
            records: more(self.taken.records, self.records.len()),
            rectifications: more(self.taken.rectifications, self.rectifications.len()),
            objections: more(self.taken.objections, self.objections.len()),
            repairs: more(self.taken.repairs, self.repairs.len()),
            listing_events: more(self.taken.listing_events, self.listing_events.len()),
            accountability_proposals: more(self.taken.accountability_proposals, proposals),
        }
    }
}
