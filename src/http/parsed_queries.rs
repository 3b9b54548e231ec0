//! Parsed query documents, kept by query text: dashboards and lists send the same few queries
//! again and again, and parsing one costs more than copying its document (the parser was 7 % of
//! a one-statement request's CPU). Only documents that parsed are kept; a query that does not
//! parse is parsed again each time and reports its error as before. Every request still passes
//! the shape limits, validation and the policy.
//!
//! The cache is shared by all callers, the public too (a document is the query's text taken
//! apart, no secret), so what it may hold is bounded: a few hundred documents, each of a short
//! text with few selections (an unused fragment counts too), or a caller could fill memory with
//! documents many times larger than their texts. The least recently used go first.

use std::{num::NonZeroUsize, sync::Mutex};

use async_graphql::{
    parser::types::{ExecutableDocument, Selection, SelectionSet},
    Request,
};
use lru::LruCache;

/// How many documents are kept.
const CAPACITY: usize = 256;
/// Longer query texts are parsed each time.
const LONGEST_KEPT: usize = 8 * 1024;
/// Documents with more selections (fields, fragment spreads and inline fragments, in all their
/// operations and fragments) are parsed each time.
const MOST_SELECTIONS_KEPT: usize = 500;

/// Parsed documents, by their query text.
pub struct ParsedQueries(Mutex<LruCache<String, ExecutableDocument>>);

impl Default for ParsedQueries {
    fn default() -> Self {
        let capacity = NonZeroUsize::new(CAPACITY).unwrap_or(NonZeroUsize::MIN);
        Self(Mutex::new(LruCache::new(capacity)))
    }
}

impl ParsedQueries {
    /// Gives `request` its parsed document: a copy of the kept one, or parsed now (and kept, if
    /// small enough).
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
        let Ok(document) = request.parsed_query() else { return };
        if selections(document) > MOST_SELECTIONS_KEPT {
            return;
        }
        let document = document.clone();
        if let Ok(mut cache) = self.0.lock() {
            cache.put(request.query.clone(), document);
        }
    }
}

/// How many selections the document writes out (fragments counted once, where defined).
fn selections(document: &ExecutableDocument) -> usize {
    let operations = document.operations.iter().map(|(_, operation)| &operation.node.selection_set.node);
    let fragments = document.fragments.values().map(|fragment| &fragment.node.selection_set.node);
    let mut sets: Vec<&SelectionSet> = operations.chain(fragments).collect();
    let mut total = 0;
    while let Some(set) = sets.pop() {
        total += set.items.len();
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => sets.push(&field.node.selection_set.node),
                Selection::InlineFragment(fragment) => sets.push(&fragment.node.selection_set.node),
                Selection::FragmentSpread(_) => {}
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(cache: &ParsedQueries) -> usize {
        cache.0.lock().unwrap().len()
    }

    #[test]
    fn only_short_documents_with_few_selections_are_kept() {
        let cache = ParsedQueries::default();
        let mut small = Request::new("{ units(first: 2) { edges { node { id name } } } }");
        cache.parse(&mut small);
        assert_eq!(kept(&cache), 1);
        cache.parse(&mut Request::new("{ units(first: 2) { edges { node { id name } } } }"));
        assert_eq!(kept(&cache), 1, "the same text is one document");
        let unused = format!("{{ me {{ anonymous }} }} fragment F on Viewer {{ {} }}", "anonymous ".repeat(600));
        cache.parse(&mut Request::new(unused));
        let long = format!("{{ me {{ anonymous }} }} # {}", "x".repeat(LONGEST_KEPT));
        cache.parse(&mut Request::new(long));
        cache.parse(&mut Request::new("{ me { "));
        assert_eq!(kept(&cache), 1, "many selections, a long text and a broken one are not kept");
    }

    #[test]
    fn selections_count_operations_fragments_and_nesting() {
        let document = async_graphql::parser::parse_query(
            "query A { me { anonymous role } ...F } query B { __typename } fragment F on Query { me { anonymous } }",
        )
        .unwrap();
        // A: me, anonymous, role, ...F; B: __typename; F: me, anonymous.
        assert_eq!(selections(&document), 7);
    }
}
