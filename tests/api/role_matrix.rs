//! The role × operation matrix of DESIGN.md, for every query and mutation, for each of the eight
//! actors: allowed, or `FORBIDDEN` (signed in) / `UNAUTHENTICATED` (anonymous) — and each role's
//! introspection shows exactly the operations it may use.

use std::collections::BTreeSet;

use chengxin::{
    auth::{Role, Viewer},
    graphql::ids::{global_id, NodeType},
};
use entity::enums::{
    ComplaintStatus, Disclosure, ListingResolution, ProposalStatus, RecordCategory, RecordStatus, RectificationStatus,
};
use serde_json::{json, Value};

use crate::{
    helpers::{
        error_code, insert_agreement, insert_assignment, insert_contract, insert_official, insert_ppp, insert_record,
        insert_tender, spawn_app, RecordFixture, TestApp, TEST_PASSWORD,
    },
    workflow_fixtures::{
        insert_accountability_proposal, insert_complaint, insert_objection, insert_proposal, insert_rectification,
        insert_repair,
    },
};

/// Actors, in the order of the matrix's columns.
const ACTORS: [&str; 8] = ["admin", "office", "court", "personnel", "xunzhong", "leader", "evaluator", "anonymous"];

/// Each operation: its root field, whether it is a mutation, and who may run it
/// (Y/n per actor, in the order of ACTORS).
const MATRIX: [(&str, bool, &str); 96] = [
    ("me", false, "YYYYYYYY"),
    ("node", false, "YYYYYYYY"),
    ("units", false, "YYYYYYYY"),
    ("unit", false, "YYYYYYYY"),
    ("publicRecords", false, "YYYYYYYY"),
    ("complaintStatus", false, "YYYYYYYY"),
    ("rectifications", false, "YYYYYYYn"),
    ("objections", false, "YYYYYYYn"),
    ("repairApplications", false, "YYYYYYYn"),
    ("officials", false, "YYYYYYnn"),
    ("official", false, "YYYYYYnn"),
    ("planTasks", false, "YYYYYYYn"),
    ("creditRecords", false, "YYYYYYYn"),
    ("creditRecord", false, "YYYYYYYn"),
    ("creditCheck", false, "YnnYnnnn"),
    ("auditLog", false, "Ynnnnnnn"),
    ("users", false, "Ynnnnnnn"),
    ("apiTokens", false, "Ynnnnnnn"),
    ("login", true, "nnnnnnnY"),
    // Personnel offices record honours of officials; the row rules (tested in record_writes)
    // narrow what each writer may record — the documents here are ones each actor's unit may write.
    ("createCreditRecord", true, "YYYYnnnn"),
    ("updateCreditRecord", true, "YYYYnnnn"),
    ("revokeCreditRecord", true, "YYYYnnnn"),
    ("createUser", true, "Ynnnnnnn"),
    ("updateUser", true, "Ynnnnnnn"),
    ("resetPassword", true, "Ynnnnnnn"),
    ("createApiToken", true, "Ynnnnnnn"),
    ("revokeApiToken", true, "Ynnnnnnn"),
    ("platformPushes", false, "Ynnnnnnn"),
    ("requeuePlatformPush", true, "Ynnnnnnn"),
    ("commitments", false, "YYYYYYYY"),
    ("createCommitment", true, "YYnnYnnn"),
    // A clerk may only declare fulfilment, which is the document it gets.
    ("setCommitmentStatus", true, "YYnnYnnn"),
    ("recordTraining", true, "YnnYnnnn"),
    // Workflows: the credit office or the recording authority (the court made the record) opens
    // and reviews; the subject unit's clerk submits; only the court removes a listing.
    ("openRectification", true, "YYYnnnnn"),
    ("submitRectification", true, "YnnnYnnn"),
    ("reviewRectification", true, "YYYnnnnn"),
    ("recordCourtRemoval", true, "nnYnnnnn"),
    ("extendListing", true, "nnYnnnnn"),
    ("removeListing", true, "nnYnnnnn"),
    // Personnel act for an official's record (their document names one).
    ("fileObjection", true, "YnnYYnnn"),
    ("decideObjection", true, "YYnnnnnn"),
    ("applyForRepair", true, "YnnYYnnn"),
    ("decideRepair", true, "YYnnnnnn"),
    ("complaints", false, "YYnnYYYn"),
    ("submitComplaint", true, "YYYYYYnY"),
    ("assignComplaint", true, "YYnnnnnn"),
    ("replyToComplaint", true, "YnnnYnnn"),
    ("concludeComplaint", true, "YYnnnnnn"),
    ("proposals", false, "YYnnYYnn"),
    ("registerProposal", true, "YYnnnnnn"),
    ("replyToProposal", true, "YnnnYnnn"),
    ("recordProposalSatisfaction", true, "YYnnnnnn"),
    ("extendProposalDeadline", true, "YYnnnnnn"),
    ("runDeadlineSweep", true, "YYnnnnnn"),
    // The 监委's recorder decides accountability; here the court's unit is authorised for it too,
    // so that the recorder column shows the role's right (the row rule is tested in
    // law_accountability: an unauthorised recorder sees none and decides none).
    ("accountabilityProposals", false, "YYYnnYnn"),
    ("confirmAccountabilityProposal", true, "nnYnnnnn"),
    ("dismissAccountabilityProposal", true, "nnYnnnnn"),
    // The register: the administrator keeps units and recording authorities, personnel officials.
    ("createUnit", true, "Ynnnnnnn"),
    ("updateUnit", true, "Ynnnnnnn"),
    ("createOfficial", true, "YnnYnnnn"),
    ("updateOfficial", true, "YnnYnnnn"),
    ("recordingAuthorities", false, "YYYnnYnn"),
    ("grantRecordingAuthority", true, "Ynnnnnnn"),
    ("revokeRecordingAuthority", true, "Ynnnnnnn"),
    // The key sectors: evaluation firms read; a clerk keeps its own units' (浔中镇 here).
    ("procurementContracts", false, "YYnnYYYn"),
    ("createProcurementContract", true, "YYnnYnnn"),
    ("recordAcceptance", true, "YYnnYnnn"),
    ("recordPayment", true, "YYnnYnnn"),
    ("investmentAgreements", false, "YYnnYYYn"),
    ("createInvestmentAgreement", true, "YYnnYnnn"),
    ("fulfilInvestmentAgreement", true, "YYnnYnnn"),
    ("changeInvestmentAgreement", true, "YYnnYnnn"),
    ("recordInvestmentBreach", true, "YYnnYnnn"),
    ("debtInstruments", false, "YYnnYYYn"),
    ("debtRisk", false, "YYnnYYYn"),
    ("pppProjects", false, "YYnnYYYn"),
    ("createPppProject", true, "YYnnYnnn"),
    ("advancePppStage", true, "YYnnYnnn"),
    ("assignPppStageResponsible", true, "YYnnYnnn"),
    ("recordPppBreach", true, "YYnnYnnn"),
    ("tenderProjects", false, "YYnnYYYn"),
    ("createTenderProject", true, "YYnnYnnn"),
    ("recordTenderAward", true, "YYnnYnnn"),
    ("recordTenderFailure", true, "YYnnYnnn"),
    ("recordTenderViolation", true, "YYnnYnnn"),
    // Evaluation: published results are public; the credit office computes and publishes.
    ("evaluationPeriods", false, "YYYYYYYY"),
    ("evaluations", false, "YYYYYYYY"),
    // Dashboards: leadership, the credit office, evaluation firms and a clerk (its subtree).
    ("dashboard", false, "YYnnYYYn"),
    ("integrityLists", false, "YYYYYYYY"),
    ("createEvaluationPeriod", true, "YYnnnnnn"),
    ("recordThirdPartyRating", true, "YYnnnnnn"),
    ("computeEvaluations", true, "YYnnnnnn"),
    ("publishEvaluations", true, "YYnnnnnn"),
    // Plan supervision: a lead unit's clerk (浔中镇 leads 2.1.1) or the credit office.
    ("reportTaskProgress", true, "YYnnYnnn"),
    // Fiscal capacity: the credit office or 财政局 (not a township's clerk).
    ("setFiscalCapacity", true, "YYnnnnnn"),
    // Last: it ends the actor's session.
    ("logout", true, "YYYYYYnn"),
];

/// Operations a role may run whose row rule refuses the matrix's actor for that role: the role
/// shows them, the actor is refused (`FORBIDDEN`). A UNIT_CLERK sets fiscal capacity only in
/// 财政局; the matrix's clerk is 浔中镇's.
const ROLE_ALLOWS_ROW_REFUSES: [(&str, &str); 1] = [("setFiscalCapacity", "xunzhong")];

struct Fixture {
    official: String,
    shared_record: String,
    /// An account none of the actors signs in with (a reset ends its tokens).
    spare_user: String,
}

/// The document for an operation, with fresh objects where a run changes them.
async fn document(app: &TestApp, op: &str, actor: usize, fixture: &Fixture) -> (String, Value) {
    let unit = app.unit_id("浔中镇").await;
    let d = |q: &str| (q.to_owned(), json!({}));
    match op {
        "me" => d("{ me { anonymous } }"),
        "node" => (format!("{{ node(id: \"{unit}\") {{ id }} }}"), json!({})),
        "units" => d("{ units { totalCount } }"),
        "dashboard" => d("{ dashboard { overview { all { total } } } }"),
        "unit" => (format!("{{ unit(id: \"{unit}\") {{ name }} }}"), json!({})),
        "publicRecords" => d("{ publicRecords { totalCount } }"),
        "complaintStatus" => d("{ complaintStatus(reference: \"0000-0000-0000\") { status } }"),
        "officials" => d("{ officials { totalCount } }"),
        "official" => (format!("{{ official(id: \"{}\") {{ name }} }}", fixture.official), json!({})),
        "planTasks" => d("{ planTasks { totalCount } }"),
        "creditRecords" => d("{ creditRecords { totalCount } }"),
        "creditRecord" => (format!("{{ creditRecord(id: \"{}\") {{ title }} }}", fixture.shared_record), json!({})),
        "creditCheck" => (format!("{{ creditCheck(officialId: \"{}\", purpose: AWARD) {{ verdict }} }}", fixture.official), json!({})),
        "auditLog" => d("{ auditLog { totalCount } }"),
        "users" => d("{ users { totalCount } }"),
        "apiTokens" => d("{ apiTokens { totalCount } }"),
        "logout" => d("mutation { logout { loggedOut } }"),
        "login" => (
            "mutation($p: String!) { login(input: { username: \"leader\", password: $p }) { token } }".into(),
            json!({ "p": TEST_PASSWORD }),
        ),
        "createCreditRecord" => {
            let day = chrono::Utc::now().date_naive().to_string();
            let mut input = json!({ "unitId": unit, "polarity": "DISHONESTY", "category": "DEFAULTED_JUDGMENT_DEBTOR", "severity": "GENERAL",
                "title": "矩阵", "facts": "事实", "decidingAuthority": "德化县人民法院", "occurredOn": day, "decidedOn": day });
            if ACTORS[actor] == "personnel" {
                input["polarity"] = json!("HONOR");
                input["category"] = json!("COMMENDATION");
                input["officialId"] = json!(fixture.official);
            }
            ("mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id } } }".into(), json!({ "i": input }))
        }
        "updateCreditRecord" | "revokeCreditRecord" => {
            let title = format!("矩阵{actor}");
            let mut record = RecordFixture::new("浔中镇", &title, Disclosure::Shared);
            if ACTORS[actor] == "personnel" {
                record.recorded_by = "县委组织部";
            }
            let row = insert_record(app, record).await;
            let id = global_id(NodeType::CreditRecord, row).0;
            if op == "updateCreditRecord" {
                (format!("mutation {{ updateCreditRecord(input: {{ id: \"{id}\", version: 1, title: \"改\" }}) {{ record {{ id }} }} }}"), json!({}))
            } else {
                (format!("mutation {{ revokeCreditRecord(input: {{ id: \"{id}\", version: 1, reason: \"理由\" }}) {{ record {{ id }} }} }}"), json!({}))
            }
        }
        "createUser" => (
            format!("mutation {{ createUser(input: {{ username: \"m{actor}\", displayName: \"矩阵\", password: \"a long enough password\", role: LEADER, unitId: \"{unit}\" }}) {{ user {{ id }} }} }}"),
            json!({}),
        ),
        "updateUser" => (
            format!("mutation {{ updateUser(input: {{ id: \"{}\", version: 1, displayName: \"改名\" }}) {{ user {{ id }} }} }}", fixture.spare_user),
            json!({}),
        ),
        "resetPassword" => (
            format!("mutation {{ resetPassword(input: {{ id: \"{}\", password: \"{TEST_PASSWORD}\" }}) {{ user {{ id }} }} }}", fixture.spare_user),
            json!({}),
        ),
        "createApiToken" => d("mutation { createApiToken(input: { firm: \"矩阵\" }) { token } }"),
        "revokeApiToken" => {
            let token = app.api_token(Role::Evaluator, None).await;
            drop(token);
            let newest = entity::api_token::Entity::find_newest(&app.state.db).await;
            (format!("mutation {{ revokeApiToken(input: {{ id: \"{}\" }}) {{ apiToken {{ id }} }} }}", global_id(NodeType::ApiToken, newest).0), json!({}))
        }
        "platformPushes" => d("{ platformPushes { totalCount } }"),
        "commitments" => d("{ commitments { totalCount } }"),
        "recordTraining" => (
            format!("mutation {{ recordTraining(input: {{ officialId: \"{}\", course: \"课程\", hours: \"1\", completedOn: \"2025-01-01\" }}) {{ official {{ name }} }} }}", fixture.official),
            json!({}),
        ),
        "createCommitment" => (
            format!("mutation {{ createCommitment(input: {{ unitId: \"{unit}\", kind: DEADLINE, content: \"矩阵承诺\" }}) {{ commitment {{ id }} }} }}"),
            json!({}),
        ),
        "setCommitmentStatus" => {
            let admin = app.token_for("admin").await;
            let created = app
                .graphql(Some(&admin), &format!("mutation {{ createCommitment(input: {{ unitId: \"{unit}\", kind: DEADLINE, content: \"矩阵\" }}) {{ commitment {{ id }} }} }}"), json!({}))
                .await;
            let id = created["data"]["createCommitment"]["commitment"]["id"].as_str().unwrap().to_owned();
            (format!("mutation {{ setCommitmentStatus(input: {{ id: \"{id}\", version: 1, status: FULFILLED, evidence: \"台账\" }}) {{ commitment {{ id }} }} }}"), json!({}))
        }
        "requeuePlatformPush" => {
            // Not FAILED, so an allowed actor gets INVALID_TRANSITION rather than a refusal.
            (format!("mutation {{ requeuePlatformPush(input: {{ id: \"{}\" }}) {{ platformPush {{ id }} }} }}", global_id(NodeType::PlatformPush, 1).0), json!({}))
        }
        _ => workflow_document(app, op, actor, fixture).await,
    }
}

/// A record for one workflow step: the unit's own (an official's for personnel), recorded by the
/// court, in `status`.
async fn workflow_record(app: &TestApp, actor: usize, status: RecordStatus, category: RecordCategory) -> i32 {
    let mut record = RecordFixture::new("浔中镇", "流程", Disclosure::Shared);
    record.status = status;
    record.category = category;
    if ACTORS[actor] == "personnel" {
        static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(500);
        let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        record.official = Some(insert_official(app, "浔中镇", "流程官员", serial).await);
        record.disclosure = Disclosure::Restricted;
    }
    insert_record(app, record).await
}

async fn workflow_document(app: &TestApp, op: &str, actor: usize, fixture: &Fixture) -> (String, Value) {
    let _ = fixture;
    let unit = app.unit_id("浔中镇").await;
    let id = |node: NodeType, row: i32| global_id(node, row).0;
    let later = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
    let m = |q: String| (q, json!({}));
    match op {
        "openRectification" => {
            let record = id(NodeType::CreditRecord, workflow_record(app, actor, RecordStatus::Active, RecordCategory::JudicialJudgment).await);
            m(format!("mutation {{ openRectification(input: {{ recordId: \"{record}\", recordVersion: 1, deadline: \"{later}\" }}) {{ rectification {{ id }} }} }}"))
        }
        "extendListing" | "removeListing" => {
            let record = workflow_record(app, actor, RecordStatus::Active, RecordCategory::DefaultedJudgmentDebtor).await;
            let row = id(NodeType::CreditRecord, record);
            let today = chrono::Utc::now().date_naive();
            m(if op == "extendListing" {
                format!("mutation {{ extendListing(input: {{ recordId: \"{row}\", recordVersion: 1, years: 1, reason: \"拒不履行\" }}) {{ record {{ id }} }} }}")
            } else {
                format!("mutation {{ removeListing(input: {{ recordId: \"{row}\", recordVersion: 1, grounds: OBLIGATION_PERFORMED, groundsOn: \"{today}\" }}) {{ record {{ id }} }} }}")
            })
        }
        "submitRectification" | "reviewRectification" | "recordCourtRemoval" => {
            let (status, category, resolution) = match op {
                "submitRectification" => (RectificationStatus::Pending, RecordCategory::JudicialJudgment, None),
                "reviewRectification" => (RectificationStatus::Submitted, RecordCategory::JudicialJudgment, None),
                _ => (RectificationStatus::Submitted, RecordCategory::DefaultedJudgmentDebtor, Some(ListingResolution::ObligationPerformed)),
            };
            let record = workflow_record(app, actor, RecordStatus::Rectifying, category).await;
            let row = id(NodeType::Rectification, insert_rectification(app, record, status, resolution).await);
            let today = chrono::Utc::now().date_naive();
            m(match op {
                "submitRectification" => format!("mutation {{ submitRectification(input: {{ id: \"{row}\", version: 1, cause: \"原因\", plan: \"计划\", completion: \"完成\" }}) {{ rectification {{ id }} }} }}"),
                "reviewRectification" => format!("mutation {{ reviewRectification(input: {{ id: \"{row}\", version: 1, verdict: REJECT, note: \"不充分\" }}) {{ rectification {{ id }} }} }}"),
                _ => format!("mutation {{ recordCourtRemoval(input: {{ id: \"{row}\", version: 1, removedOn: \"{today}\" }}) {{ rectification {{ id }} }} }}"),
            })
        }
        "fileObjection" | "applyForRepair" => {
            let status = if op == "fileObjection" { RecordStatus::Active } else { RecordStatus::Rectified };
            let record = id(NodeType::CreditRecord, workflow_record(app, actor, status, RecordCategory::JudicialJudgment).await);
            m(if op == "fileObjection" {
                format!("mutation {{ fileObjection(input: {{ recordId: \"{record}\", grounds: \"事实有误\" }}) {{ objection {{ id }} }} }}")
            } else {
                format!("mutation {{ applyForRepair(input: {{ recordId: \"{record}\", measures: \"已消除影响\" }}) {{ repairApplication {{ id }} }} }}")
            })
        }
        "decideObjection" | "decideRepair" => {
            let record = workflow_record(app, actor, RecordStatus::Rectified, RecordCategory::JudicialJudgment).await;
            m(if op == "decideObjection" {
                let row = id(NodeType::Objection, insert_objection(app, record).await);
                format!("mutation {{ decideObjection(input: {{ id: \"{row}\", version: 1, status: UNDER_REVIEW }}) {{ objection {{ id }} }} }}")
            } else {
                let row = id(NodeType::RepairApplication, insert_repair(app, record).await);
                format!("mutation {{ decideRepair(input: {{ id: \"{row}\", version: 1, verdict: REJECT, decision: \"不予修复\" }}) {{ repairApplication {{ id }} }} }}")
            })
        }
        "complaints" => m("{ complaints { totalCount } }".into()),
        "rectifications" => m("{ rectifications { totalCount } }".into()),
        "objections" => m("{ objections { totalCount } }".into()),
        "repairApplications" => m("{ repairApplications { totalCount } }".into()),
        "proposals" => m("{ proposals { totalCount } }".into()),
        "submitComplaint" => m(format!("mutation {{ submitComplaint(input: {{ targetUnitId: \"{unit}\", content: \"窗口工作人员办事拖延推诿\" }}) {{ reference }} }}")),
        "assignComplaint" | "replyToComplaint" | "concludeComplaint" => {
            let status = match op {
                "assignComplaint" => ComplaintStatus::Received,
                "replyToComplaint" => ComplaintStatus::Assigned,
                _ => ComplaintStatus::Replied,
            };
            let row = id(NodeType::Complaint, insert_complaint(app, "浔中镇", status).await);
            m(match op {
                "assignComplaint" => format!("mutation {{ assignComplaint(input: {{ id: \"{row}\", version: 1, unitId: \"{unit}\" }}) {{ complaint {{ id }} }} }}"),
                "replyToComplaint" => format!("mutation {{ replyToComplaint(input: {{ id: \"{row}\", version: 1, reply: \"已办结\" }}) {{ complaint {{ id }} }} }}"),
                _ => format!("mutation {{ concludeComplaint(input: {{ id: \"{row}\", version: 1, status: UNFOUNDED, conclusion: \"不属实\" }}) {{ complaint {{ id }} }} }}"),
            })
        }
        "registerProposal" => m(format!("mutation {{ registerProposal(input: {{ kind: NPC_SUGGESTION, number: \"矩阵{actor}\", title: \"建议\", handlingUnitId: \"{unit}\", dueOn: \"{later}\" }}) {{ proposal {{ id }} }} }}")),
        "replyToProposal" | "recordProposalSatisfaction" | "extendProposalDeadline" => {
            let status = if op == "recordProposalSatisfaction" { ProposalStatus::Replied } else { ProposalStatus::Assigned };
            let row = id(NodeType::Proposal, insert_proposal(app, "浔中镇", &format!("{op}{actor}"), status).await);
            m(match op {
                "replyToProposal" => format!("mutation {{ replyToProposal(input: {{ id: \"{row}\", version: 1, reply: \"已办理\" }}) {{ proposal {{ id }} }} }}"),
                "extendProposalDeadline" => {
                    let due = chrono::Utc::now().date_naive() + chrono::Duration::days(60);
                    format!("mutation {{ extendProposalDeadline(input: {{ id: \"{row}\", version: 1, dueOn: \"{due}\", reason: \"情况复杂\" }}) {{ proposal {{ id }} }} }}")
                }
                _ => format!("mutation {{ recordProposalSatisfaction(input: {{ id: \"{row}\", version: 1, satisfaction: SATISFIED }}) {{ proposal {{ id }} }} }}"),
            })
        }
        "runDeadlineSweep" => m("mutation { runDeadlineSweep { recordsLifted } }".into()),
        "createUnit" => {
            let county = app.unit_id("县政府").await;
            let uscc = chengxin::seed::synthetic::uscc_for("11", 8_000 + actor as u64);
            m(format!("mutation {{ createUnit(input: {{ name: \"矩阵局{actor}\", kind: DEPARTMENT, parentId: \"{county}\", uscc: \"{uscc}\" }}) {{ unit {{ id }} }} }}"))
        }
        "updateUnit" => {
            let target = app.unit_id("县水利局").await;
            let version = unit_version(app, "县水利局").await;
            m(format!("mutation {{ updateUnit(input: {{ id: \"{target}\", version: {version}, shortName: \"县水利局\" }}) {{ unit {{ id }} }} }}"))
        }
        "createOfficial" => {
            let number = chengxin::seed::synthetic::id_number_for(8_000 + actor as u64);
            m(format!("mutation {{ createOfficial(input: {{ unitId: \"{unit}\", name: \"矩阵{actor}\", idNumber: \"{number}\", category: CIVIL_SERVANT }}) {{ official {{ id }} }} }}"))
        }
        "updateOfficial" => {
            let row = id(NodeType::Official, insert_official(app, "浔中镇", "矩阵调动", 8_100 + actor as u64).await);
            m(format!("mutation {{ updateOfficial(input: {{ id: \"{row}\", version: 1, position: \"科长\" }}) {{ official {{ id }} }} }}"))
        }
        "recordingAuthorities" => m("{ recordingAuthorities { category } }".into()),
        "grantRecordingAuthority" | "revokeRecordingAuthority" => {
            m(format!("mutation {{ {op}(input: {{ unitId: \"{unit}\", category: OTHER }}) {{ authority {{ category }} }} }}"))
        }
        "accountabilityProposals" => m("{ accountabilityProposals { totalCount } }".into()),
        "confirmAccountabilityProposal" | "dismissAccountabilityProposal" => {
            let record = insert_record(app, RecordFixture::new("浔中镇", "矩阵问责", Disclosure::Shared)).await;
            let row = id(NodeType::AccountabilityProposal, insert_accountability_proposal(app, record).await);
            m(if op == "confirmAccountabilityProposal" {
                format!("mutation {{ confirmAccountabilityProposal(input: {{ id: \"{row}\", version: 1 }}) {{ proposal {{ id }} }} }}")
            } else {
                format!("mutation {{ dismissAccountabilityProposal(input: {{ id: \"{row}\", version: 1, reason: \"不予问责\" }}) {{ proposal {{ id }} }} }}")
            })
        }
        "procurementContracts" => m("{ procurementContracts { totalCount } }".into()),
        "createProcurementContract" => {
            let uscc = chengxin::seed::synthetic::uscc_for("91", 8_200 + actor as u64);
            m(format!("mutation {{ createProcurementContract(input: {{ purchaserUnitId: \"{unit}\", projectNumber: \"MATRIX-{actor}\", title: \"矩阵采购\", method: INQUIRY, supplierName: \"矩阵公司\", supplierUscc: \"{uscc}\", amount: \"100.00\", signedOn: \"2026-01-05\" }}) {{ contract {{ id }} }} }}"))
        }
        "recordAcceptance" => {
            let row = id(NodeType::ProcurementContract, insert_contract(app, "浔中镇", 100 + actor as u32, false, None).await);
            let day = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
            m(format!("mutation {{ recordAcceptance(input: {{ id: \"{row}\", version: 1, result: PASSED, acceptedOn: \"{day}\", acceptedBy: \"验收小组\" }}) {{ contract {{ id }} }} }}"))
        }
        "recordPayment" => {
            let row = id(NodeType::ProcurementContract, insert_contract(app, "浔中镇", 200 + actor as u32, true, None).await);
            let day = (chrono::Utc::now().date_naive() - chrono::Duration::days(40)).to_string();
            m(format!("mutation {{ recordPayment(input: {{ id: \"{row}\", version: 1, paidOn: \"{day}\" }}) {{ contract {{ id }} }} }}"))
        }
        "investmentAgreements" => m("{ investmentAgreements { totalCount } }".into()),
        "createInvestmentAgreement" => {
            let uscc = chengxin::seed::synthetic::uscc_for("91", 8_300 + actor as u64);
            m(format!("mutation {{ createInvestmentAgreement(input: {{ unitId: \"{unit}\", agreementNumber: \"MATRIX-ZS-{actor}\", investorName: \"矩阵投资\", investorUscc: \"{uscc}\", projectName: \"矩阵项目\", agreedInvestment: \"1000000.00\", signedOn: \"2026-01-05\" }}) {{ agreement {{ id }} }} }}"))
        }
        "fulfilInvestmentAgreement" | "changeInvestmentAgreement" | "recordInvestmentBreach" => {
            let offset = match op {
                "fulfilInvestmentAgreement" => 0,
                "changeInvestmentAgreement" => 1,
                _ => 2,
            };
            let serial = 300 + 10 * actor as u32 + offset;
            let row = id(NodeType::InvestmentAgreement, insert_agreement(app, "浔中镇", serial, entity::enums::AgreementStatus::Active).await);
            let day = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
            m(match op {
                "fulfilInvestmentAgreement" => format!("mutation {{ fulfilInvestmentAgreement(input: {{ id: \"{row}\", version: 1, fulfilledOn: \"{day}\" }}) {{ agreement {{ id }} }} }}"),
                "changeInvestmentAgreement" => format!("mutation {{ changeInvestmentAgreement(input: {{ id: \"{row}\", version: 1, ground: PUBLIC_INTEREST, reason: \"规划调整\", legalBasis: \"《优化营商环境条例》第三十一条\", procedure: \"县政府常务会议决定\", compensation: \"10.00\", changedOn: \"{day}\" }}) {{ agreement {{ id }} }} }}"),
                _ => format!("mutation {{ recordInvestmentBreach(input: {{ id: \"{row}\", version: 1, facts: \"未兑现约定的奖补政策\", occurredOn: \"{day}\" }}) {{ agreement {{ id }} }} }}"),
            })
        }
        "debtInstruments" => m("{ debtInstruments { totalCount } }".into()),
        "debtRisk" => m(format!("{{ debtRisk(year: 2026, unitId: \"{unit}\") {{ band }} }}")),
        "setFiscalCapacity" => {
            m(format!("mutation {{ setFiscalCapacity(input: {{ unitId: \"{unit}\", year: 2026, amount: \"1000000\" }}) {{ year }} }}"))
        }
        "pppProjects" => m("{ pppProjects { totalCount } }".into()),
        "createPppProject" => m(format!("mutation {{ createPppProject(input: {{ unitId: \"{unit}\", projectNumber: \"MATRIX-PPP-{actor}\", name: \"矩阵PPP项目\", totalInvestment: \"1000000.00\", partnerName: \"矩阵社会资本\" }}) {{ project {{ id }} }} }}")),
        "advancePppStage" | "assignPppStageResponsible" | "recordPppBreach" => {
            use entity::enums::PppStage;
            let offset = ["advancePppStage", "assignPppStageResponsible", "recordPppBreach"].iter().position(|o| *o == op);
            let serial = 400 + 10 * actor as u32 + offset.unwrap_or(0) as u32;
            let project = insert_ppp(app, "浔中镇", serial, PppStage::Bidding).await;
            let official = insert_official(app, "浔中镇", "矩阵责任人", 900 + u64::from(serial)).await;
            insert_assignment(app, project, PppStage::Bidding, official, 30, None).await;
            let (row, person) = (id(NodeType::PppProject, project), id(NodeType::Official, official));
            let day = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
            m(match op {
                "advancePppStage" => format!("mutation {{ advancePppStage(input: {{ id: \"{row}\", version: 1, stage: PROCUREMENT }}) {{ project {{ id }} }} }}"),
                "assignPppStageResponsible" => format!("mutation {{ assignPppStageResponsible(input: {{ projectId: \"{row}\", stage: BIDDING, officialId: \"{person}\", fromOn: \"{day}\" }}) {{ assignment {{ id }} }} }}"),
                _ => format!("mutation {{ recordPppBreach(input: {{ projectId: \"{row}\", stage: BIDDING, occurredOn: \"{day}\", facts: \"未按约定履行政府付费义务\" }}) {{ unitRecord {{ id }} }} }}"),
            })
        }
        "evaluationPeriods" => m("{ evaluationPeriods { totalCount } }".into()),
        "evaluations" => m("{ evaluations { totalCount } }".into()),
        "integrityLists" => {
            let period = crate::helpers::insert_period(app, &format!("矩阵名单{actor}")).await;
            let period = id(NodeType::EvaluationPeriod, period);
            m(format!("{{ integrityLists(periodId: \"{period}\") {{ red {{ reasons }} black {{ reasons }} }} }}"))
        }
        "createEvaluationPeriod" => m(format!("mutation {{ createEvaluationPeriod(input: {{ name: \"矩阵评价{actor}\", startsOn: \"2026-01-01\", endsOn: \"2026-12-31\" }}) {{ period {{ id }} }} }}")),
        "recordThirdPartyRating" | "computeEvaluations" | "publishEvaluations" => {
            let period = crate::helpers::insert_period(app, &format!("矩阵{op}{actor}")).await;
            if op == "publishEvaluations" {
                use sea_orm::ActiveModelTrait;
                entity::evaluation::ActiveModel {
                    period_id: sea_orm::Set(period),
                    unit_id: sea_orm::Set(app.unit_row("浔中镇").await),
                    score_centi: sea_orm::Set(9_000),
                    grade: sea_orm::Set(entity::enums::Grade::A),
                    breakdown: sea_orm::Set("{}".into()),
                    third_party_grade: sea_orm::Set(None),
                    published: sea_orm::Set(false),
                    computed_at: sea_orm::Set(chrono::Utc::now()),
                    published_at: sea_orm::Set(None),
                    ..Default::default()
                }
                .insert(&app.state.db)
                .await
                .unwrap();
            }
            let period = id(NodeType::EvaluationPeriod, period);
            m(match op {
                "recordThirdPartyRating" => format!("mutation {{ recordThirdPartyRating(input: {{ periodId: \"{period}\", unitId: \"{unit}\", firm: \"矩阵评价机构\", grade: B, reportReference: \"M-{actor}\" }}) {{ grade }} }}"),
                "computeEvaluations" => format!("mutation {{ computeEvaluations(input: {{ periodId: \"{period}\" }}) {{ evaluated }} }}"),
                _ => format!("mutation {{ publishEvaluations(input: {{ periodId: \"{period}\" }}) {{ period {{ id }} }} }}"),
            })
        }
        "reportTaskProgress" => {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            let task = entity::plan_task::Entity::find()
                .filter(entity::plan_task::Column::Code.eq("2.1.1"))
                .one(&app.state.db)
                .await
                .unwrap()
                .unwrap();
            let task = id(NodeType::PlanTask, task.id);
            m(format!("mutation {{ reportTaskProgress(input: {{ taskId: \"{task}\", unitId: \"{unit}\", period: \"2026-H1\", status: IN_PROGRESS, summary: \"按计划推进\" }}) {{ report {{ period }} }} }}"))
        }
        "tenderProjects" => m("{ tenderProjects { totalCount } }".into()),
        "createTenderProject" => m(format!("mutation {{ createTenderProject(input: {{ unitId: \"{unit}\", projectNumber: \"MATRIX-ZB-{actor}\", name: \"矩阵招标\", method: PUBLIC_TENDER, budget: \"100000.00\", bidOpeningOn: \"2026-01-05\" }}) {{ tender {{ id }} }} }}")),
        "recordTenderAward" | "recordTenderFailure" | "recordTenderViolation" => {
            let offset = ["recordTenderAward", "recordTenderFailure", "recordTenderViolation"].iter().position(|o| *o == op);
            let serial = 500 + 10 * actor as u32 + offset.unwrap_or(0) as u32;
            let row = id(NodeType::TenderProject, insert_tender(app, "浔中镇", serial, entity::enums::TenderStatus::Open).await);
            let day = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
            let uscc = chengxin::seed::synthetic::uscc_for("91", 8_400 + actor as u64);
            m(match op {
                "recordTenderAward" => format!("mutation {{ recordTenderAward(input: {{ id: \"{row}\", version: 1, winningBidderName: \"矩阵建设\", winningBidderUscc: \"{uscc}\", awardAmount: \"90000\", creditReportReference: \"XYBG-M-{actor}\", awardedOn: \"{day}\" }}) {{ tender {{ id }} }} }}"),
                "recordTenderFailure" => format!("mutation {{ recordTenderFailure(input: {{ id: \"{row}\", version: 1, reason: \"投标人不足三家\", failedOn: \"{day}\" }}) {{ tender {{ id }} }} }}"),
                _ => format!("mutation {{ recordTenderViolation(input: {{ id: \"{row}\", facts: \"以不合理条件限制潜在投标人\", occurredOn: \"{day}\" }}) {{ record {{ id }} }} }}"),
            })
        }
        other => panic!("no document for {other}"),
    }
}

trait Newest {
    async fn find_newest(db: &sea_orm::DatabaseConnection) -> i32;
}

impl Newest for entity::api_token::Entity {
    async fn find_newest(db: &sea_orm::DatabaseConnection) -> i32 {
        use sea_orm::{EntityTrait, QueryOrder};
        entity::api_token::Entity::find()
            .order_by_desc(entity::api_token::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .id
    }
}

async fn insert_spare_user(app: &TestApp) -> i32 {
    use entity::{enums::Role as Stored, user_account};
    use sea_orm::{ActiveModelTrait, Set};
    let now = chrono::Utc::now();
    let row = user_account::ActiveModel {
        username: Set("spare".into()),
        display_name: Set("备用".into()),
        password_hash: Set("x".into()),
        role: Set(Stored::Leader),
        unit_id: Set(None),
        active: Set(true),
        tokens_valid_after: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    row.insert(&app.state.db).await.unwrap().id
}

async fn unit_version(app: &TestApp, short_name: &str) -> i32 {
    use sea_orm::EntityTrait;
    let row = app.unit_row(short_name).await;
    entity::unit::Entity::find_by_id(row).one(&app.state.db).await.unwrap().unwrap().version
}

async fn authorise_court_for_accountability(app: &TestApp) {
    use sea_orm::ActiveModelTrait;
    let court = app.unit_row("县人民法院").await;
    let row = entity::recording_authority::Model { unit_id: court, category: RecordCategory::Accountability };
    sea_orm::IntoActiveModel::into_active_model(row).insert(&app.state.db).await.unwrap();
}

async fn token_of(app: &TestApp, actor: &str) -> Option<String> {
    match actor {
        "anonymous" => None,
        "evaluator" => Some(app.evaluator_token()),
        user => Some(app.token_for(user).await),
    }
}

#[tokio::test]
async fn every_actor_may_run_exactly_the_operations_of_the_design() {
    let app = spawn_app().await;
    let official = global_id(NodeType::Official, insert_official(&app, "浔中镇", "矩阵官员", 1).await).0;
    let shared = insert_record(&app, RecordFixture::new("浔中镇", "矩阵共享", Disclosure::Shared)).await;
    let spare_user = global_id(NodeType::User, insert_spare_user(&app).await).0;
    authorise_court_for_accountability(&app).await;
    let fixture = Fixture { official, shared_record: global_id(NodeType::CreditRecord, shared).0, spare_user };
    let mut failures = Vec::new();
    for (op, _, row) in MATRIX {
        for (actor_index, actor) in ACTORS.iter().enumerate() {
            let expected = row.as_bytes()[actor_index] == b'Y';
            let token = token_of(&app, actor).await;
            let (query, variables) = document(&app, op, actor_index, &fixture).await;
            let body = app.graphql(token.as_deref(), &query, variables).await;
            let code = error_code(&body);
            let denied = code == "FORBIDDEN" || code == "UNAUTHENTICATED";
            let ok = if expected {
                !denied
            } else {
                code == if *actor == "anonymous" { "UNAUTHENTICATED" } else { "FORBIDDEN" }
            };
            if !ok {
                failures.push(format!(
                    "{op} as {actor}: expected {}, got {body}",
                    if expected { "allowed" } else { "refused" }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[tokio::test]
async fn each_role_introspects_exactly_its_operations() {
    let schema = chengxin::graphql::build_schema(&chengxin::config::Limits::default(), true);
    let roles = [
        Some(Role::Admin),
        Some(Role::CreditOffice),
        Some(Role::Recorder),
        Some(Role::Personnel),
        Some(Role::UnitClerk),
        Some(Role::Leader),
        Some(Role::Evaluator),
        None,
    ];
    for (actor_index, role) in roles.into_iter().enumerate() {
        let viewer = Viewer { role, ..Viewer::anonymous() };
        let query = "{ __schema { queryType { fields { name } } mutationType { fields { name } } } }";
        let data = schema.execute(async_graphql::Request::new(query).data(viewer)).await.data.into_json().unwrap();
        let names = |root: &str| -> BTreeSet<String> {
            data["__schema"][root]["fields"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|f| f["name"].as_str().unwrap().to_owned())
                .collect()
        };
        let shown: BTreeSet<String> = names("queryType").union(&names("mutationType")).cloned().collect();
        let row_refused = |op: &str| ROLE_ALLOWS_ROW_REFUSES.contains(&(op, ACTORS[actor_index]));
        let expected: BTreeSet<String> = MATRIX
            .iter()
            .filter(|(op, _, row)| row.as_bytes()[actor_index] == b'Y' || row_refused(op))
            .map(|(op, _, _)| (*op).to_owned())
            .collect();
        assert_eq!(shown, expected, "{}", ACTORS[actor_index]);
        if role == Some(Role::Evaluator) {
            assert!(names("mutationType").is_empty(), "an evaluator sees no mutation");
        }
    }
}
