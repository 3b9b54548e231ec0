//! Calling the service layer directly (no HTTP): actors for the seeded accounts, and a snapshot of
//! every workflow row and the audit log to compare before and after a command.

use std::collections::{BTreeMap, BTreeSet};

use chengxin::{
    auth::Viewer,
    clock::Clock,
    ids::{public_id, NodeType},
    service::Actor,
    store::audit::RequestTrace,
};
use entity::{
    audit_log, commitment, complaint, credit_record, objection, platform_push, proposal, proposal_round, rectification,
    repair_application,
};
use sea_orm::{EntityTrait, QueryOrder};

use crate::helpers::{seeded_role_and_unit, TestApp};

/// The seeded account `username` as the service layer sees it.
pub async fn viewer_for(app: &TestApp, username: &str) -> Viewer {
    let (role, unit) = seeded_role_and_unit(username);
    let id = chengxin::seed::users::demo_user_id(username).expect("seeded user");
    Viewer {
        subject: format!("user:{id}"),
        role: Some(role),
        user_id: Some(id),
        unit_id: Some(app.unit_row(unit).await),
        token_id: None,
        firm: None,
    }
}

/// The request stamp every service test uses.
pub fn trace() -> RequestTrace {
    RequestTrace::internal()
}

/// `viewer` acting now, by the app's clock.
pub fn actor<'a>(app: &TestApp, viewer: &'a Viewer, trace: &'a RequestTrace) -> Actor<'a> {
    Actor { viewer, trace, now: app.clock.now() }
}

/// Every workflow row (by its audited entity name and public id) and every audit entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    rows: BTreeMap<(String, String), String>,
    audit: Vec<(String, Option<String>)>,
    pushes: Vec<String>,
}

async fn rows_of<E>(
    app: &TestApp,
    entity: &str,
    node: NodeType,
    id: fn(&E::Model) -> i32,
) -> Vec<((String, String), String)>
where
    E: EntityTrait,
    E::Model: std::fmt::Debug,
{
    E::find()
        .all(&app.state.db)
        .await
        .expect("read rows")
        .iter()
        .map(|m| ((entity.to_owned(), public_id(node, id(m))), format!("{m:?}")))
        .collect()
}

impl Snapshot {
    pub async fn take(app: &TestApp) -> Self {
        let mut rows = BTreeMap::new();
        rows.extend(rows_of::<credit_record::Entity>(app, "credit_record", NodeType::CreditRecord, |m| m.id).await);
        rows.extend(rows_of::<rectification::Entity>(app, "rectification", NodeType::Rectification, |m| m.id).await);
        rows.extend(rows_of::<objection::Entity>(app, "objection", NodeType::Objection, |m| m.id).await);
        rows.extend(
            rows_of::<repair_application::Entity>(app, "repair_application", NodeType::RepairApplication, |m| m.id)
                .await,
        );
        rows.extend(rows_of::<complaint::Entity>(app, "complaint", NodeType::Complaint, |m| m.id).await);
        rows.extend(rows_of::<proposal::Entity>(app, "proposal", NodeType::Proposal, |m| m.id).await);
        rows.extend(rows_of::<proposal_round::Entity>(app, "proposal_round", NodeType::ProposalRound, |m| m.id).await);
        rows.extend(rows_of::<commitment::Entity>(app, "commitment", NodeType::Commitment, |m| m.id).await);
        let audit = audit_log::Entity::find()
            .order_by_asc(audit_log::Column::Id)
            .all(&app.state.db)
            .await
            .expect("read audit")
            .into_iter()
            .map(|e| (e.entity, e.entity_id))
            .collect();
        let pushes = platform_push::Entity::find()
            .order_by_asc(platform_push::Column::Id)
            .all(&app.state.db)
            .await
            .expect("read outbox")
            .iter()
            .map(|p| format!("{p:?}"))
            .collect();
        Self { rows, audit, pushes }
    }

    /// The rows that are new or different in `after`.
    pub fn changed_rows(&self, after: &Snapshot) -> BTreeSet<(String, String)> {
        after
            .rows
            .iter()
            .filter(|(key, value)| self.rows.get(*key) != Some(value))
            .map(|(key, _)| key.clone())
            .collect()
    }

    /// The audit entries written since `self`, as (entity, public id); `None` if any was removed.
    pub fn new_audit_entries(&self, after: &Snapshot) -> Option<Vec<(String, String)>> {
        let added = after.audit.strip_prefix(self.audit.as_slice())?;
        Some(added.iter().map(|(entity, id)| (entity.clone(), id.clone().unwrap_or_default())).collect())
    }

    /// Whether the outbox differs.
    pub fn pushes_differ(&self, after: &Snapshot) -> bool {
        self.pushes != after.pushes
    }

    /// Whether a row was deleted.
    pub fn lost_rows(&self, after: &Snapshot) -> bool {
        self.rows.keys().any(|key| !after.rows.contains_key(key))
    }
}

/// An administrative penalty of `unit`, decided yesterday (occurred three days ago), for the
/// service layer's `credit_records::create`; change the fields a test is about.
pub fn penalty(
    app: &TestApp,
    unit: i32,
    severity: entity::enums::Severity,
) -> chengxin::service::credit_records::CreateRecord {
    let today = app.clock.today();
    chengxin::service::credit_records::CreateRecord {
        unit_id: unit,
        official_id: None,
        polarity: entity::enums::Polarity::Dishonesty,
        category: entity::enums::RecordCategory::AdministrativePenalty,
        sector: entity::enums::Sector::General,
        severity,
        title: "测试处罚".into(),
        facts: "事实".into(),
        document_number: Some("德政罚〔2026〕1号".into()),
        deciding_authority: "德化县人民政府".into(),
        occurred_on: today - chrono::Duration::days(3),
        decided_on: today - chrono::Duration::days(1),
        disclosure: None,
        sanction: None,
    }
}
