//! Relay cursor connections: opaque cursors, a lazy `totalCount`, and the connection types.
//!
//! Cursors are opaque to clients, so the encoding can change without breaking the contract. The
//! top-level lists page by key ([`super::keyset`]); the nested connections, which a loader serves
//! for a whole page of parents at once, by position (`base64("cx1:<position>")`).

use std::{future::Future, pin::Pin, sync::Arc};

use async_graphql::{connection::PageInfo, InputObject};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use sea_orm::{
    sea_query::{Query, SimpleExpr},
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryResult, Select,
};

use crate::{
    config::Limits,
    error::{AppError, AppResult, Reason},
};

/// Paging arguments as the client sent them.
#[derive(Debug, Clone, Default)]
pub struct PageArgs {
    pub first: Option<i32>,
    pub after: Option<String>,
    pub last: Option<i32>,
    pub before: Option<String>,
}

/// Sort direction of an `orderBy` input.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum OrderDirection {
    /// Smallest first.
    #[default]
    Asc,
    /// Largest first.
    Desc,
}

impl From<OrderDirection> for sea_orm::Order {
    fn from(direction: OrderDirection) -> Self {
        match direction {
            OrderDirection::Asc => sea_orm::Order::Asc,
            OrderDirection::Desc => sea_orm::Order::Desc,
        }
    }
}

/// Forward paging for connections nested in another object.
#[derive(InputObject, Debug, Clone, Default)]
pub struct NestedPage {
    /// How many items (at most 100; default 20).
    pub first: Option<i32>,
    /// The cursor after which to start.
    pub after: Option<String>,
}

pub fn encode_cursor(position: u64) -> String {
    URL_SAFE_NO_PAD.encode(format!("cx1:{position}"))
}

/// The largest position a cursor may name: far beyond any table, and far from overflowing the
/// database's signed 64-bit `OFFSET` or our own arithmetic.
pub const MAX_CURSOR_POSITION: u64 = i32::MAX as u64;

/// Decodes a cursor; `field` names the argument in the error. A position out of range is
/// `BAD_USER_INPUT` like any other invalid cursor.
pub fn decode_cursor(cursor: &str, field: &str) -> AppResult<u64> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("cx1:").and_then(|n| n.parse::<u64>().ok()))
        .filter(|position| *position <= MAX_CURSOR_POSITION)
        .ok_or_else(|| AppError::bad_argument(field, Reason::InvalidCursor))
}

/// Checks a page size against the cap.
pub fn page_size(value: Option<i32>, field: &str, limits: &Limits) -> AppResult<Option<u64>> {
    match value {
        None => Ok(None),
        Some(n) if n < 0 => Err(AppError::bad_argument(field, Reason::Negative)),
        Some(n) if n as u64 > limits.max_page_size => {
            Err(AppError::bad_argument(field, Reason::NumberBetween { min: 0, max: limits.max_page_size as i64 }))
        }
        Some(n) => Ok(Some(n as u64)),
    }
}

/// The column a counted page's statement carries its total in.
pub(crate) const PAGE_TOTAL: &str = "page_total";

/// A row of a page read with its total (the rows its filter matches) in the same statement.
pub(crate) struct Counted<M> {
    pub row: M,
    total: i64,
}

impl<M> Counted<M> {
    pub fn total(&self) -> u64 {
        u64::try_from(self.total).unwrap_or(0)
    }
}

impl<M: FromQueryResult> FromQueryResult for Counted<M> {
    fn from_query_result(result: &QueryResult, prefix: &str) -> Result<Self, DbErr> {
        Ok(Self { row: M::from_query_result(result, prefix)?, total: result.try_get(prefix, PAGE_TOTAL)? })
    }
}

type CountFuture = Pin<Box<dyn Future<Output = AppResult<u64>> + Send>>;

/// A `totalCount` computed only when the client asks for it.
#[derive(Clone)]
pub struct TotalCount(Arc<dyn Fn() -> CountFuture + Send + Sync>);

impl TotalCount {
    pub fn known(count: u64) -> Self {
        Self(Arc::new(move || Box::pin(async move { Ok(count) })))
    }

    pub fn from_fn<F, Fut>(f: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = AppResult<u64>> + Send + 'static,
    {
        Self(Arc::new(move || Box::pin(f())))
    }

    /// `SELECT COUNT(*)` over the filtered query.
    pub fn of_select<E>(db: &DatabaseConnection, select: Select<E>) -> Self
    where
        E: EntityTrait,
        E::Model: FromQueryResult + Send + Sync,
    {
        let db = db.clone();
        Self::from_fn(move || {
            let (db, select) = (db.clone(), select.clone());
            async move { Ok(select.count(&db).await?) }
        })
    }

    /// `SELECT <total>`: a scalar sub-select that counts on its own.
    pub fn of_expr(db: &DatabaseConnection, total: SimpleExpr) -> Self {
        let db = db.clone();
        Self::from_fn(move || {
            let statement =
                db.get_database_backend().build(&Query::select().expr_as(total.clone(), PAGE_TOTAL).to_owned());
            let db = db.clone();
            async move {
                let row = db.query_one_raw(statement).await?;
                let total: i64 = match row {
                    Some(row) => row.try_get("", PAGE_TOTAL)?,
                    None => 0,
                };
                Ok(u64::try_from(total).unwrap_or(0))
            }
        })
    }

    pub async fn get(&self) -> AppResult<u64> {
        (self.0)().await
    }
}

/// One page of a connection, before it is wrapped in its GraphQL type.
pub struct Page<N> {
    pub edges: Vec<(String, N)>,
    pub page_info: PageInfo,
    pub total: TotalCount,
}

impl<N> Page<N> {
    /// Builds a page from rows at consecutive positions starting at `start`.
    pub fn from_rows(
        rows: Vec<N>,
        start: u64,
        has_previous_page: bool,
        has_next_page: bool,
        total: TotalCount,
    ) -> Self {
        let edges = rows.into_iter().enumerate().map(|(i, node)| (encode_cursor(start + i as u64), node)).collect();
        Self::from_edges(edges, has_previous_page, has_next_page, total)
    }

    /// Builds a page from rows with their cursors.
    pub fn from_edges(
        edges: Vec<(String, N)>,
        has_previous_page: bool,
        has_next_page: bool,
        total: TotalCount,
    ) -> Self {
        let page_info = PageInfo {
            has_previous_page,
            has_next_page,
            start_cursor: edges.first().map(|(c, _)| c.clone()),
            end_cursor: edges.last().map(|(c, _)| c.clone()),
        };
        Self { edges, page_info, total }
    }

    pub fn map<M>(self, f: impl Fn(N) -> M) -> Page<M> {
        Page {
            edges: self.edges.into_iter().map(|(c, n)| (c, f(n))).collect(),
            page_info: self.page_info,
            total: self.total,
        }
    }
}

/// Declares `<Name>Connection` and `<Name>Edge` GraphQL types for a node type.
macro_rules! connection_types {
    ($connection:ident, $edge:ident, $node:ty, $plural:literal) => {
        #[doc = concat!("A page of ", $plural, " (Relay cursor connection).")]
        pub struct $connection {
            edges: Vec<$edge>,
            page_info: async_graphql::connection::PageInfo,
            total: $crate::graphql::connection::TotalCount,
        }

        impl From<$crate::graphql::connection::Page<$node>> for $connection {
            fn from(page: $crate::graphql::connection::Page<$node>) -> Self {
                Self {
                    edges: page.edges.into_iter().map(|(cursor, node)| $edge { cursor, node }).collect(),
                    page_info: page.page_info,
                    total: page.total,
                }
            }
        }

        #[doc = concat!("A page of ", $plural, " (Relay cursor connection).")]
        #[async_graphql::Object]
        impl $connection {
            /// The items of this page, each with its cursor.
            async fn edges(&self) -> &[$edge] {
                &self.edges
            }

            /// The items of this page, without cursors.
            async fn nodes(&self) -> Vec<&$node> {
                self.edges.iter().map(|edge| &edge.node).collect()
            }

            /// Whether there are more items before or after this page, and the cursors to get them.
            async fn page_info(&self) -> &async_graphql::connection::PageInfo {
                &self.page_info
            }

            /// How many items match the filter in all pages (of those the viewer may see).
            async fn total_count(&self) -> crate::error::AppResult<i64> {
                Ok(self.total.get().await? as i64)
            }
        }

        #[doc = concat!("One of the ", $plural, " in a page, with its cursor.")]
        pub struct $edge {
            cursor: String,
            node: $node,
        }

        #[doc = concat!("One of the ", $plural, " in a page, with its cursor.")]
        #[async_graphql::Object]
        impl $edge {
            /// Opaque position of this item, for `after` / `before`.
            async fn cursor(&self) -> &str {
                &self.cursor
            }

            /// The item.
            async fn node(&self) -> &$node {
                &self.node
            }
        }
    };
}
pub(crate) use connection_types;
