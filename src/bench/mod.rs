//! The bench harness: a freshly seeded database at a scale, the real server, N concurrent HTTP
//! clients per operation for T seconds; prints requests/s, p50, p99 and SQL statements per request.

pub mod operations;
pub(crate) mod run;

pub use run::{run_bench, BenchOptions};
