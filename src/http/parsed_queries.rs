//! Parsed query documents, kept by query text: dashboards and lists send the same few queries
//! again and again, and parsing one costs more than copying its document (a tenth of a small
//! page's time went to the parser). Only documents that parsed are kept; a query that does not
//! parse is parsed again each time and reports its error as before. The cache is bounded (least
//! recently used queries go first, long texts are not kept) and shared by all callers: a
//! document is the query's text taken apart, no secret, and every request still passes the
//! shape limits and the policy.

use std::{num::NonZeroUsize, sync::Mutex};

use async_graphql::{parser::types::ExecutableDocument, Request};
use lru::LruCache;

/// How many documents are kept.
const CAPACITY: usize = 1_000;
/// Longer query texts are parsed each time (a cache of a few documents this large would hold
/// megabytes).
const LONGEST_KEPT: usize = 16 * 1024;

/// Parsed documents, by their query text.
pub struct ParsedQueries(Mutex<LruCache<String, ExecutableDocument>>);

impl Default for ParsedQueries {
    fn default() -> Self {
        let capacity = NonZeroUsize::new(CAPACITY).unwrap_or(NonZeroUsize::MIN);
        Self(Mutex::new(LruCache::new(capacity)))
    }
}

impl ParsedQueries {
    /// Gives `request` its parsed document: a copy of the kept one, or parsed now and kept.
    pub fn parse(&self, request: &mut Request) {
        if request.query.len() > LONGEST_KEPT {
            return;
        }
        let Ok(mut cache) = self.0.lock() else { return };
        if let Some(document) = cache.get(&request.query) {
            request.set_parsed_query(document.clone());
            return;
        }
        drop(cache);
        let Ok(document) = request.parsed_query().cloned() else { return };
        if let Ok(mut cache) = self.0.lock() {
            cache.put(request.query.clone(), document);
        }
    }
}
