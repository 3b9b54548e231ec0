//! Accounts: create, change, reset a password (administrator only), and end one's own session.
//! A deactivation, a role or unit change, a reset or a logout moves `tokens_valid_after`, so every
//! token issued before it is refused for good.

use entity::{api_token, unit, user_account};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, Set, TransactionTrait,
};
use serde_json::json;

use super::{api_tokens::revoke_row, Actor};
use crate::{
    auth::{
        password::hash_password_bounded,
        policy::{may, Operation},
        session_cache::cut_off_now,
        Role,
    },
    domain::account_rules::{check_account_role, check_display_name, check_password, check_username},
    error::{AppError, AppResult, FieldChecks, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::{
        audit::{write_audit, AuditEntry},
        versioned::expect_version,
    },
};

/// A new account.
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
    pub unit_id: i32,
}

/// Changes to an account; `None` leaves a field as it is.
pub struct UserChange {
    pub id: i32,
    pub version: i32,
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub unit_id: Option<i32>,
    pub active: Option<bool>,
}

/// What the audit log keeps of an account (never the hash).
fn audited(user: &user_account::Model) -> serde_json::Value {
    json!({ "username": user.username, "displayName": user.display_name, "role": user.role, "unitId": user.unit_id, "active": user.active })
}

async fn existing_unit(state: &AppState, id: i32) -> AppResult<i32> {
    match unit::Entity::find_by_id(id).one(&state.db).await? {
        Some(_) => Ok(id),
        None => Err(AppError::bad_input("unitId", Reason::UnknownUnit)),
    }
}

async fn audit(db: &impl ConnectionTrait, actor: &Actor<'_>, entry: AuditEntry<'_>) -> AppResult<()> {
    Ok(write_audit(db, actor.viewer, actor.trace, actor.now, entry).await?)
}

/// Creates an account.
pub async fn create_user(state: &AppState, actor: &Actor<'_>, new: NewUser) -> AppResult<user_account::Model> {
    may(actor.viewer, Operation::ManageUsers)?;
    let mut checks = FieldChecks::new();
    checks
        .absorb(check_username(&new.username))?
        .absorb(check_display_name(&new.display_name))?
        .absorb(check_password(&new.password, "password"))?
        .absorb(check_account_role(new.role))?
        .absorb(existing_unit(state, new.unit_id).await.map(|_| ()))?;
    let taken = user_account::Entity::find().filter(user_account::Column::Username.eq(new.username.as_str()));
    checks.refuse_if(!checks.has("username") && taken.count(&state.db).await? > 0, "username", Reason::UsernameTaken);
    checks.finish()?;
    let unit_id = new.unit_id;
    let password_hash = hash_password_bounded(new.password).await?;
    let txn = state.db.begin().await?;
    let user = user_account::ActiveModel {
        username: Set(new.username),
        display_name: Set(new.display_name.trim().to_owned()),
        password_hash: Set(password_hash),
        role: Set(new.role),
        unit_id: Set(Some(unit_id)),
        active: Set(true),
        tokens_valid_after: Set(None),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let entry = AuditEntry {
        action: "user.create",
        entity: "user_account",
        entity_id: Some(public_id(NodeType::User, user.id)),
        before: None,
        after: Some(audited(&user)),
    };
    audit(&txn, actor, entry).await?;
    txn.commit().await?;
    Ok(user)
}

/// Changes an account's name, role, unit or active flag (not one's own role or active flag).
pub async fn update_user(state: &AppState, actor: &Actor<'_>, change: UserChange) -> AppResult<user_account::Model> {
    may(actor.viewer, Operation::ManageUsers)?;
    let before = user_account::Entity::find_by_id(change.id).one(&state.db).await?;
    let before = before.ok_or(AppError::NotFound(Reason::UserNotFound))?;
    if actor.viewer.user_id == Some(change.id) && (change.role.is_some() || change.active == Some(false)) {
        return Err(AppError::bad_input("id", Reason::OwnAccount));
    }
    expect_version(before.version, change.version)?;
    let mut changed = before.clone();
    if let Some(name) = &change.display_name {
        check_display_name(name)?;
        changed.display_name = name.trim().to_owned();
    }
    if let Some(role) = change.role {
        check_account_role(role)?;
        changed.role = role;
    }
    if let Some(unit) = change.unit_id {
        changed.unit_id = Some(existing_unit(state, unit).await?);
    }
    if let Some(active) = change.active {
        changed.active = active;
    }
    if changed.role != before.role || changed.unit_id != before.unit_id || !changed.active {
        changed.tokens_valid_after = Some(cut_off_now(before.tokens_valid_after));
    }
    changed.updated_at = actor.now;
    changed.version = before.version + 1;
    let txn = state.db.begin().await?;
    let user = save_account(&txn, &before, changed).await?;
    let entry = AuditEntry {
        action: "user.update",
        entity: "user_account",
        entity_id: Some(public_id(NodeType::User, user.id)),
        before: Some(audited(&before)),
        after: Some(audited(&user)),
    };
    audit(&txn, actor, entry).await?;
    txn.commit().await?;
    state.sessions.forget(&format!("user:{}", user.id));
    Ok(user)
}

/// Sets a new password; the account's existing tokens end.
pub async fn reset_password(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    password: String,
) -> AppResult<user_account::Model> {
    may(actor.viewer, Operation::ManageUsers)?;
    check_password(&password, "password")?;
    let before = user_account::Entity::find_by_id(id).one(&state.db).await?;
    let before = before.ok_or(AppError::NotFound(Reason::UserNotFound))?;
    let password_hash = hash_password_bounded(password).await?;
    let changed = user_account::Model {
        password_hash,
        tokens_valid_after: Some(cut_off_now(before.tokens_valid_after)),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let txn = state.db.begin().await?;
    let user = save_account(&txn, &before, changed).await?;
    let entry = AuditEntry {
        action: "user.reset_password",
        entity: "user_account",
        entity_id: Some(public_id(NodeType::User, id)),
        before: None,
        after: None,
    };
    audit(&txn, actor, entry).await?;
    txn.commit().await?;
    state.sessions.forget(&format!("user:{id}"));
    Ok(user)
}

/// Ends the actor's own session: for an account every token issued until now, for an API token
/// that token.
pub async fn logout(state: &AppState, actor: &Actor<'_>) -> AppResult<()> {
    may(actor.viewer, Operation::Logout)?;
    // Reads come before the transaction, which then only writes (SQLite).
    let user = match actor.viewer.user_id {
        Some(id) => user_account::Entity::find_by_id(id).one(&state.db).await?,
        None => None,
    };
    let token = match actor.viewer.subject.strip_prefix("token:") {
        Some(jti) => api_token::Entity::find().filter(api_token::Column::Jti.eq(jti)).one(&state.db).await?,
        None => None,
    };
    let txn = state.db.begin().await?;
    if let Some(user) = user {
        let cut_off = cut_off_now(user.tokens_valid_after);
        user_account::Entity::update_many()
            .col_expr(user_account::Column::TokensValidAfter, Expr::value(cut_off))
            .filter(user_account::Column::Id.eq(user.id))
            .exec(&txn)
            .await?;
        let entry = AuditEntry {
            action: "user.logout",
            entity: "user_account",
            entity_id: Some(public_id(NodeType::User, user.id)),
            before: None,
            after: Some(json!({ "tokensValidAfter": cut_off })),
        };
        audit(&txn, actor, entry).await?;
    } else {
        let token = token.ok_or(AppError::Unauthenticated(Reason::InvalidToken))?;
        revoke_row(&txn, token, actor, "logout").await?;
    }
    txn.commit().await?;
    state.sessions.forget(&actor.viewer.subject);
    Ok(())
}

/// Writes `changed` over `before` if the account is still at `before.version` (`CONFLICT` if not).
async fn save_account<C: ConnectionTrait>(
    db: &C,
    before: &user_account::Model,
    changed: user_account::Model,
) -> AppResult<user_account::Model> {
    let mut active = changed.clone().into_active_model().reset_all();
    active.id = sea_orm::ActiveValue::NotSet;
    let result = user_account::Entity::update_many()
        .set(active)
        .filter(user_account::Column::Id.eq(before.id))
        .filter(user_account::Column::Version.eq(before.version))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict(Reason::ChangedMeanwhile));
    }
    Ok(changed)
}
