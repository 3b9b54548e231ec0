//! Nested pages: a page of children for each of many parents in one statement, among the rows
//! the viewer may see.

use std::{collections::HashMap, marker::PhantomData};

use async_graphql::dataloader::Loader;
use sea_orm::{
    sea_query::{Alias, Asterisk, Expr, ExprTrait, JoinType, Query},
    ColumnTrait, Condition, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};

use super::child_table::ChildTable;
use crate::{
    error::AppError,
    graphql::connection::{Counted, PAGE_TOTAL},
};

/// One parent's page: rows after position `offset`, at most `limit` (one more is fetched to
/// tell whether there is a next page), and with `counted` the parent's visible children counted
/// in the same statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageKey {
    pub parent: i32,
    pub offset: u64,
    pub limit: u64,
    pub counted: bool,
}

/// One parent's page of children, and how many it has in all when the key asked and the
/// statement could tell (a parent with no row on the page was counted only when the page is its
/// first).
#[derive(Debug, Clone)]
pub struct ChildPage<M> {
    pub rows: Vec<M>,
    pub total: Option<u64>,
}

/// Loads nested pages of `C`; `visible` is the policy's condition for the viewer (or why the
/// viewer may not list these rows at all).
pub struct ChildPages<C> {
    db: DatabaseConnection,
    visible: Result<Condition, AppError>,
    _table: PhantomData<fn() -> C>,
}

impl<C: ChildTable> ChildPages<C> {
    pub fn new(db: &DatabaseConnection, visible: Result<Condition, AppError>) -> Self {
        Self { db: db.clone(), visible, _table: PhantomData }
    }

    /// One statement that reads, for each parent (`owner`), `limit + 1` rows of the child
    /// table's index on the parent column — so its cost follows the page size, not the parents'
    /// sizes: `CROSS JOIN LATERAL` on PostgreSQL, a correlated `IN (… LIMIT)` on SQLite (which has
    /// no LATERAL; PostgreSQL plans that form as a nested loop over every child). With `counted`
    /// it joins each parent's count of visible children (one `GROUP BY` over the parents).
    async fn load_window(
        &self,
        parents: &[i32],
        (offset, limit, counted): (u64, u64, bool),
    ) -> Result<Vec<Counted<<C::Table as EntityTrait>::Model>>, AppError> {
        let visible = self.visible.clone()?;
        let (owner, member) = (Alias::new("owner"), Alias::new("member"));
        let postgres = self.db.get_database_backend() == DbBackend::Postgres;
        let mut page = <C::Table as EntityTrait>::find()
            .filter(Expr::col((C::Table::default(), C::parent_column())).equals((owner.clone(), C::parent_id())))
            .filter(visible.clone());
        for (column, order) in C::order() {
            page = page.order_by(column, order);
        }
        let mut page = page.offset(offset).limit(limit + 1);
        let id_column = C::order().last().map(|(column, _)| *column);
        if !postgres {
            if let Some(id) = id_column {
                page = page.select_only().column(id);
            }
        }
        let page = page.into_query();
        let mut statement = Query::select();
        statement.column((member.clone(), Asterisk)).from_as(C::Parent::default(), owner.clone());
        if postgres {
            statement.join_lateral(JoinType::InnerJoin, page, member.clone(), Expr::cust("TRUE"));
        } else if let Some(id) = id_column {
            let in_page = Expr::col((member.clone(), id)).in_subquery(page);
            statement.join_as(JoinType::InnerJoin, C::Table::default(), member.clone(), in_page);
        }
        let totals = Alias::new("totals");
        if counted {
            let counts = <C::Table as EntityTrait>::find()
                .select_only()
                .column_as(C::parent_column(), "parent")
                .column_as(Expr::cust("COUNT(*)"), PAGE_TOTAL)
                .filter(C::parent_column().is_in(parents.iter().copied()))
                .filter(visible)
                .group_by(C::parent_column())
                .into_query();
            let on = Expr::col((totals.clone(), Alias::new("parent"))).equals((owner.clone(), C::parent_id()));
            statement.join_subquery(JoinType::InnerJoin, counts, totals.clone(), on);
            statement.column((totals, Alias::new(PAGE_TOTAL)));
        } else {
            statement.expr_as(Expr::val(0i64), Alias::new(PAGE_TOTAL));
        }
        statement
            .and_where(Expr::col((owner.clone(), C::parent_id())).is_in(parents.iter().copied()))
            .order_by((owner, C::parent_id()), sea_orm::Order::Asc);
        for (column, order) in C::order() {
            statement.order_by((member.clone(), column), order);
        }
        let statement = self.db.get_database_backend().build(&statement);
        let rows = <C::Table as EntityTrait>::find().from_raw_sql(statement).into_model::<Counted<_>>();
        Ok(rows.all(&self.db).await?)
    }
}

impl<C: ChildTable> Loader<PageKey> for ChildPages<C>
where
    <C::Table as EntityTrait>::Model: Send + Sync + Clone,
{
    type Value = ChildPage<<C::Table as EntityTrait>::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[PageKey]) -> Result<HashMap<PageKey, Self::Value>, Self::Error> {
        let mut windows: HashMap<(u64, u64, bool), Vec<i32>> = HashMap::new();
        for key in keys {
            windows.entry((key.offset, key.limit, key.counted)).or_default().push(key.parent);
        }
        // A parent missing from its statement's rows has none on the page: none at all if the page
        // is its first.
        let empty =
            |key: &PageKey| ChildPage { rows: Vec::new(), total: (key.counted && key.offset == 0).then_some(0) };
        let mut answer: HashMap<PageKey, Self::Value> = keys.iter().map(|k| (*k, empty(k))).collect();
        for ((offset, limit, counted), parents) in windows {
            for row in self.load_window(&parents, (offset, limit, counted)).await? {
                let Some(parent) = C::parent_of(&row.row) else { continue };
                if let Some(page) = answer.get_mut(&PageKey { parent, offset, limit, counted }) {
                    page.total = counted.then(|| row.total());
                    page.rows.push(row.row);
                }
            }
        }
        Ok(answer)
    }
}

/// Counts children per parent, among the rows the viewer may see, in one statement.
pub struct ChildCounts<C> {
    db: DatabaseConnection,
    visible: Result<Condition, AppError>,
    _table: PhantomData<fn() -> C>,
}

impl<C: ChildTable> ChildCounts<C> {
    pub fn new(db: &DatabaseConnection, visible: Result<Condition, AppError>) -> Self {
        Self { db: db.clone(), visible, _table: PhantomData }
    }
}

impl<C: ChildTable> Loader<i32> for ChildCounts<C> {
    type Value = u64;
    type Error = AppError;

    async fn load(&self, parents: &[i32]) -> Result<HashMap<i32, u64>, Self::Error> {
        let visible = self.visible.clone()?;
        let counts: Vec<(i32, i64)> = <C::Table as EntityTrait>::find()
            .select_only()
            .column(C::parent_column())
            .column_as(Expr::cust("COUNT(*)"), "count")
            .filter(C::parent_column().is_in(parents.iter().copied()))
            .filter(visible)
            .group_by(C::parent_column())
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut answer: HashMap<i32, u64> = parents.iter().map(|p| (*p, 0)).collect();
        answer.extend(counts.into_iter().map(|(parent, count)| (parent, Ord::max(count, 0) as u64)));
        Ok(answer)
    }
}
