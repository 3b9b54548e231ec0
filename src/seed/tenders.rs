//! Synthetic tenders of government bodies (招标投标, plan task 3.3), drawn from a stream of their
//! own so the other sector rows stay as they were.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::{
    enums::{TenderMethod, TenderStatus},
    tender_project,
};

use super::{sectors::company, synthetic::Synth};

/// Tenders of government bodies: the last few still open (bids opening up to a month ahead),
/// the rest awarded — each to a bidder checked with a third-party credit report — or failed.
pub fn plan_tenders(
    synth: &mut Synth,
    tenderers: &[&entity::unit::Model],
    count: usize,
    from: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<tender_project::Model> {
    let mut tenders = Vec::with_capacity(count);
    for n in 0..count {
        let open = n % 8 == 7;
        let bid_opening_on =
            if open { today + Duration::days(synth.range(-5, 30)) } else { synth.date_between(from, today) };
        let status = match (open, n % 8) {
            (true, _) => TenderStatus::Open,
            (false, 3) => TenderStatus::Failed,
            _ => TenderStatus::Awarded,
        };
        let budget = synth.range(200_000, 20_000_000) * 100;
        let concluded_on = (status != TenderStatus::Open).then(|| (bid_opening_on + Duration::days(7)).min(today));
        let awarded = status == TenderStatus::Awarded;
        let (bidder_name, bidder_uscc, bidder_valid) = company(synth, 110_000 + n as u64);
        tenders.push(tender_project::Model {
            id: n as i32 + 1,
            unit_id: synth.pick(tenderers).id,
            project_number: format!("DHZB-{}-{:04}", bid_opening_on.year(), n + 1),
            name: format!(
                "{}工程招标",
                synth.pick(&["城区道路改造", "中小学校舍建设", "陶瓷产业园基础设施", "农村饮水安全", "河道综合治理"])
            ),
            agency_name: synth
                .chance(80)
                .then(|| format!("福建{}工程咨询有限公司", synth.pick(&["德信", "泉诚", "闽中", "恒正"]))),
            method: synth.weighted(&[(TenderMethod::PublicTender, 85), (TenderMethod::InvitedTender, 15)]),
            budget_fen: budget,
            bid_opening_on,
            status,
            winning_bidder_name: awarded.then_some(bidder_name),
            winning_bidder_uscc: awarded.then_some(bidder_uscc),
            winning_bidder_uscc_valid: awarded.then_some(bidder_valid),
            award_amount_fen: awarded.then(|| budget * synth.range(85, 99) / 100),
            credit_report_reference: awarded.then(|| format!("XYBG-{}-{:05}", bid_opening_on.year(), n + 1)),
            concluded_on,
            failure_reason: (status == TenderStatus::Failed).then(|| "投标人不足三家，依法重新招标。".to_owned()),
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    tenders
}
