//! Delivers the `platform_push` outbox to the municipal credit platform: JSON bodies signed with
//! HMAC-SHA256, an idempotency key of record id + version, retries with exponential backoff up to
//! a cap. The outbox is the database, so delivery survives restarts; a row is claimed by a
//! compare-and-set on its attempt count and lease, so several server processes never send one
//! row at the same time, and a sent row is never sent again.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use entity::{
    credit_record,
    enums::PushStatus,
    platform_push::{self, Column},
};
use hmac::{Hmac, Mac};
use sea_orm::{
    sea_query::Expr, ActiveEnum, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use sha2::Sha256;

use crate::{config::Secret, error::AppResult};

pub use crate::config::PlatformConfig;

/// `sha256=<hex>` of the body under the secret: the `X-Chengxin-Signature` header.
pub fn signature(secret: &Secret, body: &[u8]) -> Result<String, String> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.expose().as_bytes()).map_err(|e| e.to_string())?;
    mac.update(body);
    Ok(format!("sha256={}", hex::encode(mac.finalize().into_bytes())))
}

/// The wait after the `attempts`-th failed attempt: the base, doubled each time, up to the cap.
pub fn backoff(config: &PlatformConfig, attempts: i32) -> Duration {
    let doublings = (attempts - 1).clamp(0, 20) as u32;
    (config.base_backoff * 2i32.pow(doublings)).min(config.max_backoff)
}

/// What one round did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RoundReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// Claims due rows one by one and delivers them. Returns what happened.
pub async fn deliver_due(
    db: &DatabaseConnection,
    http: &reqwest::Client,
    config: &PlatformConfig,
    now: DateTime<Utc>,
) -> AppResult<RoundReport> {
    let mut report = RoundReport::default();
    let Some(url) = config.url.as_deref() else { return Ok(report) };
    let due = platform_push::Entity::find()
        .filter(Column::Status.eq(PushStatus::Pending))
        .filter(Column::NextAttemptAt.lte(now))
        .filter(Condition::any().add(Column::LeaseUntil.is_null()).add(Column::LeaseUntil.lt(now)))
        .order_by_asc(Column::Id)
        .limit(config.batch)
        .all(db)
        .await?;
    for row in due {
        let Some(claimed) = claim(db, &row, config, now).await? else { continue };
        match send(http, url, config, &claimed).await {
            Ok(()) => {
                finish(db, &claimed, PushStatus::Sent, None, now, now).await?;
                credit_record::Entity::update_many()
                    .col_expr(credit_record::Column::PushedAt, Expr::value(now))
                    .filter(credit_record::Column::Id.eq(claimed.record_id))
                    .filter(credit_record::Column::Version.eq(claimed.record_version))
                    .exec(db)
                    .await?;
                report.sent += 1;
            }
            Err(error) if claimed.attempts >= config.max_attempts => {
                finish(db, &claimed, PushStatus::Failed, Some(error), now, now).await?;
                report.failed += 1;
            }
            Err(error) => {
                let next = now + backoff(config, claimed.attempts);
                finish(db, &claimed, PushStatus::Pending, Some(error), next, now).await?;
                report.retried += 1;
            }
        }
    }
    Ok(report)
}

/// Takes the row if nobody else did: the UPDATE matches only the attempt count and free lease we
/// saw, so of several processes exactly one gets `rows_affected == 1`.
async fn claim(
    db: &DatabaseConnection,
    row: &platform_push::Model,
    config: &PlatformConfig,
    now: DateTime<Utc>,
) -> AppResult<Option<platform_push::Model>> {
    let result = platform_push::Entity::update_many()
        .col_expr(Column::Attempts, Expr::value(row.attempts + 1))
        .col_expr(Column::LeaseUntil, Expr::value(Some(now + config.lease)))
        .filter(Column::Id.eq(row.id))
        .filter(Column::Status.eq(PushStatus::Pending))
        .filter(Column::Attempts.eq(row.attempts))
        .filter(Condition::any().add(Column::LeaseUntil.is_null()).add(Column::LeaseUntil.lt(now)))
        .exec(db)
        .await?;
    Ok((result.rows_affected == 1).then(|| platform_push::Model { attempts: row.attempts + 1, ..row.clone() }))
}

/// Records the outcome of our claim (only if the claim is still ours).
async fn finish(
    db: &DatabaseConnection,
    claimed: &platform_push::Model,
    status: PushStatus,
    error: Option<String>,
    next_attempt_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut update = platform_push::Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.to_value()))
        .col_expr(Column::LeaseUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::NextAttemptAt, Expr::value(next_attempt_at))
        .col_expr(Column::LastError, Expr::value(error.map(|e| e.chars().take(500).collect::<String>())));
    if status == PushStatus::Sent {
        update = update.col_expr(Column::SentAt, Expr::value(Some(now)));
    }
    update.filter(Column::Id.eq(claimed.id)).filter(Column::Attempts.eq(claimed.attempts)).exec(db).await?;
    Ok(())
}

async fn send(
    http: &reqwest::Client,
    url: &str,
    config: &PlatformConfig,
    row: &platform_push::Model,
) -> Result<(), String> {
    let body = row.payload.clone().into_bytes();
    let response = http
        .post(url)
        .header("content-type", "application/json")
        .header("x-chengxin-signature", signature(&config.secret, &body)?)
        .header("idempotency-key", format!("{}:{}", row.record_id, row.record_version))
        .body(body)
        .timeout(StdDuration::from_secs(15))
        .send()
        .await
        .map_err(|e| format!("request failed: {e}"))?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(format!("platform answered {}", response.status()))
    }
}

/// The worker: a round every `interval` until `stop` resolves.
pub async fn run_worker(
    db: DatabaseConnection,
    config: PlatformConfig,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
    stop: tokio::sync::watch::Receiver<bool>,
) {
    let http = reqwest::Client::new();
    let mut stop = stop;
    loop {
        match deliver_due(&db, &http, &config, clock.now()).await {
            Ok(report) if report != RoundReport::default() => tracing::info!(?report, "platform push round"),
            Ok(_) => {}
            Err(error) => tracing::error!(?error, "platform push round failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(config.interval) => {}
            _ = stop.changed() => break,
        }
    }
}

/// The queued (not yet sent) deliveries as JSON lines, oldest first — for handing over by other
/// means when no platform URL is configured (`chengxin export-pushes`).
pub async fn export_unsent(db: &DatabaseConnection) -> AppResult<Vec<String>> {
    let rows = platform_push::Entity::find()
        .filter(Column::Status.ne(PushStatus::Sent))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or(serde_json::Value::Null);
            serde_json::json!({
                "idempotencyKey": format!("{}:{}", row.record_id, row.record_version),
                "status": row.status,
                "attempts": row.attempts,
                "payload": payload,
            })
            .to_string()
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let config = PlatformConfig::default();
        assert_eq!(backoff(&config, 1), Duration::seconds(30));
        assert_eq!(backoff(&config, 2), Duration::seconds(60));
        assert_eq!(backoff(&config, 4), Duration::seconds(240));
        assert_eq!(backoff(&config, 12), Duration::hours(1));
    }

    #[test]
    fn signatures_are_hmac_sha256_hex() {
        // RFC 4231 test case 2.
        let secret = Secret::new("Jefe");
        let expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assert_eq!(signature(&secret, b"what do ya want for nothing?").unwrap(), expected);
    }
}
