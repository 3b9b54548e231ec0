//! One account per role, and an evaluation firm's API token, for the demo and for operators.

use chrono::{DateTime, Duration, Utc};
use entity::{api_token, enums::Role, user_account};
use sea_orm::DbErr;

use super::{units::UnitIndex, Sink};

/// The seeded accounts: username, display name, role and the short name of their unit.
pub const DEMO_USERS: [(&str, &str, Role, &str); 6] = [
    ("admin", "系统管理员", Role::Admin, "县发改局"),
    ("office", "县信用办", Role::CreditOffice, "县发改局"),
    ("court", "县人民法院录入员", Role::Recorder, "县人民法院"),
    ("personnel", "县委组织部干部科", Role::Personnel, "县委组织部"),
    ("xunzhong", "浔中镇信用联络员", Role::UnitClerk, "浔中镇"),
    ("leader", "县领导", Role::Leader, "县政府"),
];

/// The demo evaluation firm's token id and name.
pub const DEMO_EVALUATOR_JTI: &str = "demo-evaluator";
pub const DEMO_EVALUATOR_FIRM: &str = "泉州诚信评估有限公司（示例）";

/// Inserts the accounts (all with the same password hash) and the demo evaluator token.
pub async fn insert_users(
    sink: &mut Sink,
    index: &UnitIndex,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let users = DEMO_USERS
        .iter()
        .enumerate()
        .map(|(n, (username, display, role, unit))| user_account::Model {
            id: n as i32 + 1,
            username: (*username).into(),
            display_name: (*display).into(),
            password_hash: password_hash.into(),
            role: *role,
            unit_id: index.id(unit),
            active: true,
            tokens_valid_after: None,
            version: 1,
            created_at: now,
            updated_at: now,
        })
        .collect();
    sink.insert::<user_account::Entity>(users).await?;
    let token = api_token::Model {
        id: 1,
        jti: DEMO_EVALUATOR_JTI.into(),
        firm: DEMO_EVALUATOR_FIRM.into(),
        purpose: Some("2025年度政务诚信第三方评估".into()),
        role: Role::Evaluator,
        unit_id: None,
        expires_at: now + Duration::days(365),
        revoked_at: None,
        created_by_user_id: Some(1),
        created_at: now,
    };
    sink.insert::<api_token::Entity>(vec![token]).await?;
    Ok(())
}

/// The id a demo account gets (accounts are inserted in [`DEMO_USERS`] order).
pub fn demo_user_id(username: &str) -> Option<i32> {
    DEMO_USERS.iter().position(|(name, ..)| *name == username).map(|n| n as i32 + 1)
}
