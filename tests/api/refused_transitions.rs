//! For every state of every workflow, one move its state machine does not allow: refused with
//! `INVALID_TRANSITION`, and the row is unchanged (same status, same version).

use chengxin::graphql::ids::{global_id, NodeType};
use entity::enums::{
    ComplaintStatus, Disclosure, ObjectionStatus, ProposalStatus, RecordStatus, RectificationStatus, RepairStatus,
};
use serde_json::{json, Value};

use crate::{
    helpers::{error_code, insert_record, spawn_app, RecordFixture, TestApp},
    workflow_fixtures::{
        insert_complaint, insert_objection_in, insert_proposal, insert_rectification, insert_repair_in,
    },
};

const STATE: &str = r#"query($id: ID!) { node(id: $id) {
  ... on Rectification { status version } ... on Objection { status version } ... on RepairApplication { status version }
  ... on Complaint { status version } ... on Proposal { status version } } }"#;

async fn record(app: &TestApp, status: RecordStatus) -> i32 {
    let mut fixture = RecordFixture::new("浔中镇", "状态机", Disclosure::Shared);
    fixture.status = status;
    insert_record(app, fixture).await
}

/// Runs `mutation` (with `$id` bound to `id`) as `actor` and checks the refusal and that nothing moved.
async fn refused(app: &TestApp, actor: &str, id: &str, mutation: &str, what: &str) {
    let office = app.token_for("office").await;
    let before: Value = app.graphql(Some(&office), STATE, json!({ "id": id })).await;
    assert!(before["data"]["node"]["version"].is_number(), "{what}: {before}");
    let body = app.graphql(Some(&app.token_for(actor).await), mutation, json!({ "id": id })).await;
    assert_eq!(error_code(&body), "INVALID_TRANSITION", "{what}: {body}");
    let after = app.graphql(Some(&office), STATE, json!({ "id": id })).await;
    assert_eq!(before, after, "{what}: nothing changes");
}

#[tokio::test]
async fn every_state_refuses_a_move_off_its_arrows() {
    let app = spawn_app().await;
    let review = |verdict: &str| {
        format!(
            r#"mutation($id: ID!) {{ reviewRectification(input: {{ id: $id, version: 1, verdict: {verdict}, note: "理由" }}) {{ rectification {{ id }} }} }}"#
        )
    };
    let submit = r#"mutation($id: ID!) { submitRectification(input: { id: $id, version: 1, cause: "c", plan: "p", completion: "d" }) { rectification { id } } }"#;
    for (status, actor, mutation) in [
        (RectificationStatus::Pending, "office", review("ACCEPT")),
        (RectificationStatus::Submitted, "xunzhong", submit.to_owned()),
        (RectificationStatus::Accepted, "office", review("REJECT")),
        (RectificationStatus::Rejected, "office", review("ACCEPT")),
        (RectificationStatus::Overdue, "office", review("REJECT")),
    ] {
        let row = insert_rectification(&app, record(&app, RecordStatus::Rectifying).await, status, None).await;
        let id = global_id(NodeType::Rectification, row).0;
        refused(&app, actor, &id, &mutation, &format!("rectification {status:?}")).await;
    }

    let decide = |to: &str| {
        format!(
            r#"mutation($id: ID!) {{ decideObjection(input: {{ id: $id, version: 1, status: {to}, decision: "决定", remedy: REVOKE }}) {{ objection {{ id }} }} }}"#
        )
    };
    for (status, to) in [
        (ObjectionStatus::Filed, "FILED"),
        (ObjectionStatus::UnderReview, "UNDER_REVIEW"),
        (ObjectionStatus::Upheld, "DISMISSED"),
        (ObjectionStatus::Dismissed, "UPHELD"),
    ] {
        let row = insert_objection_in(&app, record(&app, RecordStatus::Active).await, status).await;
        let id = global_id(NodeType::Objection, row).0;
        refused(&app, "office", &id, &decide(to), &format!("objection {status:?}")).await;
    }

    let verdict = |v: &str| {
        format!(
            r#"mutation($id: ID!) {{ decideRepair(input: {{ id: $id, version: 1, verdict: {v}, decision: "决定" }}) {{ repairApplication {{ id }} }} }}"#
        )
    };
    for (status, v) in [(RepairStatus::Approved, "REJECT"), (RepairStatus::Rejected, "APPROVE")] {
        let row = insert_repair_in(&app, record(&app, RecordStatus::Rectified).await, status).await;
        let id = global_id(NodeType::RepairApplication, row).0;
        refused(&app, "office", &id, &verdict(v), &format!("repair {status:?}")).await;
    }

    let unit = app.unit_id("浔中镇").await;
    let assign = format!(
        r#"mutation($id: ID!) {{ assignComplaint(input: {{ id: $id, version: 1, unitId: "{unit}" }}) {{ complaint {{ id }} }} }}"#
    );
    let conclude = r#"mutation($id: ID!) { concludeComplaint(input: { id: $id, version: 1, status: UNFOUNDED, conclusion: "结论" }) { complaint { id } } }"#;
    let reply = r#"mutation($id: ID!) { replyToComplaint(input: { id: $id, version: 1, reply: "答复" }) { complaint { id } } }"#;
    for (status, actor, mutation) in [
        (ComplaintStatus::Received, "office", conclude.to_owned()),
        (ComplaintStatus::Assigned, "office", assign.clone()),
        (ComplaintStatus::Replied, "xunzhong", reply.to_owned()),
        (ComplaintStatus::Substantiated, "office", assign.clone()),
        (ComplaintStatus::Unfounded, "office", conclude.to_owned()),
        (ComplaintStatus::Closed, "office", assign.clone()),
    ] {
        let id = global_id(NodeType::Complaint, insert_complaint(&app, "浔中镇", status).await).0;
        refused(&app, actor, &id, &mutation, &format!("complaint {status:?}")).await;
    }

    let satisfied = r#"mutation($id: ID!) { recordProposalSatisfaction(input: { id: $id, version: 1, satisfaction: SATISFIED }) { proposal { id } } }"#;
    let answer =
        r#"mutation($id: ID!) { replyToProposal(input: { id: $id, version: 1, reply: "答复" }) { proposal { id } } }"#;
    for (n, (status, actor, mutation)) in [
        (ProposalStatus::Assigned, "office", satisfied),
        (ProposalStatus::Replied, "xunzhong", answer),
        (ProposalStatus::Closed, "xunzhong", answer),
    ]
    .into_iter()
    .enumerate()
    {
        let id = global_id(NodeType::Proposal, insert_proposal(&app, "浔中镇", &format!("状态{n}"), status).await).0;
        refused(&app, actor, &id, mutation, &format!("proposal {status:?}")).await;
    }
}
