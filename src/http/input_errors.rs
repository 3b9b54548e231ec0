//! Client input that async-graphql refuses before a resolver runs is `BAD_USER_INPUT` (reason
//! `INVALID_VALUE`) with the argument it concerns, like the input errors our resolvers report — never `INTERNAL`:
//! - validation's `Invalid value for argument "filter.dueTo", …` (our scalars check literals and
//!   variables there);
//! - an argument that fails to parse as the resolver reads it (`first: 2147483648`): the error
//!   points at the argument's value, and the query says which argument that is;
//! - a nullable variable left out for a non-null argument with a default (`Expected input type
//!   "Boolean", found null.`), pointing at the argument's value like the parse error.

use async_graphql::{
    parser::{
        parse_query,
        types::{ExecutableDocument, Selection, SelectionSet},
        Pos,
    },
    ServerError,
};

use crate::{
    error::{AppError, FieldProblem, InputField, Locale, Reason},
    graphql::errors::render,
};

/// Sets `BAD_USER_INPUT`, reason `INVALID_VALUE` and `extensions.field`/`fields` when `error` is
/// one about client input; the detail is async-graphql's (in English), inside a message in
/// `locale`.
pub fn classify_input_error(error: &mut ServerError, query: &str, locale: Locale) -> bool {
    let (field, detail) = if let Some(rest) = error.message.strip_prefix("Invalid value for argument \"") {
        let Some((field, detail)) = rest.split_once("\", ") else { return false };
        (field.to_owned(), detail.to_owned())
    } else if error.message.starts_with("Expected input type ") && error.message.ends_with("found null.") {
        // A nullable variable left out, for a non-null argument with a default: the spec gives
        // the argument its default, async-graphql passes null. The error points at the value.
        let at = error.locations.first().copied();
        let field = at.and_then(|at| argument_at(query, at)).unwrap_or_else(|| "input".into());
        (field, format!("{} Give the variable a value or a default.", error.message))
    } else if error.message.starts_with("Failed to parse \"") {
        let at = error.locations.first().copied();
        let field = at.and_then(|at| argument_at(query, at)).unwrap_or_else(|| "input".into());
        (field, error.message.clone())
    } else {
        return false;
    };
    let problem = FieldProblem { field: InputField::Argument(field), reason: Reason::InvalidValue { detail } };
    let (message, extensions) = render(&AppError::BadUserInput(vec![problem]), locale);
    error.message = message;
    error.extensions = Some(extensions);
    true
}

/// The name of the argument whose value starts at `at`.
fn argument_at(query: &str, at: Pos) -> Option<String> {
    let document = parse_query(query).ok()?;
    let ExecutableDocument { operations, fragments } = &document;
    operations
        .iter()
        .map(|(_, operation)| &operation.node.selection_set.node)
        .chain(fragments.values().map(|fragment| &fragment.node.selection_set.node))
        .find_map(|set| argument_in(set, at))
}

fn argument_in(set: &SelectionSet, at: Pos) -> Option<String> {
    set.items.iter().find_map(|item| match &item.node {
        Selection::Field(field) => field
            .node
            .arguments
            .iter()
            .find(|(_, value)| value.pos == at)
            .map(|(name, _)| name.node.to_string())
            .or_else(|| argument_in(&field.node.selection_set.node, at)),
        Selection::InlineFragment(fragment) => argument_in(&fragment.node.selection_set.node, at),
        Selection::FragmentSpread(_) => None,
    })
}
