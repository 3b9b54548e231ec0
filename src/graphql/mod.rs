//! The GraphQL API: schema, types, queries, mutations, loaders and paging.

pub mod access;
pub mod connection;
pub mod context;
pub mod dashboard;
pub mod errors;
pub mod ids;
pub mod keyset;
pub mod loaders;
pub mod mutation;
pub mod nested;
pub mod query;
pub mod role_sdl;
pub mod scalars;
pub mod schema;
pub mod shape_limits;
pub mod subscription;
pub mod types;
pub mod visibility;

pub use schema::{build_schema, build_socket_schema, sdl, shape_limits, AppSchema};
