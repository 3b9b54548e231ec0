//! Synthetic key-sector rows: procurement, PPP with stage responsibility and investment
//! agreements; debt (`debts`) and tenders (`tenders`) beside them.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::{
    debt_instrument,
    enums::{Acceptance, AgreementStatus, ChangeGround, PppStage, ProcurementMethod, UnitKind},
    fiscal_capacity, investment_agreement, official, ppp_project, ppp_stage_assignment, procurement_contract,
    tender_project,
};

use super::{
    synthetic::{pilot_uscc_for, uscc_for, Synth},
    units::UnitIndex,
};

const COMPANY_WORDS: [&str; 10] = [
    "瓷业",
    "建设工程",
    "信息技术",
    "陶瓷文化",
    "园林绿化",
    "交通工程",
    "水利水电",
    "物业服务",
    "医疗器械",
    "环保科技",
];
const STAGES: [PppStage; 6] = [
    PppStage::Preparation,
    PppStage::Bidding,
    PppStage::Procurement,
    PppStage::Financing,
    PppStage::Implementation,
    PppStage::Handover,
];

/// A company's name and USCC (one in twenty a pilot-era code that fails GB 32100).
pub(super) fn company(synth: &mut Synth, serial: u64) -> (String, String, bool) {
    let name = format!(
        "福建德化{}{}有限公司",
        synth.pick(&["鑫", "宏", "恒", "盛", "顺", "华", "泰", "隆"]),
        synth.pick(&COMPANY_WORDS)
    );
    if synth.chance(5) {
        (name, pilot_uscc_for(serial), false)
    } else {
        (name, uscc_for("91", serial), true)
    }
}

/// All sector rows the demo needs.
#[derive(Default)]
pub struct SectorRows {
    pub procurements: Vec<procurement_contract::Model>,
    pub ppp_projects: Vec<ppp_project::Model>,
    pub ppp_assignments: Vec<ppp_stage_assignment::Model>,
    pub investments: Vec<investment_agreement::Model>,
    pub debts: Vec<debt_instrument::Model>,
    pub fiscal: Vec<fiscal_capacity::Model>,
    pub tenders: Vec<tender_project::Model>,
}

pub struct SectorCounts {
    pub procurements: usize,
    pub ppp: usize,
    pub investments: usize,
    pub debts: usize,
    pub tenders: usize,
}

pub fn plan_sectors(
    synth: &mut Synth,
    index: &UnitIndex,
    officials: &[official::Model],
    counts: &SectorCounts,
    from: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> SectorRows {
    let mut rows = SectorRows::default();
    let buyers: Vec<_> = index
        .units
        .iter()
        .filter(|u| !matches!(u.kind, UnitKind::VillageCommittee | UnitKind::ResidentsCommittee))
        .collect();
    for n in 0..counts.procurements {
        let signed_on = synth.date_between(from, today);
        let (supplier_name, supplier_uscc, supplier_uscc_valid) = company(synth, 50_000 + n as u64);
        let acceptance = if (today - signed_on).num_days() > 90 {
            synth.weighted(&[(Acceptance::Passed, 90), (Acceptance::Failed, 5), (Acceptance::Pending, 5)])
        } else {
            Acceptance::Pending
        };
        // Accepted 30 days before payment fell due (保障中小企业款项支付条例 art. 8: 30 days from
        // acceptance); a contract not accepted, or failed, owes nothing yet.
        let payment_due_on = signed_on + Duration::days(synth.range(30, 90));
        let accepted_on = (acceptance != Acceptance::Pending).then(|| payment_due_on - Duration::days(30));
        let paid_on = (acceptance == Acceptance::Passed && synth.chance(92))
            .then(|| payment_due_on + Duration::days(synth.range(-20, 40)))
            .filter(|d| *d <= today);
        let payment_due_on = (acceptance == Acceptance::Passed).then_some(payment_due_on);
        rows.procurements.push(procurement_contract::Model {
            id: n as i32 + 1,
            purchaser_unit_id: synth.pick(&buyers).id,
            project_number: format!("DHCG-{}-{:05}", signed_on.year(), n + 1),
            title: format!(
                "{}采购项目",
                synth.pick(&["办公设备", "信息化系统", "物业服务", "道路维护", "校舍维修", "医疗设备"])
            ),
            method: synth.weighted(&[
                (ProcurementMethod::PublicTender, 40),
                (ProcurementMethod::CompetitiveConsultation, 20),
                (ProcurementMethod::CompetitiveNegotiation, 10),
                (ProcurementMethod::Inquiry, 15),
                (ProcurementMethod::SingleSource, 5),
                (ProcurementMethod::InvitedTender, 5),
                (ProcurementMethod::FrameworkAgreement, 5),
            ]),
            supplier_name,
            supplier_uscc,
            supplier_uscc_valid,
            supplier_is_sme: n % 5 != 0,
            payment_term_days: 30,
            amount_fen: synth.range(50_000, 5_000_000) * 100,
            signed_on,
            acceptance,
            accepted_on,
            accepted_by: accepted_on.map(|_| "采购人履约验收小组".to_owned()),
            payment_due_on,
            paid_on,
            record_id: None,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    let serving_under = officials_by_ancestor(index, officials);
    let staffed: Vec<i32> = buyers.iter().map(|u| u.id).filter(|id| serving_under.contains_key(id)).collect();
    for n in 0..counts.ppp {
        let id = n as i32 + 1;
        // The first six projects stand in each stage in turn, so the demo shows every one.
        let drawn = synth.range(0, 5) as usize;
        let stage_index = if n < STAGES.len() { n } else { drawn };
        let (partner_name, partner_uscc, _) = company(synth, 70_000 + n as u64);
        // The government side is a unit with officials of its own (or under it) to answer for
        // each stage; they come from its subtree.
        let unit = if staffed.is_empty() { synth.pick(&buyers).id } else { *synth.pick(&staffed) };
        let answerable = serving_under.get(&unit).cloned().unwrap_or_default();
        rows.ppp_projects.push(ppp_project::Model {
            id,
            unit_id: unit,
            project_number: format!("DHPPP-{:04}", id),
            name: format!(
                "德化县{}PPP项目",
                synth.pick(&["陶瓷文化产业园", "城区污水处理", "乡村道路提升", "智慧停车", "养老服务中心"])
            ),
            total_investment_fen: synth.range(20_000_000, 800_000_000) * 100,
            partner_name,
            partner_uscc: Some(partner_uscc),
            stage: STAGES[stage_index],
            version: 1,
            created_at: now,
            updated_at: now,
        });
        let mut start = synth.date_between(from, from + Duration::days(200));
        for stage in &STAGES[..=stage_index] {
            if answerable.is_empty() {
                break;
            }
            let end = start + Duration::days(synth.range(60, 200));
            rows.ppp_assignments.push(ppp_stage_assignment::Model {
                id: rows.ppp_assignments.len() as i32 + 1,
                project_id: id,
                stage: *stage,
                official_id: synth.pick(&answerable).id,
                from_on: start,
                to_on: (*stage != STAGES[stage_index]).then_some(end),
                created_at: now,
            });
            start = end;
        }
    }
    for n in 0..counts.investments {
        let signed_on = synth.date_between(from, today);
        let (investor_name, investor_uscc, investor_uscc_valid) = company(synth, 90_000 + n as u64);
        let status = synth.weighted(&[
            (AgreementStatus::Active, 55),
            (AgreementStatus::Fulfilled, 30),
            (AgreementStatus::Breached, 5),
            (AgreementStatus::ChangedLawfully, 10),
        ]);
        let changed = status == AgreementStatus::ChangedLawfully;
        rows.investments.push(investment_agreement::Model {
            id: n as i32 + 1,
            unit_id: synth.pick(&buyers).id,
            agreement_number: format!("DHZS-{}-{:04}", signed_on.year(), n + 1),
            investor_name,
            investor_uscc,
            investor_uscc_valid,
            project_name: format!(
                "{}项目",
                synth.pick(&["高端日用陶瓷生产线", "陶瓷电商物流园", "文旅综合体", "新材料研发中心"])
            ),
            agreed_investment_fen: synth.range(5_000_000, 500_000_000) * 100,
            signed_on,
            status,
            change_reason: changed.then(|| "国土空间规划调整，项目用地性质变更。".into()),
            legal_basis: changed.then(|| "《中华人民共和国民法典》第五百三十三条".into()),
            compensation_fen: changed.then(|| synth.range(100_000, 5_000_000) * 100),
            change_ground: changed.then_some(ChangeGround::PublicInterest),
            change_procedure: changed.then(|| "经县政府常务会议研究决定，依法与投资人协商一致并签订补充协议。".into()),
            changed_on: changed.then(|| (signed_on + Duration::days(180)).min(today)),
            terminated: false,
            fulfilled_on: (status == AgreementStatus::Fulfilled).then(|| (signed_on + Duration::days(365)).min(today)),
            record_id: None,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    (rows.debts, rows.fiscal) = super::debts::plan_debts(synth, index, counts.debts, (from, today), now);
    // Tenders draw from a stream of their own, so the rows above stay as they were.
    rows.tenders = super::tenders::plan_tenders(&mut synth.fork(3), &buyers, counts.tenders, from, today, now);
    rows
}

/// The officials serving at each unit or anywhere under it.
fn officials_by_ancestor<'a>(
    index: &UnitIndex,
    officials: &'a [official::Model],
) -> std::collections::HashMap<i32, Vec<&'a official::Model>> {
    let mut by_ancestor: std::collections::HashMap<i32, Vec<&official::Model>> = std::collections::HashMap::new();
    for official in officials {
        let mut current = Some(official.unit_id);
        for _ in 0..16 {
            let Some(unit) = current else { break };
            by_ancestor.entry(unit).or_default().push(official);
            current = index.units.get(unit as usize - 1).and_then(|u| u.parent_id);
        }
    }
    by_ancestor
}
