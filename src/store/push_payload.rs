//! The documented format a record version is pushed to the municipal credit platform in
//! (`docs/push-format.schema.json`, format version 1): who the subject is, what was decided, by
//! whom and when, how it is disclosed and where it stands — never the database row, and never an
//! unmasked 身份证号.

use entity::{credit_record, enums::SubjectType, official, unit};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use serde_json::{json, Value};

use crate::{
    domain::masking::mask_id_number,
    ids::{public_id, NodeType},
};

/// The format's version; a receiver rejects versions it does not know.
pub const FORMAT_VERSION: i32 = 1;

/// The payload for `record` as it now is, reading its unit (and official) on `db`.
pub async fn push_payload<C: ConnectionTrait>(db: &C, record: &credit_record::Model) -> Result<Value, DbErr> {
    let unit = unit::Entity::find_by_id(record.unit_id).one(db).await?;
    let unit = unit.ok_or_else(|| DbErr::RecordNotFound(format!("unit {}", record.unit_id)))?;
    let division_code = division_code(db, &unit).await?;
    let subject = match (record.subject_type, record.official_id) {
        (SubjectType::Official, Some(id)) => {
            let official = official::Entity::find_by_id(id).one(db).await?;
            let official = official.ok_or_else(|| DbErr::RecordNotFound(format!("official {id}")))?;
            json!({
                "type": "OFFICIAL",
                "name": official.name,
                "idNumberMasked": mask_id_number(&official.id_number),
                "uscc": null,
                "unitName": unit.name,
                "unitUscc": unit.uscc,
                "divisionCode": division_code,
            })
        }
        _ => json!({
            "type": "UNIT",
            "name": unit.name,
            "idNumberMasked": null,
            "uscc": unit.uscc,
            "unitName": unit.name,
            "unitUscc": unit.uscc,
            "divisionCode": division_code,
        }),
    };
    Ok(json!({
        "formatVersion": FORMAT_VERSION,
        "idempotencyKey": format!("{}:{}", record.id, record.version),
        "recordId": public_id(NodeType::CreditRecord, record.id),
        "version": record.version,
        "subject": subject,
        "polarity": record.polarity,
        "category": record.category,
        "sector": record.sector,
        "severity": record.severity,
        "sanction": record.sanction,
        "title": record.title,
        "decision": {
            "documentNumber": record.document_number,
            "decidingAuthority": record.deciding_authority,
            "occurredOn": record.occurred_on,
            "decidedOn": record.decided_on,
        },
        "disclosure": {
            "level": record.disclosure,
            "until": record.disclosure_until,
            "liftedOn": record.portal_lifted_on,
        },
        "status": record.status,
        "updatedAt": record.updated_at,
    }))
}

/// The unit's 行政区划代码, or the nearest one above it (a county department carries the
/// county's).
async fn division_code<C: ConnectionTrait>(db: &C, unit: &unit::Model) -> Result<Option<String>, DbErr> {
    let mut current = unit.clone();
    for _ in 0..16 {
        if current.division_code.is_some() {
            return Ok(current.division_code);
        }
        let Some(parent) = current.parent_id else { return Ok(None) };
        match unit::Entity::find_by_id(parent).one(db).await? {
            Some(next) => current = next,
            None => return Ok(None),
        }
    }
    Ok(None)
}
