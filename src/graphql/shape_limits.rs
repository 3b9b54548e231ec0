//! Limits on the shape of a query that the built-in depth and complexity checks miss: every field
//! selection counts, `__typename` and aliases included, with fragments expanded.

use std::{collections::HashMap, sync::Arc};

use async_graphql::{
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery},
    parser::types::{ExecutableDocument, FragmentDefinition, Selection, SelectionSet},
    Name, Pos, Positioned, ServerError, ServerResult, Variables,
};

/// The extension factory; `max_fields` and `max_aliases` come from the configured limits.
pub struct ShapeLimits {
    pub max_fields: usize,
    pub max_aliases: usize,
}

impl ExtensionFactory for ShapeLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ShapeLimitsExtension { max_fields: self.max_fields, max_aliases: self.max_aliases })
    }
}

struct ShapeLimitsExtension {
    max_fields: usize,
    max_aliases: usize,
}

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

fn too_big(message: String) -> ServerError {
    let mut error = ServerError::new(message, Some(Pos { line: 1, column: 1 }));
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", "GRAPHQL_VALIDATION_FAILED");
    error.extensions = Some(extensions);
    error
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
        Ok(document)
    }
}
