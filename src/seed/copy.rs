//! PostgreSQL's bulk path for the seed: each model as a line of COPY's text format, streamed to
//! the server in megabyte chunks (`COPY … FROM STDIN`), which loads rows several times faster than
//! multi-row `INSERT`s and never builds a statement with thousands of parameters.

use std::io::Write as _;

use sea_orm::{sqlx::PgConnection, DbErr, EntityTrait, IdenStatic, Iterable, ModelTrait, Value};

use crate::progress::Progress;

/// How much COPY text is sent at a time.
const CHUNK_BYTES: usize = 1 << 20;

/// Loads `models` into their table with one COPY on `connection` (inside the caller's
/// transaction), showing the table's progress.
pub async fn copy_models<E>(connection: &mut PgConnection, models: Vec<E::Model>) -> Result<usize, DbErr>
where
    E: EntityTrait,
{
    let total = models.len();
    if total == 0 {
        return Ok(0);
    }
    let columns: Vec<E::Column> = E::Column::iter().collect();
    let names: Vec<String> = columns.iter().map(|c| format!("\"{}\"", c.as_str())).collect();
    let table = E::default().table_name();
    let statement = format!("COPY \"{table}\" ({}) FROM STDIN", names.join(", "));
    let mut copy = connection.copy_in_raw(&statement).await.map_err(sqlx_error)?;
    let mut progress = Progress::start("seed", table, total as u64, "rows", 1_000);
    let mut buffer = Vec::with_capacity(CHUNK_BYTES + 4_096);
    let mut since_sent = 0;
    for model in models {
        for (n, column) in columns.iter().enumerate() {
            if n > 0 {
                buffer.push(b'\t');
            }
            write_value(&mut buffer, &model.get(*column))?;
        }
        buffer.push(b'\n');
        since_sent += 1;
        if buffer.len() >= CHUNK_BYTES {
            copy.send(std::mem::take(&mut buffer)).await.map_err(sqlx_error)?;
            buffer.reserve(CHUNK_BYTES + 4_096);
            progress.advance(since_sent);
            since_sent = 0;
        }
    }
    copy.send(buffer).await.map_err(sqlx_error)?;
    copy.finish().await.map_err(sqlx_error)?;
    progress.advance(since_sent);
    progress.finish();
    Ok(total)
}

/// Runs one statement on the connection.
pub async fn execute(connection: &mut PgConnection, sql: &str) -> Result<(), DbErr> {
    use sea_orm::sqlx::{raw_sql, AssertSqlSafe};
    raw_sql(AssertSqlSafe(sql.to_owned())).execute(connection).await.map(|_| ()).map_err(sqlx_error)
}

pub fn sqlx_error(error: sea_orm::sqlx::Error) -> DbErr {
    DbErr::Exec(sea_orm::RuntimeErr::SqlxError(std::sync::Arc::new(error)))
}

/// One field in COPY's text format: `\N` for NULL, text with backslash, tab and line breaks
/// escaped, the rest as PostgreSQL reads it back.
fn write_value(out: &mut Vec<u8>, value: &Value) -> Result<(), DbErr> {
    use sea_orm::sea_query::OptionEnum;
    match value {
        Value::Bool(Some(b)) => out.push(if *b { b't' } else { b'f' }),
        Value::TinyInt(Some(n)) => push_display(out, n),
        Value::SmallInt(Some(n)) => push_display(out, n),
        Value::Int(Some(n)) => push_display(out, n),
        Value::BigInt(Some(n)) => push_display(out, n),
        Value::Double(Some(n)) => push_display(out, n),
        Value::Float(Some(n)) => push_display(out, n),
        Value::Decimal(Some(n)) => push_display(out, n),
        Value::String(Some(text)) => push_escaped(out, text),
        Value::Enum(OptionEnum::Some(v)) => push_escaped(out, &v.value),
        Value::Json(Some(json)) => push_escaped(out, &json.to_string()),
        Value::ChronoDate(Some(day)) => push_display(out, day.format("%Y-%m-%d")),
        Value::ChronoDateTimeUtc(Some(at)) => push_display(out, at.format("%Y-%m-%d %H:%M:%S%.6f+00")),
        Value::ChronoDateTime(Some(at)) => push_display(out, at.format("%Y-%m-%d %H:%M:%S%.6f")),
        Value::Bool(None)
        | Value::TinyInt(None)
        | Value::SmallInt(None)
        | Value::Int(None)
        | Value::BigInt(None)
        | Value::Double(None)
        | Value::Float(None)
        | Value::Decimal(None)
        | Value::String(None)
        | Value::Enum(OptionEnum::None(_))
        | Value::Json(None)
        | Value::ChronoDate(None)
        | Value::ChronoDateTimeUtc(None)
        | Value::ChronoDateTime(None) => out.extend_from_slice(b"\\N"),
        other => return Err(DbErr::Custom(format!("seed: COPY cannot write {other:?}"))),
    }
    Ok(())
}

fn push_display(out: &mut Vec<u8>, value: impl std::fmt::Display) {
    let _ = write!(out, "{value}");
}

fn push_escaped(out: &mut Vec<u8>, text: &str) {
    for byte in text.bytes() {
        match byte {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;

    fn text(value: Value) -> String {
        let mut out = Vec::new();
        write_value(&mut out, &value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_written_as_copy_text_reads_them_back() {
        assert_eq!(text(Value::String(Some("德化\t县\\政务\n诚信\r".into()))), "德化\\t县\\\\政务\\n诚信\\r");
        assert_eq!(text(Value::String(None)), "\\N");
        assert_eq!(text(Value::Int(Some(-42))), "-42");
        assert_eq!(text(Value::BigInt(None)), "\\N");
        assert_eq!(text(Value::Bool(Some(true))), "t");
        assert_eq!(text(Value::ChronoDate(Some(NaiveDate::from_ymd_opt(2019, 6, 14).unwrap()))), "2019-06-14");
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 8, 30, 5).unwrap();
        assert_eq!(text(Value::ChronoDateTimeUtc(Some(at))), "2026-12-01 08:30:05.000000+00");
        assert_eq!(text(Value::Json(Some(Box::new(serde_json::json!({"a": "b\tc"}))))), "{\"a\":\"b\\\\tc\"}");
    }
}
