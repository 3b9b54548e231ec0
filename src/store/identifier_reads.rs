//! Unmasked reads of personal identifiers (身份证号, phones) are audited: resolvers note them as
//! they go, and the handler writes them all in one statement when the request is done.

use std::{collections::BTreeSet, sync::Mutex};

use chrono::{DateTime, Utc};
use entity::audit_log;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

use crate::{auth::Viewer, store::audit::RequestTrace};

/// The identifiers one request showed unmasked: (table, entity API id, field).
#[derive(Default)]
pub struct IdentifierReads(Mutex<BTreeSet<(&'static str, String, &'static str)>>);

impl IdentifierReads {
    /// Notes that `field` of the `entity` row with API id `entity_id` was shown whole.
    pub fn note(&self, entity: &'static str, entity_id: String, field: &'static str) {
        if let Ok(mut reads) = self.0.lock() {
            reads.insert((entity, entity_id, field));
        }
    }

    /// Writes one audit row per read (a single INSERT); nothing when nothing was read.
    pub async fn flush<C: ConnectionTrait>(
        &self,
        db: &C,
        viewer: &Viewer,
        trace: &RequestTrace,
        at: DateTime<Utc>,
    ) -> Result<(), DbErr> {
        let reads: Vec<(&'static str, String, &'static str)> = match self.0.lock() {
            Ok(mut reads) => std::mem::take(&mut *reads).into_iter().collect(),
            Err(_) => return Ok(()),
        };
        if reads.is_empty() {
            return Ok(());
        }
        let rows = reads.into_iter().map(|(entity, entity_id, field)| audit_log::ActiveModel {
            actor: Set(viewer.subject.clone()),
            actor_user_id: Set(viewer.user_id),
            role: Set(viewer.role_label().to_owned()),
            action: Set(format!("{entity}.read_identifier")),
            entity: Set(entity.into()),
            entity_id: Set(Some(entity_id)),
            before: Set(None),
            after: Set(Some(serde_json::json!({ "field": field }).to_string())),
            request_id: Set((!trace.id.is_empty()).then(|| trace.id.clone())),
            client_request_id: Set(trace.client_id.clone()),
            at: Set(at),
            ..Default::default()
        });
        audit_log::Entity::insert_many(rows).exec_without_returning(db).await?;
        Ok(())
    }
}
