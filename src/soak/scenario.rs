//! What the soak's clients do: every role's usual reads, the public portal and complaint form,
//! a failing login, unmasked reads, and the rectification workflow end to end (which records,
//! audits and queues for the platform). Each step says which error codes are expected of it.

use chrono::{Duration, Utc};
use serde_json::{json, Value};

/// One request and the error codes it may answer without counting as a failure.
pub struct Step {
    pub body: Value,
    pub expected: &'static [&'static str],
}

fn step(query: &str, variables: Value, expected: &'static [&'static str]) -> Step {
    Step { body: json!({ "query": query, "variables": variables }), expected }
}

/// Who a client acts as, and what it does, in turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Public,
    Leader,
    Evaluator,
    Personnel,
    Court,
    Admin,
    /// The credit office and the township clerk, taking records through rectification.
    Workflow,
}

/// The actors, in the order clients are given them.
pub const ACTORS: [Actor; 7] =
    [Actor::Workflow, Actor::Public, Actor::Leader, Actor::Evaluator, Actor::Personnel, Actor::Court, Actor::Admin];

/// The read-only steps of `actor`, for turn `n`.
pub fn read_step(actor: Actor, n: usize, township: &str, official: &str) -> Step {
    match (actor, n % 3) {
        (Actor::Public, 0) => step("{ publicRecords(first: 20) { totalCount edges { node { title unit { name } } } } }", json!({}), &[]),
        (Actor::Public, 1) => step(
            "mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { reference } }",
            json!({ "i": { "targetUnitId": township, "content": format!("浸泡测试第{n}次反映窗口办事拖延的问题") } }),
            &["RATE_LIMITED"],
        ),
        (Actor::Public, _) => step(
            "mutation($u: String!) { login(input: { username: $u, password: \"wrong password\" }) { token } }",
            json!({ "u": format!("soak{}", n % 50) }),
            &["UNAUTHENTICATED", "RATE_LIMITED"],
        ),
        (Actor::Leader, 0) => step("{ units(first: 50) { edges { node { name recordStats { activeDishonesty serious } } } } }", json!({}), &[]),
        (Actor::Leader, 1) => step(
            "{ creditRecords(first: 20, filter: { severity: GENERAL }) { totalCount edges { node { title unit { name } official { name } } } } }",
            json!({}),
            &[],
        ),
        (Actor::Leader, _) => step("{ complaints(first: 20) { totalCount edges { node { status targetUnit { name } } } } }", json!({}), &[]),
        (Actor::Evaluator, 0) => step("{ creditRecords(first: 20) { totalCount edges { node { title disclosure } } } }", json!({}), &[]),
        (Actor::Evaluator, _) => step("{ commitments(first: 20) { totalCount edges { node { content status } } } }", json!({}), &[]),
        (Actor::Personnel, 0) => step("{ officials(first: 20) { edges { node { name idNumber phone } } } }", json!({}), &[]),
        (Actor::Personnel, _) => step(
            "query($o: ID!) { creditCheck(officialId: $o, purpose: PROMOTION) { verdict } }",
            json!({ "o": official }),
            &[],
        ),
        (Actor::Court, _) => step("{ creditRecords(first: 20, filter: { category: DEFAULTED_JUDGMENT_DEBTOR }) { totalCount edges { node { title status } } } }", json!({}), &[]),
        (Actor::Admin, 0) => step("{ auditLog(first: 20) { totalCount edges { node { action actor } } } }", json!({}), &[]),
        (Actor::Admin, _) => step("{ platformPushes(first: 20) { totalCount edges { node { status attempts } } } }", json!({}), &[]),
        (Actor::Workflow, _) => step("{ me { role } }", json!({}), &[]),
    }
}

/// The workflow's first step: the credit office records a dishonesty of the township.
pub fn create_record(township: &str, n: usize) -> Step {
    let day = Utc::now().date_naive().to_string();
    step(
        "mutation($i: CreateCreditRecordInput!) { createCreditRecord(input: $i) { record { id version } } }",
        json!({ "i": { "unitId": township, "polarity": "DISHONESTY", "category": "CONTRACT_BREACH", "severity": "GENERAL",
            "title": format!("浸泡测试记录{n}"), "facts": "逾期未支付中小企业货款", "decidingAuthority": "德化县财政局",
            "occurredOn": day, "decidedOn": day } }),
        &[],
    )
}

/// The office opens a rectification of the record.
pub fn open_rectification(record: &str, version: i64) -> Step {
    let deadline = (Utc::now().date_naive() + Duration::days(30)).to_string();
    step(
        "mutation($i: OpenRectificationInput!) { openRectification(input: $i) { rectification { id version } } }",
        json!({ "i": { "recordId": record, "recordVersion": version, "deadline": deadline } }),
        &[],
    )
}

/// The township's clerk submits it.
pub fn submit_rectification(rectification: &str, version: i64) -> Step {
    step(
        "mutation($i: SubmitRectificationInput!) { submitRectification(input: $i) { rectification { id version } } }",
        json!({ "i": { "id": rectification, "version": version, "cause": "审批流程过长", "plan": "压缩付款流程", "completion": "已全额支付并赔付利息" } }),
        &[],
    )
}

/// The office accepts it: the record becomes RECTIFIED (a new version, pushed).
pub fn accept_rectification(rectification: &str, version: i64) -> Step {
    step(
        "mutation($i: ReviewRectificationInput!) { reviewRectification(input: $i) { rectification { status } } }",
        json!({ "i": { "id": rectification, "version": version, "verdict": "ACCEPT" } }),
        &[],
    )
}
