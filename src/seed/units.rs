//! Seeds the unit tree (and its closure), recording authorities, and the plan's tasks.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::{enums::UnitKind, plan_task, plan_task_lead_unit, recording_authority, unit, unit_closure};
use sea_orm::DbErr;

use super::{
    county::{ORGANS, RECORDING_AUTHORITIES, TOWNSHIPS, VILLAGE_FIRST, VILLAGE_SECOND},
    plan_tasks::PLAN_TASKS,
    synthetic::{uscc_for, Synth},
    Sink, Volume,
};

/// The seeded units, with lookups the rest of the seed needs.
pub struct UnitIndex {
    pub units: Vec<unit::Model>,
    pub by_short_name: HashMap<String, i32>,
    pub townships: Vec<i32>,
}

impl UnitIndex {
    pub fn id(&self, short_name: &str) -> Option<i32> {
        self.by_short_name.get(short_name).copied()
    }
}

const TOWNSHIP_INSTITUTIONS: [&str; 6] =
    ["卫生院", "中心小学", "财政所", "农业服务中心", "社会保障服务所", "便民服务中心"];
const COUNTY_INSTITUTIONS: [(&str, &str); 10] = [
    ("德化县医院", "县卫健局"),
    ("德化县中医院", "县卫健局"),
    ("德化第一中学", "县教育局"),
    ("德化第二中学", "县教育局"),
    ("德化县实验小学", "县教育局"),
    ("德化县不动产登记中心", "县自然资源局"),
    ("德化县公共资源交易中心", "县行政服务中心"),
    ("德化县社会保险中心", "县人社局"),
    ("德化县财政国库支付中心", "县财政局"),
    ("德化县公共信用信息中心", "县发改局"),
];

struct Builder {
    units: Vec<unit::Model>,
    now: DateTime<Utc>,
}

impl Builder {
    fn add(
        &mut self,
        name: String,
        short: Option<String>,
        kind: UnitKind,
        parent: Option<i32>,
        uscc: String,
        division: Option<String>,
    ) -> i32 {
        let id = self.units.len() as i32 + 1;
        self.units.push(unit::Model {
            id,
            name,
            short_name: short,
            kind,
            parent_id: parent,
            uscc: Some(uscc),
            division_code: division,
            active: true,
            version: 1,
            created_at: self.now,
            updated_at: self.now,
        });
        id
    }
}

/// Plans every unit in memory, in the county's order.
pub fn plan_units(synth: &mut Synth, volume: &Volume, now: DateTime<Utc>) -> UnitIndex {
    let mut b = Builder { units: Vec::new(), now };
    let mut by_short_name = HashMap::new();
    for (index, organ) in ORGANS.iter().enumerate() {
        let parent = organ.parent.and_then(|p| by_short_name.get(p).copied());
        let (uscc, division) = if organ.kind == UnitKind::CountyGovernment {
            ("1135052600363712XH".to_owned(), Some("350526".to_owned()))
        } else {
            (uscc_for("11", 1_000 + index as u64), None)
        };
        let id = b.add(organ.name.into(), Some(organ.short_name.into()), organ.kind, parent, uscc, division);
        by_short_name.insert(organ.short_name.to_owned(), id);
    }
    let county = by_short_name.get("县政府").copied();
    let mut serial = 10_000u64;
    for (name, parent) in COUNTY_INSTITUTIONS {
        serial += 1;
        let id = b.add(
            name.into(),
            None,
            UnitKind::PublicInstitution,
            by_short_name.get(parent).copied(),
            uscc_for("12", serial),
            None,
        );
        by_short_name.insert(name.to_owned(), id);
    }
    let mut townships = Vec::new();
    for (code, name) in TOWNSHIPS {
        serial += 1;
        let id = b.add(
            format!("德化县{name}人民政府"),
            Some(name.into()),
            UnitKind::Township,
            county,
            uscc_for("11", serial),
            Some(code.into()),
        );
        by_short_name.insert(name.to_owned(), id);
        townships.push((id, code, name));
    }
    for (township, code, name) in &townships {
        let villages = synth.range(volume.villages_per_township.0, volume.villages_per_township.1);
        let residents = if *name == "浔中镇" || *name == "龙浔镇" { 2 + volume.scale_factor } else { 0 };
        let mut used = std::collections::HashSet::new();
        for n in 0..villages {
            serial += 1;
            let mut village = format!("{}{}", synth.pick(&VILLAGE_FIRST), synth.pick(&VILLAGE_SECOND));
            if !used.insert(village.clone()) {
                village = format!("{village}{}", n + 1);
                used.insert(village.clone());
            }
            // A village's 12-digit code is its township's and 200–999: a province-sized
            // township (thousands of villages) leaves the villages past the 800th without one.
            let division = (200 + n <= 999).then(|| format!("{code}{:03}", 200 + n));
            b.add(
                format!("{name}{village}村民委员会"),
                Some(format!("{village}村")),
                UnitKind::VillageCommittee,
                Some(*township),
                uscc_for("54", serial),
                division,
            );
        }
        for n in 0..residents {
            serial += 1;
            let division = format!("{code}{:03}", 1 + n);
            b.add(
                format!("{name}第{}社区居民委员会", n + 1),
                Some(format!("第{}社区", n + 1)),
                UnitKind::ResidentsCommittee,
                Some(*township),
                uscc_for("54", serial),
                Some(division),
            );
        }
        for n in 0..volume.institutions_per_township {
            serial += 1;
            let kind = TOWNSHIP_INSTITUTIONS[n as usize % TOWNSHIP_INSTITUTIONS.len()];
            let suffix = if n as usize >= TOWNSHIP_INSTITUTIONS.len() {
                format!("{}", n as usize / TOWNSHIP_INSTITUTIONS.len() + 1)
            } else {
                String::new()
            };
            b.add(
                format!("德化县{name}{kind}{suffix}"),
                None,
                UnitKind::PublicInstitution,
                Some(*township),
                uscc_for("12", serial),
                None,
            );
        }
    }
    UnitIndex { units: b.units, by_short_name, townships: townships.iter().map(|t| t.0).collect() }
}

/// Every (ancestor, descendant, depth) pair of the tree, depth 0 included.
pub fn closure_of(units: &[unit::Model]) -> Vec<unit_closure::Model> {
    let parents: HashMap<i32, Option<i32>> = units.iter().map(|u| (u.id, u.parent_id)).collect();
    let mut rows = Vec::new();
    for unit in units {
        let mut depth = 0;
        let mut current = Some(unit.id);
        while let Some(ancestor) = current {
            rows.push(unit_closure::Model { ancestor_id: ancestor, descendant_id: unit.id, depth });
            depth += 1;
            current = parents.get(&ancestor).copied().flatten();
            if depth > 64 {
                break;
            }
        }
    }
    rows
}

/// Inserts the units, the closure, the recording authorities and the plan's tasks.
pub async fn insert_structure(sink: &mut Sink, index: &UnitIndex) -> Result<Vec<plan_task_lead_unit::Model>, DbErr> {
    sink.insert::<unit::Entity>(index.units.clone()).await?;
    sink.insert::<unit_closure::Entity>(closure_of(&index.units)).await?;
    let mut authorities = Vec::new();
    for (short, categories) in RECORDING_AUTHORITIES {
        if let Some(unit_id) = index.id(short) {
            authorities.extend(categories.iter().map(|c| recording_authority::Model { unit_id, category: *c }));
        }
    }
    sink.insert::<recording_authority::Entity>(authorities).await?;
    let mut tasks = Vec::new();
    let mut leads = Vec::new();
    for (n, seed) in PLAN_TASKS.iter().enumerate() {
        let task_id = n as i32 + 1;
        tasks.push(plan_task::Model {
            id: task_id,
            code: seed.code.into(),
            section: seed.section.into(),
            title: seed.title.into(),
            description: seed.description.into(),
            sort_order: task_id,
        });
        let mut unit_ids: Vec<i32> = seed.leads.iter().filter_map(|s| index.id(s)).collect();
        if seed.all_townships {
            unit_ids.extend(&index.townships);
        }
        unit_ids.dedup();
        leads.extend(unit_ids.into_iter().map(|unit_id| plan_task_lead_unit::Model { task_id, unit_id }));
    }
    sink.insert::<plan_task::Entity>(tasks).await?;
    sink.insert::<plan_task_lead_unit::Entity>(leads.clone()).await?;
    Ok(leads)
}
