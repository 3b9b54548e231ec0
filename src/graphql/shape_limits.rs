//! Limits on the shape of a query, checked once it is parsed, with fragments expanded:
//! - every field selection counts, `__typename` and aliases included;
//! - the depth of ordinary fields (introspection does not count: a standard
//!   `getIntrospectionQuery()` nests `ofType` nine times);
//! - within introspection, graphql-js's `MaxIntrospectionDepthRule`: `fields`, `interfaces`,
//!   `possibleTypes` and `inputFields` may nest at most twice in one path, which refuses the
//!   circular-introspection attack for every role.

use std::{collections::HashMap, sync::Arc};

use async_graphql::{
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery},
    parser::types::{ExecutableDocument, FragmentDefinition, Selection, SelectionSet},
    Name, Pos, Positioned, Request, ServerError, ServerResult, Variables,
};

/// The limits. Over HTTP they are checked before execution ([`ShapeLimits::check_request`]); the
/// WebSocket schema, whose requests async-graphql-axum executes itself, registers them as an
/// extension. An HTTP schema has no extension at all, so async-graphql runs no hook per field.
#[derive(Clone, Copy)]
pub struct ShapeLimits {
    pub max_fields: usize,
    pub max_aliases: usize,
    pub max_depth: usize,
}

impl ExtensionFactory for ShapeLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ShapeLimitsExtension(*self))
    }
}

struct ShapeLimitsExtension(ShapeLimits);

/// The introspection fields that return lists of types or fields (graphql-js's rule).
const INTROSPECTION_LISTS: [&str; 4] = ["fields", "interfaces", "possibleTypes", "inputFields"];
/// graphql-js refuses a path that nests those lists three times.
const MAX_INTROSPECTION_LISTS: usize = 3;

#[derive(Default, Clone, Copy)]
struct Tally {
    fields: usize,
    aliases: usize,
}

impl Tally {
    fn add(self, other: Tally) -> Tally {
        Tally { fields: self.fields.saturating_add(other.fields), aliases: self.aliases.saturating_add(other.aliases) }
    }
}

struct Counter<'a> {
    fragments: &'a HashMap<Name, Positioned<FragmentDefinition>>,
    memo: HashMap<Name, Tally>,
    visiting: Vec<Name>,
}

impl Counter<'_> {
    fn count(&mut self, set: &SelectionSet) -> Tally {
        let mut tally = Tally::default();
        for item in &set.items {
            let part = match &item.node {
                Selection::Field(field) => {
                    let own = Tally { fields: 1, aliases: usize::from(field.node.alias.is_some()) };
                    own.add(self.count(&field.node.selection_set.node))
                }
                Selection::InlineFragment(fragment) => self.count(&fragment.node.selection_set.node),
                Selection::FragmentSpread(spread) => self.fragment(&spread.node.fragment_name.node),
            };
            tally = tally.add(part);
        }
        tally
    }

    fn fragment(&mut self, name: &Name) -> Tally {
        if let Some(known) = self.memo.get(name) {
            return *known;
        }
        // A cycle is reported by validation; here it just stops counting.
        if self.visiting.contains(name) {
            return Tally::default();
        }
        let Some(definition) = self.fragments.get(name) else {
            return Tally::default();
        };
        self.visiting.push(name.clone());
        let tally = self.count(&definition.node.selection_set.node);
        self.visiting.pop();
        self.memo.insert(name.clone(), tally);
        tally
    }
}

/// The deepest path of ordinary fields, and the most nested introspection lists in one path.
#[derive(Default, Clone, Copy)]
struct Depth {
    fields: usize,
    introspection_lists: usize,
}

struct DepthMeter<'a> {
    fragments: &'a HashMap<Name, Positioned<FragmentDefinition>>,
    memo: HashMap<(Name, bool), Depth>,
    visiting: Vec<Name>,
}

impl DepthMeter<'_> {
    /// `in_introspection`: below `__schema` or `__type`, where only the list rule applies.
    fn measure(&mut self, set: &SelectionSet, in_introspection: bool) -> Depth {
        let mut deepest = Depth::default();
        for item in &set.items {
            let part = match &item.node {
                Selection::Field(field) => {
                    let name = field.node.name.node.as_str();
                    let enters = in_introspection || name == "__schema" || name == "__type";
                    let below = self.measure(&field.node.selection_set.node, enters);
                    if enters {
                        let own = usize::from(in_introspection && INTROSPECTION_LISTS.contains(&name));
                        Depth { fields: 0, introspection_lists: below.introspection_lists + own }
                    } else {
                        Depth { fields: below.fields + 1, introspection_lists: below.introspection_lists }
                    }
                }
                Selection::InlineFragment(fragment) => {
                    self.measure(&fragment.node.selection_set.node, in_introspection)
                }
                Selection::FragmentSpread(spread) => self.fragment(&spread.node.fragment_name.node, in_introspection),
            };
            deepest = Depth {
                fields: deepest.fields.max(part.fields),
                introspection_lists: deepest.introspection_lists.max(part.introspection_lists),
            };
        }
        deepest
    }

    fn fragment(&mut self, name: &Name, in_introspection: bool) -> Depth {
        let key = (name.clone(), in_introspection);
        if let Some(known) = self.memo.get(&key) {
            return *known;
        }
        if self.visiting.contains(name) {
            return Depth::default();
        }
        let Some(definition) = self.fragments.get(name) else {
            return Depth::default();
        };
        self.visiting.push(name.clone());
        let depth = self.measure(&definition.node.selection_set.node, in_introspection);
        self.visiting.pop();
        self.memo.insert(key, depth);
        depth
    }
}

fn too_big(message: String) -> ServerError {
    let mut error = ServerError::new(message, Some(Pos { line: 1, column: 1 }));
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", "GRAPHQL_VALIDATION_FAILED");
    error.extensions = Some(extensions);
    error
}

impl ShapeLimits {
    /// Checks a parsed document against the limits.
    pub fn check_document(&self, document: &ExecutableDocument) -> ServerResult<()> {
        let mut counter = Counter { fragments: &document.fragments, memo: HashMap::new(), visiting: Vec::new() };
        let tally = document
            .operations
            .iter()
            .map(|(_, operation)| counter.count(&operation.node.selection_set.node))
            .fold(Tally::default(), Tally::add);
        if tally.fields > self.max_fields {
            return Err(too_big(format!("query selects {} fields; the limit is {}", tally.fields, self.max_fields)));
        }
        if tally.aliases > self.max_aliases {
            return Err(too_big(format!("query uses {} aliases; the limit is {}", tally.aliases, self.max_aliases)));
        }
        let mut meter = DepthMeter { fragments: &document.fragments, memo: HashMap::new(), visiting: Vec::new() };
        for (_, operation) in document.operations.iter() {
            let depth = meter.measure(&operation.node.selection_set.node, false);
            if depth.fields > self.max_depth {
                return Err(too_big(format!("query is nested {} deep; the limit is {}", depth.fields, self.max_depth)));
            }
            if depth.introspection_lists >= MAX_INTROSPECTION_LISTS {
                return Err(too_big("Maximum introspection depth exceeded".to_owned()));
            }
        }
        Ok(())
    }

    /// Parses an HTTP request's query (async-graphql keeps the parsed document for execution) and
    /// checks it. A query that does not parse passes: executing it reports the parse error.
    pub fn check_request(&self, request: &mut Request) -> ServerResult<()> {
        match request.parsed_query() {
            Ok(document) => self.check_document(document),
            Err(_) => Ok(()),
        }
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for ShapeLimitsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        self.0.check_document(&document)?;
        Ok(document)
    }
}
