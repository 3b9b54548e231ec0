//! Synthetic officials and their integrity training.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    enums::{OfficialCategory, OfficialStatus, UnitKind},
    official, training_record,
};

use super::{
    synthetic::{id_number_for, Synth},
    units::UnitIndex,
};

const POSITIONS: [&str; 8] = ["科员", "副主任科员", "主任科员", "股长", "副局长", "局长", "办公室主任", "专技人员"];
const COURSES: [&str; 6] = [
    "公务人员诚信手册专题学习",
    "政务诚信与依法行政",
    "社会信用体系建设政策解读",
    "失信联合惩戒典型案例",
    "廉洁从政与守信践诺",
    "信用修复制度培训",
];

/// Weight of a unit when placing officials: departments and townships hold most.
fn weight(kind: UnitKind) -> u64 {
    match kind {
        UnitKind::CountyGovernment => 40,
        UnitKind::Department => 30,
        UnitKind::Township => 40,
        UnitKind::PublicInstitution => 20,
        UnitKind::VillageCommittee | UnitKind::ResidentsCommittee => 3,
    }
}

/// `count` officials spread over the units by weight; the first of each unit heads it.
pub fn plan_officials(synth: &mut Synth, index: &UnitIndex, count: usize, now: DateTime<Utc>) -> Vec<official::Model> {
    let mut cumulative = Vec::with_capacity(index.units.len());
    let mut total = 0u64;
    for unit in &index.units {
        total += weight(unit.kind);
        cumulative.push(total);
    }
    let mut headed = std::collections::HashSet::new();
    (0..count)
        .map(|n| {
            let roll = synth.range(0, total as i64 - 1) as u64;
            let slot = cumulative.partition_point(|c| *c <= roll).min(index.units.len() - 1);
            let unit = &index.units[slot];
            let category = if matches!(
                unit.kind,
                UnitKind::PublicInstitution | UnitKind::VillageCommittee | UnitKind::ResidentsCommittee
            ) {
                OfficialCategory::InstitutionStaff
            } else {
                OfficialCategory::CivilServant
            };
            let status = synth.weighted(&[
                (OfficialStatus::Active, 85),
                (OfficialStatus::Transferred, 7),
                (OfficialStatus::Retired, 6),
                (OfficialStatus::Left, 2),
            ]);
            official::Model {
                id: n as i32 + 1,
                unit_id: unit.id,
                name: synth.person_name(),
                id_number: id_number_for(n as u64 + 1),
                phone: synth.chance(80).then(|| synth.phone()),
                category,
                position: Some(synth.pick(&POSITIONS).to_string()),
                is_head_of_unit: headed.insert(unit.id),
                status,
                version: 1,
                created_at: now,
                updated_at: now,
            }
        })
        .collect()
}

/// `count` completed courses for random officials over the last three years.
pub fn plan_training(
    synth: &mut Synth,
    officials: &[official::Model],
    count: usize,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<training_record::Model> {
    if officials.is_empty() {
        return Vec::new();
    }
    (0..count)
        .map(|n| training_record::Model {
            id: n as i32 + 1,
            official_id: synth.pick(officials).id,
            course: synth.pick(&COURSES).to_string(),
            minutes: synth.range(2, 16) as i32 * 30,
            completed_on: synth.date_between(from, to),
            recorded_by_user_id: super::users::demo_user_id("personnel"),
            created_at: now,
        })
        .collect()
}
