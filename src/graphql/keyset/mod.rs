//! Keyset paging for the top-level lists: a cursor names the sort key and id of its row, and the
//! next page is the rows after that key (`(key, id) > (k, i)`), not an `OFFSET`. Page 1,000 costs
//! what page 1 costs (an index walk from the key), and rows inserted before a cursor never shift
//! the pages after it.
//!
//! Cursors stay opaque (`base64("cx2:" + JSON)`). Each carries its order's signature (sort field
//! and direction): a cursor from another order, a forged key of the wrong type, or an old offset
//! cursor is `BAD_USER_INPUT` on the argument that carried it. Rows whose sort field is empty sort
//! last in either direction.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait, NullOrdering, SimpleExpr},
    ColumnTrait, ColumnType, EntityTrait, FromQueryResult, IdenStatic, ModelTrait, Order, QueryOrder, Select, Value,
};
use serde::{Deserialize, Serialize};

mod paginate;

pub use paginate::{paginate, paginate_counted_by, summed_total};

use super::connection::{OrderDirection, Page, TotalCount};
use crate::error::{AppError, AppResult, Reason};

/// One sort-key value as a cursor carries it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
enum KeyValue {
    Int(i64),
    Text(String),
    Date(NaiveDate),
    Stamp(DateTime<Utc>),
    Null,
}

impl KeyValue {
    /// The value of a model's column; `None` for a type no list sorts by.
    fn of(value: Value) -> Option<Self> {
        Some(match value {
            Value::TinyInt(v) => v.map_or(Self::Null, |v| Self::Int(v.into())),
            Value::SmallInt(v) => v.map_or(Self::Null, |v| Self::Int(v.into())),
            Value::Int(v) => v.map_or(Self::Null, |v| Self::Int(v.into())),
            Value::BigInt(v) => v.map_or(Self::Null, Self::Int),
            Value::String(v) => v.map_or(Self::Null, Self::Text),
            Value::ChronoDate(v) => v.map_or(Self::Null, Self::Date),
            Value::ChronoDateTimeUtc(v) => v.map_or(Self::Null, Self::Stamp),
            _ => return None,
        })
    }

    /// Whether a cursor's value can stand for a column of this type (a forged cursor must not reach
    /// the database as a comparison of mismatched types).
    fn fits(&self, column: &ColumnType, nullable: bool) -> bool {
        match self {
            Self::Int(_) => matches!(
                column,
                ColumnType::TinyInteger | ColumnType::SmallInteger | ColumnType::Integer | ColumnType::BigInteger
            ),
            Self::Text(_) => matches!(column, ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_)),
            Self::Date(_) => matches!(column, ColumnType::Date),
            Self::Stamp(_) => matches!(column, ColumnType::TimestampWithTimeZone | ColumnType::Timestamp),
            Self::Null => nullable,
        }
    }

    fn expr(&self) -> SimpleExpr {
        match self.clone() {
            Self::Int(v) => Expr::val(v),
            Self::Text(v) => Expr::val(v),
            Self::Date(v) => Expr::val(v),
            Self::Stamp(v) => Expr::val(v),
            Self::Null => Expr::val(Option::<i64>::None),
        }
    }
}

/// What a cursor holds.
#[derive(Serialize, Deserialize)]
struct Cursor {
    /// The order it was made for.
    #[serde(rename = "o")]
    order: String,
    #[serde(rename = "k")]
    key: KeyValue,
    #[serde(rename = "i")]
    id: i64,
}

/// How a list is sorted: by one field (or none), then by id, both in one direction.
pub struct SortKey<E: EntityTrait> {
    column: Option<E::Column>,
    /// A text column sorted by the position of its value in this list (severity), not by text.
    ranks: &'static [&'static str],
    id: E::Column,
    direction: OrderDirection,
}

impl<E: EntityTrait> SortKey<E>
where
    E::Model: FromQueryResult + Send + Sync,
{
    /// By `column`, then by `id`.
    pub fn by(column: E::Column, id: E::Column, direction: OrderDirection) -> Self {
        let column = (column.as_str() != id.as_str()).then_some(column);
        Self { column, ranks: &[], id, direction }
    }

    /// By id alone.
    pub fn by_id(id: E::Column, direction: OrderDirection) -> Self {
        Self { column: None, ranks: &[], id, direction }
    }

    /// By the rank of `column`'s value in `ranks` (first is lowest), then by `id`.
    pub fn by_rank(
        column: E::Column,
        ranks: &'static [&'static str],
        id: E::Column,
        direction: OrderDirection,
    ) -> Self {
        Self { column: Some(column), ranks, id, direction }
    }

    fn signature(&self) -> String {
        let direction = match self.direction {
            OrderDirection::Asc => "asc",
            OrderDirection::Desc => "desc",
        };
        format!("{}:{direction}", self.column.map_or("id", |c| c.as_str()))
    }

    /// Whether the sort field may be empty (then empty rows sort last, `NULLS LAST`).
    fn nullable(&self) -> bool {
        self.ranks.is_empty() && self.column.is_some_and(|c| c.def().is_null())
    }

    fn key_expr(&self, column: E::Column) -> SimpleExpr {
        match self.ranks.split_first() {
            None => Expr::col(column.as_column_ref()),
            Some((first, rest)) => {
                let mut case = Expr::case(Expr::col(column.as_column_ref()).eq(*first), 1);
                for (rank, name) in rest.iter().enumerate() {
                    case = case.case(Expr::col(column.as_column_ref()).eq(*name), rank as i64 + 2);
                }
                case.finally(0).into()
            }
        }
    }

    fn id_expr(&self) -> SimpleExpr {
        Expr::col(self.id.as_column_ref())
    }

    fn key_of(&self, row: &E::Model) -> KeyValue {
        let Some(column) = self.column else { return KeyValue::Null };
        let value = KeyValue::of(row.get(column)).unwrap_or(KeyValue::Null);
        match (&value, self.ranks.is_empty()) {
            (KeyValue::Text(text), false) => {
                KeyValue::Int(self.ranks.iter().position(|r| r == text).map_or(0, |p| p as i64 + 1))
            }
            _ => value,
        }
    }

    fn cursor(&self, row: &E::Model) -> String {
        let id = match KeyValue::of(row.get(self.id)) {
            Some(KeyValue::Int(id)) => id,
            _ => 0,
        };
        let cursor = Cursor { order: self.signature(), key: self.key_of(row), id };
        let json = serde_json::to_string(&cursor).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(format!("cx2:{json}"))
    }

    fn decode(&self, cursor: &str, field: &str) -> AppResult<Cursor> {
        let invalid = || AppError::bad_argument(field, Reason::InvalidCursor);
        let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
        let text = std::str::from_utf8(&bytes).map_err(|_| invalid())?;
        let json = text.strip_prefix("cx2:").ok_or_else(invalid)?;
        let cursor: Cursor = serde_json::from_str(json).map_err(|_| invalid())?;
        if cursor.order != self.signature() {
            return Err(AppError::bad_argument(field, Reason::CursorOfAnotherOrder));
        }
        let fits = match self.column {
            None => cursor.key == KeyValue::Null,
            Some(_) if !self.ranks.is_empty() => matches!(cursor.key, KeyValue::Int(_)),
            Some(column) => cursor.key.fits(column.def().get_column_type(), self.nullable()),
        };
        if fits {
            Ok(cursor)
        } else {
            Err(invalid())
        }
    }

    /// Rows after `cursor` in the list's order (`later`), or before it.
    fn beyond(&self, cursor: &Cursor, later: bool) -> SimpleExpr {
        let ascending = (self.direction == OrderDirection::Asc) == later;
        let compare = |left: SimpleExpr, right: SimpleExpr| if ascending { left.gt(right) } else { left.lt(right) };
        let id = Expr::val(cursor.id);
        let Some(column) = self.column else { return compare(self.id_expr(), id) };
        let key = self.key_expr(column);
        let pair = |key: SimpleExpr| Expr::tuple([key, self.id_expr()]);
        match (&cursor.key, later) {
            // Empty keys sort last: after an empty key come only empty keys with a later id; before
            // it, every filled key and the empty ones with an earlier id.
            (KeyValue::Null, true) => key.is_null().and(compare(self.id_expr(), id)),
            (KeyValue::Null, false) => key.is_not_null().or(compare(self.id_expr(), id)),
            (value, _) => {
                let beyond = compare(pair(key.clone()), Expr::tuple([value.expr(), id]));
                if later && self.nullable() {
                    beyond.or(key.is_null())
                } else {
                    beyond
                }
            }
        }
    }

    /// Sorts in the list's order, or reversed (to page backwards).
    fn order(&self, mut select: Select<E>, reversed: bool) -> Select<E> {
        let ascending = (self.direction == OrderDirection::Asc) != reversed;
        let order = || if ascending { Order::Asc } else { Order::Desc };
        if let Some(column) = self.column {
            let key = self.key_expr(column);
            select = if self.nullable() {
                let nulls = if reversed { NullOrdering::First } else { NullOrdering::Last };
                select.order_by_with_nulls(key, order(), nulls)
            } else {
                select.order_by(key, order())
            };
        }
        select.order_by(self.id_expr(), order())
    }

    fn page(
        &self,
        rows: Vec<E::Model>,
        has_previous_page: bool,
        has_next_page: bool,
        total: TotalCount,
    ) -> Page<E::Model> {
        let edges = rows.into_iter().map(|row| (self.cursor(&row), row)).collect();
        Page::from_edges(edges, has_previous_page, has_next_page, total)
    }
}
