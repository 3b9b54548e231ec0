//! `createUser`, `updateUser`, `resetPassword` (administrator only).

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use entity::{unit, user_account};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde_json::json;

use crate::{
    auth::{
        password::hash_password_bounded,
        policy::{self, Operation},
        session_cache::cut_off_now,
    },
    domain::account_rules::{check_account_role, check_display_name, check_password, check_username},
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, global_id, NodeType},
        types::{enums::Role, User},
    },
    store::audit::{write_audit, AuditEntry},
    store::versioned::expect_version,
};

/// A new account.
#[derive(InputObject)]
pub struct CreateUserInput {
    /// Sign-in name: 3–64 characters of a-z, 0-9, '.', '_', '-'.
    pub username: String,
    /// Name shown in the interface.
    pub display_name: String,
    /// Initial password (12–256 characters).
    #[graphql(secret)]
    pub password: String,
    /// Role (not EVALUATOR: firms get API tokens).
    pub role: Role,
    /// The account's unit.
    pub unit_id: ID,
}

/// Changes to an account; omitted fields stay as they are. A changed role or unit, or
/// deactivation, ends the account's existing tokens for good (reactivation does not revive them).
#[derive(InputObject)]
pub struct UpdateUserInput {
    /// The account.
    pub id: ID,
    /// The version you read (`User.version`); a stale one is `CONFLICT` and nothing changes.
    pub version: i32,
    /// New display name.
    pub display_name: Option<String>,
    /// New role.
    pub role: Option<Role>,
    /// New unit.
    pub unit_id: Option<ID>,
    /// Deactivate (false) or reactivate (true).
    pub active: Option<bool>,
}

/// A new password for an account.
#[derive(InputObject)]
pub struct ResetPasswordInput {
    /// The account.
    pub id: ID,
    /// The new password (12–256 characters).
    #[graphql(secret)]
    pub password: String,
}

/// The account as saved.
#[derive(SimpleObject)]
pub struct UserPayload {
    /// The account.
    pub user: User,
}

async fn unit_row(ctx: &Context<'_>, id: &ID) -> AppResult<i32> {
    let row = expect_id(id, NodeType::Unit, "input.unitId")?;
    match unit::Entity::find_by_id(row).one(&ctx.state()?.db).await? {
        Some(_) => Ok(row),
        None => Err(AppError::bad_input("input.unitId", "no such unit")),
    }
}

async fn hash(password: String) -> AppResult<String> {
    hash_password_bounded(password).await
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
        return Err(AppError::Conflict("the user was changed by someone else; reload it".into()));
    }
    Ok(changed)
}

/// What the audit log keeps of an account (never the hash).
fn audited(user: &user_account::Model) -> serde_json::Value {
    json!({ "username": user.username, "displayName": user.display_name, "role": user.role, "unitId": user.unit_id, "active": user.active })
}

#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    /// Creates an account (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_users")]
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The account.")] input: CreateUserInput,
    ) -> Result<UserPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ManageUsers)?;
        check_username(&input.username)?;
        check_display_name(&input.display_name)?;
        check_password(&input.password, "input.password")?;
        check_account_role(input.role.into())?;
        let unit_id = unit_row(ctx, &input.unit_id).await?;
        let taken = user_account::Entity::find()
            .filter(user_account::Column::Username.eq(input.username.as_str()))
            .count(&state.db);
        if taken.await.map_err(AppError::from)? > 0 {
            return Err(AppError::bad_input("input.username", "already taken").into());
        }
        let password_hash = hash(input.password).await?;
        let now = state.clock.now();
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let user = user_account::ActiveModel {
            username: Set(input.username),
            display_name: Set(input.display_name.trim().to_owned()),
            password_hash: Set(password_hash),
            role: Set(input.role.into()),
            unit_id: Set(Some(unit_id)),
            active: Set(true),
            tokens_valid_after: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(AppError::from)?;
        let entry = AuditEntry {
            action: "user.create",
            entity: "user_account",
            entity_id: Some(global_id(NodeType::User, user.id).0),
            before: None,
            after: Some(audited(&user)),
        };
        write_audit(&txn, viewer, ctx.trace(), now, entry).await.map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(UserPayload { user: User(user) })
    }

    /// Changes an account's name, role, unit or active flag (administrator only; not your own
    /// role or active flag).
    #[graphql(visible = "crate::graphql::visibility::manage_users")]
    async fn update_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The changes.")] input: UpdateUserInput,
    ) -> Result<UserPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ManageUsers)?;
        let id = expect_id(&input.id, NodeType::User, "input.id")?;
        let before = user_account::Entity::find_by_id(id).one(&state.db).await.map_err(AppError::from)?;
        let before = before.ok_or_else(|| AppError::not_found("user"))?;
        if viewer.user_id == Some(id) && (input.role.is_some() || input.active == Some(false)) {
            return Err(
                AppError::bad_input("input.id", "you cannot change your own role or deactivate yourself").into()
            );
        }
        expect_version("user", before.version, input.version)?;
        let mut changed = before.clone();
        if let Some(name) = &input.display_name {
            check_display_name(name)?;
            changed.display_name = name.trim().to_owned();
        }
        if let Some(role) = input.role {
            check_account_role(role.into())?;
            changed.role = role.into();
        }
        if let Some(unit) = &input.unit_id {
            changed.unit_id = Some(unit_row(ctx, unit).await?);
        }
        if let Some(active) = input.active {
            changed.active = active;
        }
        let ends_tokens = changed.role != before.role || changed.unit_id != before.unit_id || !changed.active;
        if ends_tokens {
            changed.tokens_valid_after = Some(cut_off_now(before.tokens_valid_after));
        }
        let now = state.clock.now();
        changed.updated_at = now;
        changed.version = before.version + 1;
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let user = save_account(&txn, &before, changed).await?;
        let entry = AuditEntry {
            action: "user.update",
            entity: "user_account",
            entity_id: Some(global_id(NodeType::User, id).0),
            before: Some(audited(&before)),
            after: Some(audited(&user)),
        };
        write_audit(&txn, viewer, ctx.trace(), now, entry).await.map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        state.sessions.forget(&format!("user:{id}"));
        Ok(UserPayload { user: User(user) })
    }

    /// Sets a new password for an account (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_users")]
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The account and its new password.")] input: ResetPasswordInput,
    ) -> Result<UserPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ManageUsers)?;
        let id = expect_id(&input.id, NodeType::User, "input.id")?;
        check_password(&input.password, "input.password")?;
        let before = user_account::Entity::find_by_id(id).one(&state.db).await.map_err(AppError::from)?;
        let before = before.ok_or_else(|| AppError::not_found("user"))?;
        let password_hash = hash(input.password).await?;
        let now = state.clock.now();
        let changed = user_account::Model {
            password_hash,
            tokens_valid_after: Some(cut_off_now(before.tokens_valid_after)),
            version: before.version + 1,
            updated_at: now,
            ..before.clone()
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let user = save_account(&txn, &before, changed).await?;
        let entry = AuditEntry {
            action: "user.reset_password",
            entity: "user_account",
            entity_id: Some(global_id(NodeType::User, id).0),
            before: None,
            after: None,
        };
        write_audit(&txn, viewer, ctx.trace(), now, entry).await.map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        state.sessions.forget(&format!("user:{id}"));
        Ok(UserPayload { user: User(user) })
    }
}
