//! The policy's SQL condition and its row predicate are two forms of one rule: on every demo
//! record, for every actor, they must agree.

use std::collections::BTreeSet;

use chengxin::auth::{
    policy::{
        complaints::{can_read_complaint, complaints_visible_to},
        may,
        proposals::{can_read_proposal, proposals_visible_to},
        reads_depend_on_subtree,
        records::{can_read_record, records_visible_to, RecordUse},
        Operation,
    },
    Role, Viewer,
};
use entity::{complaint, credit_record, proposal, unit_closure};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::{spawn_demo_app, TestApp};

#[tokio::test]
async fn sql_condition_and_row_predicate_agree_for_every_actor() {
    let app = spawn_demo_app().await;
    let db = &app.state.db;
    let today = chrono::Utc::now().date_naive();
    let all = credit_record::Entity::find().all(db).await.unwrap();
    let actors = actors(&app).await;
    for viewer in &actors {
        let subtree = subtree_of(&app, viewer).await;
        for purpose in [RecordUse::Rows, RecordUse::Counts] {
            let by_sql: BTreeSet<i32> = credit_record::Entity::find()
                .filter(records_visible_to(viewer, today, purpose))
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.id)
                .collect();
            let by_predicate: BTreeSet<i32> = all
                .iter()
                .filter(|r| {
                    let in_scope = reads_depend_on_subtree(viewer) && subtree.contains(&r.unit_id);
                    can_read_record(viewer, r, today, purpose, in_scope)
                })
                .map(|r| r.id)
                .collect();
            assert_eq!(by_sql, by_predicate, "{:?} {:?} {purpose:?}", viewer.role, viewer.unit_id);
            if viewer.role.is_some() {
                assert!(!by_sql.is_empty(), "{:?} sees something", viewer.role);
            }
        }
    }
}

/// The same for complaints and proposals, among the actors who may list them at all.
#[tokio::test]
async fn complaint_and_proposal_conditions_agree_with_their_predicates() {
    let app = spawn_demo_app().await;
    let db = &app.state.db;
    let complaints = complaint::Entity::find().all(db).await.unwrap();
    let proposals = proposal::Entity::find().all(db).await.unwrap();
    for viewer in &actors(&app).await {
        let subtree = subtree_of(&app, viewer).await;
        let scoped = |unit: Option<i32>| reads_depend_on_subtree(viewer) && unit.is_some_and(|u| subtree.contains(&u));
        if may(viewer, Operation::ListComplaints).is_ok() {
            let by_sql: BTreeSet<i32> = complaint::Entity::find()
                .filter(complaints_visible_to(viewer))
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.id)
                .collect();
            let by_predicate: BTreeSet<i32> = complaints
                .iter()
                .filter(|c| can_read_complaint(viewer, scoped(Some(c.target_unit_id)) || scoped(c.assigned_unit_id)))
                .map(|c| c.id)
                .collect();
            assert_eq!(by_sql, by_predicate, "complaints {:?} {:?}", viewer.role, viewer.unit_id);
        }
        if may(viewer, Operation::ListProposals).is_ok() {
            let by_sql: BTreeSet<i32> = proposal::Entity::find()
                .filter(proposals_visible_to(viewer))
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|p| p.id)
                .collect();
            let by_predicate: BTreeSet<i32> = proposals
                .iter()
                .filter(|p| can_read_proposal(viewer, scoped(Some(p.handling_unit_id))))
                .map(|p| p.id)
                .collect();
            assert_eq!(by_sql, by_predicate, "proposals {:?} {:?}", viewer.role, viewer.unit_id);
        }
    }
}

/// Every unit under (and including) the viewer's unit.
async fn subtree_of(app: &TestApp, viewer: &Viewer) -> BTreeSet<i32> {
    match viewer.unit_id {
        Some(root) => unit_closure::Entity::find()
            .filter(unit_closure::Column::AncestorId.eq(root))
            .all(&app.state.db)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.descendant_id)
            .collect(),
        None => BTreeSet::new(),
    }
}

/// The public and one actor per role (two recorders, two clerks), at their units.
async fn actors(app: &TestApp) -> Vec<Viewer> {
    let mut actors = vec![Viewer::anonymous()];
    for (role, unit) in [
        (Role::Admin, "县发改局"),
        (Role::CreditOffice, "县发改局"),
        (Role::Recorder, "县人民法院"),
        (Role::Recorder, "县监委"),
        (Role::Personnel, "县委组织部"),
        (Role::UnitClerk, "浔中镇"),
        (Role::UnitClerk, "县教育局"),
        (Role::Leader, "县政府"),
        (Role::Evaluator, "县政府"),
    ] {
        let unit_id = app.unit_row(unit).await;
        actors.push(Viewer {
            subject: "test".into(),
            role: Some(role),
            user_id: None,
            unit_id: (role != Role::Evaluator).then_some(unit_id),
            token_id: None,
            firm: None,
        });
    }
    actors
}
