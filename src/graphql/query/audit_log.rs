//! `auditLog` (administrator only).

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object};
use entity::audit_log::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::policy::{self, Operation},
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        keyset::{paginate, SortKey},
        scalars::DateTime,
        types::{AuditEntry, AuditEntryConnection},
    },
};

/// Which entries to list.
#[derive(InputObject, Default)]
pub struct AuditLogFilter {
    /// Only this actor (`user:<id>` or `token:<id>`).
    pub actor: Option<String>,
    /// Only this action, e.g. `credit_record.update`.
    pub action: Option<String>,
    /// Only this kind of object, e.g. `credit_record`.
    pub entity: Option<String>,
    /// Only this object (its API id).
    pub entity_id: Option<String>,
    /// At or after this instant.
    pub from: Option<DateTime>,
    /// Before this instant.
    pub to: Option<DateTime>,
}

#[derive(Default)]
pub struct AuditLogQuery;

#[Object]
impl AuditLogQuery {
    /// The audit log, newest first (administrator only). Nothing in the API edits or deletes it.
    #[graphql(visible = "crate::graphql::visibility::read_audit_log")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which entries.")] filter: Option<AuditLogFilter>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<AuditEntryConnection> {
        policy::may(ctx.viewer()?, Operation::ReadAuditLog)?;
        let filter = filter.unwrap_or_default();
        let mut select = audit_log::Entity::find();
        if let Some(actor) = filter.actor {
            select = select.filter(Column::Actor.eq(actor));
        }
        if let Some(action) = filter.action {
            select = select.filter(Column::Action.eq(action));
        }
        if let Some(entity) = filter.entity {
            select = select.filter(Column::Entity.eq(entity));
        }
        if let Some(id) = filter.entity_id {
            select = select.filter(Column::EntityId.eq(id));
        }
        if let Some(from) = filter.from {
            select = select.filter(Column::At.gte(from.0));
        }
        if let Some(to) = filter.to {
            select = select.filter(Column::At.lt(to.0));
        }
        let key = SortKey::by(Column::At, Column::Id, OrderDirection::Desc);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(AuditEntry).into())
    }
}
