//! `AuditEntry`: one line of the audit log.

use async_graphql::{Object, ID};
use entity::audit_log;

use crate::graphql::{
    connection::connection_types,
    ids::{global_id, NodeType},
    scalars::DateTime,
};

/// One thing that happened: who, in which role, did what to which object, and how it looked
/// before and after.
#[derive(Clone)]
pub struct AuditEntry(pub audit_log::Model);

/// One thing that happened: who, in which role, did what to which object, and how it looked
/// before and after.
#[Object(visible = "crate::graphql::visibility::read_audit_log")]
impl AuditEntry {
    /// The entry's id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::AuditEntry, self.0.id)
    }

    /// The token's subject: `user:<id>` or `token:<id>`.
    async fn actor(&self) -> &str {
        &self.0.actor
    }

    /// The actor's role then.
    async fn role(&self) -> &str {
        &self.0.role
    }

    /// What was done, e.g. `credit_record.update`.
    async fn action(&self) -> &str {
        &self.0.action
    }

    /// The kind of object.
    async fn entity(&self) -> &str {
        &self.0.entity
    }

    /// The object's API id.
    async fn entity_id(&self) -> Option<&str> {
        self.0.entity_id.as_deref()
    }

    /// The object before, as JSON text.
    async fn before(&self) -> Option<&str> {
        self.0.before.as_deref()
    }

    /// The object after (or what was done), as JSON text.
    async fn after(&self) -> Option<&str> {
        self.0.after.as_deref()
    }

    /// The request that did it: the server's own id (also in its logs and the `x-request-id`
    /// reply header).
    async fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    /// The `X-Request-Id` the client sent, if it was well-formed (≤ 64 of `[A-Za-z0-9._-]`).
    /// Untrusted: the client chose it; use it to match the client's own logs, never as proof.
    async fn client_request_id(&self) -> Option<&str> {
        self.0.client_request_id.as_deref()
    }

    /// When.
    async fn at(&self) -> DateTime {
        DateTime(self.0.at)
    }
}

connection_types!(AuditEntryConnection, AuditEntryEdge, AuditEntry, "audit log entries");
