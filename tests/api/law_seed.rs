//! Issue 10, item 10: a realistic seed. Townships hold no bonds and no loans (预算法 art. 35); a
//! PPP stage's responsible official serves the project's government-side unit (or a unit under
//! it); evaluations are computed by the design's formula, each point naming the rows behind it.

use std::collections::{HashMap, HashSet};

use chengxin::domain::evaluation_rules::{grade_of, Weights};
use entity::{
    debt_instrument,
    enums::{DebtKind, UnitKind},
    evaluation, official, ppp_project, ppp_stage_assignment, unit, unit_closure,
};
use sea_orm::EntityTrait;
use serde_json::Value;

use crate::helpers::spawn_demo_app;

#[tokio::test]
async fn the_demo_county_borrows_lawfully_staffs_its_ppp_stages_and_scores_by_the_formula() {
    let app = spawn_demo_app().await;
    let db = &app.state.db;
    let units: HashMap<i32, unit::Model> =
        unit::Entity::find().all(db).await.unwrap().into_iter().map(|u| (u.id, u)).collect();

    let debts = debt_instrument::Entity::find().all(db).await.unwrap();
    assert!(!debts.is_empty());
    for debt in &debts {
        let kind = units[&debt.unit_id].kind;
        if kind == UnitKind::Township {
            assert_eq!((debt.kind, debt.credit_rating.as_deref()), (DebtKind::Other, None), "{}", debt.code);
        } else {
            assert_ne!(debt.kind, DebtKind::Loan, "{}: the county borrows by bonds", debt.code);
        }
    }
    assert!(debts.iter().any(|d| matches!(d.kind, DebtKind::GeneralBond | DebtKind::SpecialBond)));

    let closure: HashSet<(i32, i32)> = unit_closure::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.ancestor_id, r.descendant_id))
        .collect();
    let projects: HashMap<i32, i32> =
        ppp_project::Entity::find().all(db).await.unwrap().into_iter().map(|p| (p.id, p.unit_id)).collect();
    let officials: HashMap<i32, i32> =
        official::Entity::find().all(db).await.unwrap().into_iter().map(|o| (o.id, o.unit_id)).collect();
    let assignments = ppp_stage_assignment::Entity::find().all(db).await.unwrap();
    assert!(!assignments.is_empty());
    for assignment in &assignments {
        let (side, serves) = (projects[&assignment.project_id], officials[&assignment.official_id]);
        assert!(
            closure.contains(&(side, serves)),
            "stage {:?} of project {}: official outside the government side",
            assignment.stage,
            assignment.project_id
        );
    }

    let weights = Weights::default();
    let evaluations = evaluation::Entity::find().all(db).await.unwrap();
    assert!(!evaluations.is_empty());
    let mut scores = HashSet::new();
    for evaluation in &evaluations {
        let breakdown: Value = serde_json::from_str(&evaluation.breakdown).unwrap();
        let mut own = 10_000_i64;
        for line in breakdown["lines"].as_array().unwrap() {
            let count = line["count"].as_i64().unwrap();
            assert_eq!(line["sources"].as_array().unwrap().len() as i64, count, "every point names its rows");
            let points = (line["points"].as_f64().unwrap() * 100.0).round() as i64;
            let each = match line["indicator"].as_str().unwrap() {
                "DISHONESTY_SERIOUS" => -weights.serious,
                "DISHONESTY_GENERAL" => -weights.general,
                "DISHONESTY_MINOR" => -weights.minor,
                "OFFICIAL_DISHONESTY_SERIOUS" => -weights.serious / 2,
                "OFFICIAL_DISHONESTY_GENERAL" => -weights.general / 2,
                "OFFICIAL_DISHONESTY_MINOR" => -weights.minor / 2,
                "OVERDUE_RECTIFICATION" => -weights.overdue_rectification,
                "BREACHED_COMMITMENT" => -weights.breached_commitment,
                "SUBSTANTIATED_COMPLAINT" => -weights.substantiated_complaint,
                "LATE_PROPOSAL" => -weights.late_proposal,
                "COMMENDATION" => weights.commendation,
                other => panic!("unknown indicator {other}"),
            };
            let expected = if each > 0 { (each * count).min(weights.commendation_cap) } else { each * count };
            assert_eq!(points, expected, "{line}");
            own += points;
        }
        let own = own.clamp(0, 10_000);
        assert_eq!((breakdown["ownScore"].as_f64().unwrap() * 100.0).round() as i64, own);
        let score = match breakdown["thirdParty"]["score"].as_f64() {
            Some(rating) => {
                let share = weights.third_party_percent;
                (own * (100 - share) + (rating * 100.0).round() as i64 * share) / 100
            }
            None => own,
        };
        assert_eq!(i64::from(evaluation.score_centi), score, "{}", evaluation.breakdown);
        assert_eq!(evaluation.grade, grade_of(score));
        scores.insert(evaluation.score_centi);
    }
    assert!(scores.len() > 5, "scores follow each unit's record, not one value");
}
