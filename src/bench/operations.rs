//! What the bench asks, one entry per operation.

use std::sync::Arc;

use serde_json::{json, Value};

use crate::ids::{public_id, NodeType};

/// One benchmarked operation: a name and a function from the request number to its body.
pub struct Operation {
    pub name: &'static str,
    pub body: Box<dyn Fn(usize) -> Value + Send + Sync>,
}

/// The operations, given how many units and officials the seed made and the cursors after each
/// full page of 50 units.
pub fn operations(units: i32, officials: i32, unit_cursors: Arc<Vec<String>>) -> Vec<Operation> {
    let units = units.max(1) as usize;
    let officials = officials.max(1) as usize;
    let cursors = unit_cursors.clone();
    vec![
        Operation {
            name: "node(id) unit",
            body: Box::new(move |n| {
                let id = public_id(NodeType::Unit, (n * 7_919 % units) as i32 + 1);
                json!({ "query": "query($id: ID!) { node(id: $id) { id ... on Unit { name kind divisionCode } } }", "variables": { "id": id } })
            }),
        },
        Operation {
            name: "node(id) official",
            body: Box::new(move |n| {
                let id = public_id(NodeType::Official, (n * 7_919 % officials) as i32 + 1);
                json!({ "query": "query($id: ID!) { node(id: $id) { id ... on Official { name idNumber unit { name } } } }", "variables": { "id": id } })
            }),
        },
        Operation {
            name: "units page + parent/children/officials",
            body: Box::new(move |n| {
                let after = page_start(&cursors, n);
                json!({
                    "query": "query($after: String) { units(first: 50, after: $after) { totalCount edges { node { name parent { name } children { name } officials(first: 5) { totalCount edges { node { name } } } } } } }",
                    "variables": { "after": after }
                })
            }),
        },
        Operation {
            name: "officials page by unit",
            body: Box::new(move |n| {
                let unit = public_id(NodeType::Unit, (n * 31 % units) as i32 + 1);
                json!({
                    "query": "query($unit: ID!) { officials(first: 20, filter: { unitId: $unit, includeSubunits: true }) { totalCount edges { node { name idNumber status unit { name } } } } }",
                    "variables": { "unit": unit }
                })
            }),
        },
        Operation {
            name: "creditRecords page (filtered) + unit/official",
            body: Box::new(move |n| {
                let severity = ["MINOR", "GENERAL", "SERIOUS"][n % 3];
                json!({
                    "query": "query($severity: Severity) { creditRecords(first: 20, filter: { polarity: DISHONESTY, severity: $severity, status: ACTIVE }) { totalCount edges { node { title category decidedOn unit { name } official { name } recordedBy { name } } } } }",
                    "variables": { "severity": severity }
                })
            }),
        },
        Operation {
            name: "dashboard overview + townships + recordTrend",
            body: Box::new(move |_| {
                json!({
                    "query": "{ dashboard { overview { all { total inForce { minor general serious commendations rectifying } byStatus { status count } } unitsOwn { total } officials { total } openWorkflows { kind open overdue } } townships { unit { name } records { total inForce { serious } } latestEvaluation { grade } } recordTrend(months: 12) { month dishonesty honours } } }",
                })
            }),
        },
        Operation {
            name: "units page + recordStats",
            body: Box::new(move |n| {
                let after = page_start(&unit_cursors, n);
                json!({
                    "query": "query($after: String) { units(first: 50, after: $after) { edges { node { name recordStats { minor general serious commendations rectifying } } } } }",
                    "variables": { "after": after }
                })
            }),
        },
        Operation {
            name: "commitments page (township, pending) + unit",
            body: Box::new(move |n| {
                let status = ["PENDING", "FULFILLED", "BREACHED"][n % 3];
                json!({
                    "query": "query($status: CommitmentStatus) { commitments(first: 20, filter: { status: $status }) { totalCount edges { node { content kind serviceArea dueOn unit { name } } } } }",
                    "variables": { "status": status }
                })
            }),
        },
        Operation {
            name: "complaints page (by status) + target/assigned unit",
            body: Box::new(move |n| {
                let status = ["RECEIVED", "ASSIGNED", "REPLIED", "SUBSTANTIATED"][n % 4];
                json!({
                    "query": "query($status: ComplaintStatus) { complaints(first: 20, filter: { status: $status }) { totalCount edges { node { channel content receivedAt overdue targetUnit { name } assignedUnit { name } } } } }",
                    "variables": { "status": status }
                })
            }),
        },
        Operation {
            name: "procurementContracts page (by acceptance, late) + purchaser/record",
            body: Box::new(move |n| {
                let acceptance = ["PENDING", "PASSED", "FAILED"][n % 3];
                json!({
                    "query": "query($acceptance: [Acceptance!], $late: Boolean) { procurementContracts(first: 20, filter: { acceptance: $acceptance, latePayment: $late }) { totalCount edges { node { projectNumber supplierName amount paymentDueOn paidOn purchaser { name } record { id } } } } }",
                    "variables": { "acceptance": [acceptance], "late": n % 2 == 0 }
                })
            }),
        },
        Operation {
            name: "investmentAgreements page (by status) + unit/record/pledges",
            body: Box::new(move |n| {
                let status = ["ACTIVE", "FULFILLED", "BREACHED", "CHANGED_LAWFULLY"][n % 4];
                json!({
                    "query": "query($status: [AgreementStatus!]) { investmentAgreements(first: 20, filter: { status: $status }) { totalCount edges { node { agreementNumber investorName agreedInvestment unit { name } record { id } creditPledges(first: 3) { totalCount } } } } }",
                    "variables": { "status": [status] }
                })
            }),
        },
        Operation {
            name: "debtInstruments page (by status) + unit/flag/record",
            body: Box::new(move |n| {
                let status = ["OUTSTANDING", "REPAID", "OVERDUE"][n % 3];
                json!({
                    "query": "query($status: [DebtStatus!]) { debtInstruments(first: 20, filter: { status: $status }) { totalCount edges { node { code kind outstanding maturityOn flag unit { name } record { id } } } } }",
                    "variables": { "status": [status] }
                })
            }),
        },
        Operation {
            name: "pppProjects page (by stage) + unit/responsibleNow/stages/trail/breaches",
            body: Box::new(move |n| {
                let stage = ["PREPARATION", "BIDDING", "PROCUREMENT", "FINANCING", "IMPLEMENTATION", "HANDOVER"][n % 6];
                json!({
                    "query": "query($stage: [PppStage!]) { pppProjects(first: 20, filter: { stage: $stage }) { totalCount edges { node { projectNumber name totalInvestment unit { name } responsibleNow { name } stages { progress responsible { fromOn } } responsibilityTrail { stage fromOn toOn official { name } } breachRecords(first: 3) { totalCount } } } } }",
                    "variables": { "stage": [stage] }
                })
            }),
        },
        Operation {
            name: "tenderProjects page (by status) + unit/violations",
            body: Box::new(move |n| {
                let status = ["OPEN", "AWARDED", "FAILED"][n % 3];
                json!({
                    "query": "query($status: [TenderStatus!]) { tenderProjects(first: 20, filter: { status: $status }) { totalCount edges { node { projectNumber name method budget bidOpeningOn winningBidderName creditReportReference unit { name } violationRecords(first: 3) { totalCount } } } } }",
                    "variables": { "status": [status] }
                })
            }),
        },
    ]
}

/// Where the `n`th page request starts: the first page, or after one of the full pages.
fn page_start(cursors: &[String], n: usize) -> Option<String> {
    (n % (cursors.len() + 1)).checked_sub(1).map(|i| cursors[i].clone())
}
