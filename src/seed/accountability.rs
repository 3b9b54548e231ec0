//! Synthetic commitments, complaints and proposals.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use entity::{
    commitment, complaint,
    enums::{
        ChangeGround, CommitmentKind, CommitmentStatus, ComplaintChannel, ComplaintStatus, ProposalKind,
        ProposalStatus, Satisfaction, Sector, UnitKind,
    },
    proposal, proposal_round,
};

use super::{synthetic::Synth, units::UnitIndex};
use crate::domain::{commitment_rules::SERVICE_AREAS, proposal_rules};

pub fn plan_commitments(
    synth: &mut Synth,
    index: &UnitIndex,
    count: usize,
    from: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<commitment::Model> {
    (0..count)
        .map(|n| {
            let unit = synth.pick(&index.units);
            let township =
                matches!(unit.kind, UnitKind::Township | UnitKind::VillageCommittee | UnitKind::ResidentsCommittee);
            let kind = if township && synth.chance(70) {
                CommitmentKind::TownshipPublic
            } else {
                synth.weighted(&[
                    (CommitmentKind::ServiceQuality, 25),
                    (CommitmentKind::Deadline, 25),
                    (CommitmentKind::Guarantee, 15),
                    (CommitmentKind::Policy, 10),
                    (CommitmentKind::Contract, 10),
                    (CommitmentKind::CreditPledge, 15),
                ])
            };
            let service_area = (kind == CommitmentKind::TownshipPublic).then(|| synth.pick(&SERVICE_AREAS).to_string());
            let due_on = synth.date_between(from, today + Duration::days(365));
            let status = if due_on > today {
                CommitmentStatus::Pending
            } else {
                synth.weighted(&[
                    (CommitmentStatus::Fulfilled, 75),
                    (CommitmentStatus::Breached, 10),
                    (CommitmentStatus::ChangedLawfully, 5),
                    (CommitmentStatus::Pending, 10),
                ])
            };
            let area = service_area.clone().unwrap_or_else(|| "政务服务".into());
            commitment::Model {
                id: n as i32 + 1,
                unit_id: unit.id,
                kind,
                sector: if township { Sector::Township } else { Sector::General },
                service_area,
                content: format!(
                    "{}承诺：{area}事项在承诺时限内办结，服务对象满意率不低于95%。",
                    unit.short_name.as_deref().unwrap_or(&unit.name)
                ),
                is_public: synth.chance(70),
                due_on: Some(due_on),
                status,
                evidence: (status == CommitmentStatus::Fulfilled).then(|| "办结台账及满意度回访记录。".into()),
                legal_basis: (status == CommitmentStatus::ChangedLawfully).then(|| "根据上级政策调整依法变更。".into()),
                change_ground: (status == CommitmentStatus::ChangedLawfully).then_some(ChangeGround::LawChanged),
                compensation_fen: None,
                record_id: None,
                investment_agreement_id: None,
                overdue: due_on < today && status == CommitmentStatus::Pending,
                version: 1,
                created_at: now,
                updated_at: now,
            }
        })
        .collect()
}

pub fn plan_complaints(
    synth: &mut Synth,
    index: &UnitIndex,
    count: usize,
    from: NaiveDate,
    today: NaiveDate,
) -> Vec<complaint::Model> {
    (0..count)
        .map(|n| {
            let unit = synth.pick(&index.units);
            let received = synth.date_between(from, today);
            let received_at = received.and_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default()).and_utc();
            let old = (today - received).num_days() > 30;
            let status = if old {
                synth.weighted(&[
                    (ComplaintStatus::Substantiated, 20),
                    (ComplaintStatus::Unfounded, 35),
                    (ComplaintStatus::Closed, 40),
                    (ComplaintStatus::Replied, 5),
                ])
            } else {
                synth.weighted(&[
                    (ComplaintStatus::Received, 30),
                    (ComplaintStatus::Assigned, 40),
                    (ComplaintStatus::Replied, 30),
                ])
            };
            let assigned = status != ComplaintStatus::Received;
            let replied = !matches!(status, ComplaintStatus::Received | ComplaintStatus::Assigned);
            let channel = synth.weighted(&[
                (ComplaintChannel::Hotline12345, 60),
                (ComplaintChannel::Website, 20),
                (ComplaintChannel::Media, 5),
                (ComplaintChannel::Letter, 10),
                (ComplaintChannel::Other, 5),
            ]);
            let reference = crate::domain::complaint_rules::reference_from(|| synth.range(0, 31) as usize);
            let work_order_number = (channel == ComplaintChannel::Hotline12345)
                .then(|| format!("12345-{}-{:06}", received.format("%Y%m%d"), n + 1));
            complaint::Model {
                id: n as i32 + 1,
                channel,
                target_unit_id: unit.id,
                official_id: None,
                sector: synth.weighted(&[
                    (Sector::General, 60),
                    (Sector::Township, 20),
                    (Sector::Procurement, 10),
                    (Sector::InvestmentPromotion, 10),
                ]),
                content: format!(
                    "反映{}办事拖延、未按承诺时限办结的问题。",
                    unit.short_name.as_deref().unwrap_or(&unit.name)
                ),
                contact_name: synth.chance(60).then(|| synth.person_name()),
                contact_phone: synth.chance(60).then(|| synth.phone()),
                received_at,
                handling_deadline: assigned.then(|| received + Duration::days(15)),
                status,
                assigned_unit_id: assigned.then_some(unit.id),
                reply: replied.then(|| "已核实并督促整改，相关事项已办结。".into()),
                replied_at: replied.then(|| received_at + Duration::days(synth.range(3, 20))),
                conclusion: matches!(status, ComplaintStatus::Substantiated | ComplaintStatus::Unfounded)
                    .then(|| "经核查作出结论。".into()),
                record_id: None,
                client_key: None,
                overdue: status == ComplaintStatus::Assigned && received + Duration::days(15) < today,
                reference: Some(reference),
                work_order_number,
                version: 1,
                created_at: received_at,
                updated_at: received_at,
            }
        })
        .collect()
}

/// Proposals, each with its one handling round: replied ones awaiting or closed with the
/// proposer's satisfaction, the rest open.
pub fn plan_proposals(
    synth: &mut Synth,
    index: &UnitIndex,
    count: usize,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> (Vec<proposal::Model>, Vec<proposal_round::Model>) {
    let departments: Vec<_> =
        index.units.iter().filter(|u| matches!(u.kind, UnitKind::Department | UnitKind::Township)).collect();
    (0..count)
        .map(|n| {
            let id = n as i32 + 1;
            let kind = if n % 2 == 0 { ProposalKind::NpcSuggestion } else { ProposalKind::CppccProposal };
            let year = 2024 + (n % 3) as i32;
            let assigned_on = NaiveDate::from_ymd_opt(year, 3, 1).unwrap_or(today) + Duration::days(synth.range(0, 30));
            let due_on = proposal_rules::default_due(assigned_on);
            let replied = due_on < today || synth.chance(40);
            let replied_on = replied.then(|| (assigned_on + Duration::days(synth.range(30, 110))).min(today));
            let reply: Option<String> = replied.then(|| "已研究采纳，正在落实。".into());
            let status = if replied {
                synth.weighted(&[(ProposalStatus::Replied, 40), (ProposalStatus::Closed, 60)])
            } else {
                ProposalStatus::Assigned
            };
            let satisfaction = (status == ProposalStatus::Closed)
                .then(|| synth.weighted(&[(Satisfaction::Satisfied, 75), (Satisfaction::BasicallySatisfied, 25)]));
            let unit = synth.pick(&departments);
            let proposal = proposal::Model {
                id,
                kind,
                number: format!(
                    "{year}-{}-{:03}",
                    if kind == ProposalKind::NpcSuggestion { "JY" } else { "TA" },
                    n / 2 + 1
                ),
                title: format!("关于加强{}政务诚信建设的建议", unit.short_name.as_deref().unwrap_or(&unit.name)),
                proposer: Some(synth.person_name()),
                handling_unit_id: unit.id,
                assigned_on,
                due_on,
                replied_on,
                reply: reply.clone(),
                status,
                satisfaction,
                round: 1,
                current_due_on: Some(due_on),
                was_late: replied_on.is_some_and(|day| day > due_on),
                version: 1,
                created_at: now,
                updated_at: now,
            };
            let round = proposal_round::Model {
                id,
                proposal_id: id,
                number: 1,
                assigned_on,
                due_on,
                extended_from: None,
                extension_reason: None,
                replied_on,
                reply,
                satisfaction,
                version: 1,
                created_at: now,
                updated_at: now,
            };
            (proposal, round)
        })
        .unzip()
}
