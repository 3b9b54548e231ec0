//! Read replicas. With `DATABASE_READ_URL` set, a request that only reads (queries, exports) reads
//! the replica; writes go to the primary, and so do the reads of a viewer who wrote within the
//! last few seconds (a replica lags, and a writer expects to see its own write) and of a request
//! with the header `x-chengxin-read: primary`. Without a replica every read goes to the primary.

use std::{
    collections::HashMap,
    sync::{Mutex, PoisonError},
    time::{Duration, Instant},
};

use sea_orm::DatabaseConnection;

use crate::auth::Viewer;

/// The header by which a request asks to read the primary.
pub const READ_PRIMARY_HEADER: &str = "x-chengxin-read";

/// How many writers are remembered before those outside the window are forgotten.
const WRITERS_KEPT: usize = 1_024;

/// Who wrote, for read-your-writes: the token's subject, or an anonymous client's address.
pub fn writer_key(viewer: &Viewer, client_address: &str) -> String {
    if viewer.is_anonymous() {
        format!("anonymous:{client_address}")
    } else {
        viewer.subject.clone()
    }
}

/// The connection one request reads from, in its GraphQL context.
#[derive(Clone)]
pub struct Reader(pub DatabaseConnection);

/// The replica, and who wrote lately in this process.
pub struct ReadRouting {
    replica: Option<DatabaseConnection>,
    window: Duration,
    writers: Mutex<HashMap<String, Instant>>,
}

impl ReadRouting {
    /// Reads go to `replica` (if any) but for writers within `window` of their last write.
    pub fn new(replica: Option<DatabaseConnection>, window: Duration) -> Self {
        Self { replica, window, writers: Mutex::default() }
    }

    /// The replica's pool, when there is one.
    pub fn replica(&self) -> Option<&DatabaseConnection> {
        self.replica.as_ref()
    }

    /// Where a read-only request of `writer` (a viewer's key) reads.
    pub fn reader<'a>(&'a self, primary: &'a DatabaseConnection, writer: &str) -> &'a DatabaseConnection {
        match &self.replica {
            Some(replica) if !self.wrote_lately(writer) => replica,
            _ => primary,
        }
    }

    /// `writer` has written: its reads go to the primary for the window.
    pub fn note_write(&self, writer: &str) {
        if self.replica.is_none() {
            return;
        }
        let now = Instant::now();
        let mut writers = self.writers.lock().unwrap_or_else(PoisonError::into_inner);
        if writers.len() >= WRITERS_KEPT {
            writers.retain(|_, at| now.duration_since(*at) < self.window);
        }
        writers.insert(writer.to_owned(), now);
    }

    fn wrote_lately(&self, writer: &str) -> bool {
        let writers = self.writers.lock().unwrap_or_else(PoisonError::into_inner);
        writers.get(writer).is_some_and(|at| at.elapsed() < self.window)
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{Database, DatabaseConnection};

    use super::*;

    async fn sqlite() -> DatabaseConnection {
        Database::connect("sqlite::memory:").await.expect("connect")
    }

    fn is(a: &DatabaseConnection, b: &DatabaseConnection) -> bool {
        std::ptr::eq(a, b)
    }

    #[tokio::test]
    async fn writers_read_the_primary_for_the_window_and_others_the_replica() {
        let (primary, replica) = (sqlite().await, sqlite().await);
        let routing = ReadRouting::new(Some(replica), Duration::from_millis(200));
        assert!(!is(routing.reader(&primary, "user:1"), &primary), "a reader reads the replica");
        routing.note_write("user:1");
        assert!(is(routing.reader(&primary, "user:1"), &primary), "a writer reads the primary");
        assert!(!is(routing.reader(&primary, "user:2"), &primary), "others still read the replica");
        std::thread::sleep(Duration::from_millis(250));
        assert!(!is(routing.reader(&primary, "user:1"), &primary), "after the window, the replica again");
    }

    #[tokio::test]
    async fn without_a_replica_everything_reads_the_primary() {
        let primary = sqlite().await;
        let routing = ReadRouting::new(None, Duration::from_secs(5));
        assert!(is(routing.reader(&primary, "user:1"), &primary));
        routing.note_write("user:1");
        assert!(routing.writers.lock().map(|w| w.is_empty()).unwrap_or(false), "nothing to remember");
    }
}
