//! The policy's SQL condition and its row predicate are two forms of one rule: on every demo
//! record, for every actor, they must agree.

use std::collections::BTreeSet;

use chengxin::auth::{
    policy::{
        reads_depend_on_subtree,
        records::{can_read_record, records_visible_to, RecordUse},
    },
    Role, Viewer,
};
use entity::{credit_record, unit_closure};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::spawn_demo_app;

#[tokio::test]
async fn sql_condition_and_row_predicate_agree_for_every_actor() {
    let app = spawn_demo_app().await;
    let db = &app.state.db;
    let today = chrono::Utc::now().date_naive();
    let all = credit_record::Entity::find().all(db).await.unwrap();
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
    for viewer in &actors {
        let subtree: BTreeSet<i32> = match viewer.unit_id {
            Some(root) => unit_closure::Entity::find()
                .filter(unit_closure::Column::AncestorId.eq(root))
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|row| row.descendant_id)
                .collect(),
            None => BTreeSet::new(),
        };
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
