//! Synthetic credit records over three years, with the rectifications, objections and repair
//! applications their statuses imply.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use entity::{
    credit_record,
    enums::{
        Disclosure, Polarity, RecordCategory as Cat, RecordStatus, Sanction, Sector, Severity, SubjectType, UnitKind,
    },
    official, unit,
};

pub use super::record_workflows::{IdsTaken, RecordRows};
use super::{record_workflows, synthetic::Synth, units::UnitIndex, users::demo_user_id};

/// The unit that records a category (by short name) and its document-number pattern.
fn recorder_of(category: Cat, synth: &mut Synth) -> (&'static str, &'static str) {
    match category {
        Cat::JudicialJudgment => ("县人民法院", "（{y}）闽0526民初{n}号"),
        Cat::DefaultedJudgmentDebtor => ("县人民法院", "（{y}）闽0526执{n}号"),
        Cat::DisciplinarySanction | Cat::Accountability => ("县监委", "德监〔{y}〕{n}号"),
        Cat::AdministrativePenalty => {
            if synth.chance(50) {
                ("县公安局", "德公（治）决字〔{y}〕{n}号")
            } else {
                ("县司法局", "德司罚〔{y}〕{n}号")
            }
        }
        Cat::ContractBreach => ("县财政局", "德财采〔{y}〕{n}号"),
        _ => ("县发改局", "德发改〔{y}〕{n}号"),
    }
}

fn label(category: Cat) -> &'static str {
    match category {
        Cat::JudicialJudgment => "司法判决",
        Cat::AdministrativePenalty => "行政处罚",
        Cat::DisciplinarySanction => "纪律处分",
        Cat::Accountability => "问责处理",
        Cat::DefaultedJudgmentDebtor => "失信被执行人",
        Cat::ContractBreach => "违约毁约",
        Cat::CommitmentBreach => "承诺未践行",
        Cat::SocialMorality => "违反社会公德",
        Cat::Commendation => "荣誉表彰",
        Cat::Other => "其他失信行为",
    }
}

const UNIT_CATEGORIES: [(Cat, u32); 7] = [
    (Cat::DefaultedJudgmentDebtor, 12),
    (Cat::ContractBreach, 20),
    (Cat::CommitmentBreach, 18),
    (Cat::AdministrativePenalty, 15),
    (Cat::JudicialJudgment, 10),
    (Cat::Other, 5),
    (Cat::Commendation, 20),
];
const OFFICIAL_CATEGORIES: [(Cat, u32); 6] = [
    (Cat::DisciplinarySanction, 25),
    (Cat::Accountability, 20),
    (Cat::JudicialJudgment, 8),
    (Cat::AdministrativePenalty, 12),
    (Cat::SocialMorality, 10),
    (Cat::Commendation, 25),
];

fn sector_for(category: Cat, township: bool, synth: &mut Synth) -> Sector {
    match category {
        Cat::ContractBreach => synth.weighted(&[
            (Sector::Procurement, 40),
            (Sector::Ppp, 20),
            (Sector::InvestmentPromotion, 25),
            (Sector::Bidding, 15),
        ]),
        _ if township && synth.chance(50) => Sector::Township,
        _ => synth.weighted(&[
            (Sector::General, 70),
            (Sector::Procurement, 8),
            (Sector::Debt, 7),
            (Sector::Bidding, 8),
            (Sector::Ppp, 3),
            (Sector::InvestmentPromotion, 4),
        ]),
    }
}

/// Whose records a chunk makes: these units and these officials (of those units), with ids after
/// those `taken` by earlier chunks.
pub struct Subjects<'a> {
    pub units: Vec<&'a unit::Model>,
    pub officials: Vec<&'a official::Model>,
    pub taken: IdsTaken,
}

/// `count` records between `from` and `today` about `subjects`.
pub fn plan_records(
    synth: &mut Synth,
    index: &UnitIndex,
    subjects: Subjects<'_>,
    count: usize,
    (from, today): (NaiveDate, NaiveDate),
    now: DateTime<Utc>,
) -> RecordRows {
    let mut rows = RecordRows { taken: subjects.taken, ..RecordRows::default() };
    let Subjects { units: subjects, officials, .. } = subjects;
    let full_names: std::collections::HashMap<&str, &str> =
        index.units.iter().filter_map(|u| u.short_name.as_deref().map(|s| (s, u.name.as_str()))).collect();
    let names: std::collections::HashMap<i32, &str> =
        index.units.iter().map(|u| (u.id, u.short_name.as_deref().unwrap_or(&u.name))).collect();
    for n in 0..count {
        let id = rows.taken.records + n as i32 + 1;
        let about_official = !officials.is_empty() && synth.chance(35);
        let (subject_type, unit_id, official_id, subject_name, category) = if about_official {
            let person = *synth.pick(&officials);
            (
                SubjectType::Official,
                person.unit_id,
                Some(person.id),
                person.name.clone(),
                synth.weighted(&OFFICIAL_CATEGORIES),
            )
        } else {
            let unit = *synth.pick(&subjects);
            let name = names.get(&unit.id).copied().unwrap_or("").to_owned();
            (SubjectType::Unit, unit.id, None, name, synth.weighted(&UNIT_CATEGORIES))
        };
        let honor = category == Cat::Commendation;
        // A 失信被执行人 listing is SERIOUS, a unit's is published, for a two-year term, and it
        // ends only by the court's removal (法释〔2017〕7号).
        let listing = category == Cat::DefaultedJudgmentDebtor;
        let severity = if honor {
            Severity::General
        } else if listing {
            Severity::Serious
        } else {
            synth.weighted(&[(Severity::Minor, 40), (Severity::General, 45), (Severity::Serious, 15)])
        };
        let disclosure = match (subject_type, severity) {
            (SubjectType::Official, _) => synth.weighted(&[(Disclosure::Restricted, 80), (Disclosure::Shared, 20)]),
            _ if listing => Disclosure::Public,
            (_, Severity::Minor) => synth.weighted(&[(Disclosure::Shared, 60), (Disclosure::Restricted, 40)]),
            _ if honor => Disclosure::Public,
            _ => synth.weighted(&[(Disclosure::Public, 60), (Disclosure::Shared, 30), (Disclosure::Restricted, 10)]),
        };
        let status = if honor {
            synth.weighted(&[(RecordStatus::Active, 98), (RecordStatus::Revoked, 2)])
        } else if listing {
            synth.weighted(&[
                (RecordStatus::Active, 50),
                (RecordStatus::Rectifying, 15),
                (RecordStatus::Rectified, 10),
                (RecordStatus::Removed, 25),
            ])
        } else {
            synth.weighted(&[
                (RecordStatus::Active, 45),
                (RecordStatus::Rectifying, 15),
                (RecordStatus::Rectified, 15),
                (RecordStatus::Repaired, 15),
                (RecordStatus::Revoked, 10),
            ])
        };
        let decided_on = synth.date_between(from, today);
        let occurred_on = decided_on - Duration::days(synth.range(0, 120));
        let window = match severity {
            _ if listing => Months::new(24),
            Severity::Minor => Months::new(3),
            Severity::General => Months::new(12),
            Severity::Serious => Months::new(36),
        };
        let (recorder, pattern) = recorder_of(category, synth);
        let document_number = pattern
            .replace("{y}", &decided_on.format("%Y").to_string())
            .replace("{n}", &synth.range(1, 999).to_string());
        let township = index
            .units
            .get(unit_id as usize - 1)
            .is_some_and(|u| matches!(u.kind, UnitKind::Township | UnitKind::VillageCommittee));
        rows.records.push(credit_record::Model {
            id,
            subject_type,
            unit_id,
            official_id,
            polarity: if honor { Polarity::Honor } else { Polarity::Dishonesty },
            category,
            sector: sector_for(category, township, synth),
            severity,
            title: format!("{subject_name}{}", label(category)),
            facts: format!(
                "{subject_name}于{occurred_on}发生{}情形，经{recorder}依法认定并作出决定。",
                label(category)
            ),
            document_number: Some(document_number),
            deciding_authority: full_names.get(recorder).copied().unwrap_or(recorder).to_owned(),
            occurred_on,
            decided_on,
            status,
            disclosure,
            disclosure_until: (!honor).then(|| decided_on + window),
            recorded_by_unit_id: index.id(recorder).unwrap_or(unit_id),
            recorded_by_user_id: if recorder == "县人民法院" {
                demo_user_id("court")
            } else {
                demo_user_id("office")
            },
            pushed_at: (!honor && synth.chance(80)).then_some(now),
            source_type: None,
            source_id: None,
            sanction: (category == Cat::DisciplinarySanction).then(|| {
                synth.weighted(&[
                    (Sanction::Warning, 40),
                    (Sanction::Demerit, 30),
                    (Sanction::MajorDemerit, 15),
                    (Sanction::Demotion, 8),
                    (Sanction::Dismissal, 5),
                    (Sanction::Expulsion, 2),
                ])
            }),
            portal_lifted_on: (!honor && disclosure == Disclosure::Public && decided_on + window < today)
                .then_some(decided_on + window + Duration::days(1)),
            version: 1,
            created_at: now,
            updated_at: now,
        });
        record_workflows::add_workflows(synth, &mut rows, id, status, decided_on, today, now);
        if status == RecordStatus::Removed {
            record_workflows::add_removal(synth, &mut rows, id, decided_on, today, now);
        }
    }
    honour_only_the_unbarred(&mut rows, today);
    rows
}

/// 2.3.3: no honour while its subject is barred. A commendation planned inside a bar (a unit's
/// SERIOUS record in force, its rectification overdue, an official's sanction running) is moved
/// to the day before the bar began, so the demo never shows an honour the rules would refuse.
fn honour_only_the_unbarred(rows: &mut RecordRows, today: NaiveDate) {
    use crate::domain::{
        honours_rules::{record_bars_unit, rectification_overdue},
        sanction_rules::period_end,
    };
    // When each unit's and each official's bars start and end (inclusive).
    let mut unit_bars: HashMap<i32, Vec<(NaiveDate, NaiveDate)>> = HashMap::new();
    let mut official_bars: HashMap<i32, Vec<(NaiveDate, NaiveDate)>> = HashMap::new();
    let by_id: HashMap<i32, &credit_record::Model> = rows.records.iter().map(|r| (r.id, r)).collect();
    for record in &rows.records {
        if record_bars_unit(record) {
            unit_bars.entry(record.unit_id).or_default().push((record.decided_on, today));
        }
        if let (Some(official), Some(sanction)) = (record.official_id, record.sanction) {
            if record.status != RecordStatus::Revoked {
                let end = period_end(sanction, record.decided_on).unwrap_or(today);
                official_bars.entry(official).or_default().push((record.decided_on, end));
            }
        }
    }
    for rectification in rows.rectifications.iter().filter(|r| rectification_overdue(r, today)) {
        if let Some(record) = by_id.get(&rectification.record_id).filter(|r| r.subject_type == SubjectType::Unit) {
            let start = rectification.deadline.succ_opt().unwrap_or(rectification.deadline);
            unit_bars.entry(record.unit_id).or_default().push((start, today));
        }
    }
    for record in rows.records.iter_mut().filter(|r| r.polarity == Polarity::Honor) {
        let bars = match record.official_id {
            Some(official) => official_bars.get(&official),
            None => unit_bars.get(&record.unit_id),
        };
        let Some(bars) = bars else { continue };
        let day = record.decided_on;
        if bars.iter().any(|(from, to)| *from <= day && day <= *to) {
            let first = bars.iter().map(|(from, _)| *from).min().unwrap_or(day);
            let decided = first.pred_opt().unwrap_or(first);
            record.occurred_on =
                decided - Duration::days(record.decided_on.signed_duration_since(record.occurred_on).num_days());
            record.decided_on = decided;
        }
    }
}
