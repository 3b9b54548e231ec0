//! Chengxin (诚信): the GraphQL API server of a county's government-integrity records.

// The merged query and mutation roots nest deeply in async-graphql's generated futures; the
// release build's layout computation needs more than the default 128 levels.
#![recursion_limit = "256"]

// The words of every error message, Chinese by default (see `error::Reason`).
rust_i18n::i18n!("locales", fallback = "zh-CN");

pub mod auth;
pub mod bench;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod graphql;
pub mod http;
pub mod ids;
pub mod jobs;
pub mod live;
pub mod metrics;
pub mod progress;
pub mod read_routing;
pub mod seed;
pub mod service;
pub mod soak;
pub mod startup;
pub mod state;
pub mod store;
