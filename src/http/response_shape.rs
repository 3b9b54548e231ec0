//! The answer in the shape the GraphQL spec gives it, where async-graphql departs from it:
//! - a field whose resolver failed is `null` under its key, beside its error — async-graphql
//!   leaves the key out, and clients (Apollo: "Missing field") then drop or misread the object;
//! - keys come in the order the query selected them — async-graphql resolves a query's fields
//!   concurrently and writes each as it completes.

use std::cell::OnceCell;

use async_graphql::{
    indexmap::IndexMap,
    parser::types::{ExecutableDocument, Selection, SelectionSet},
    Name, PathSegment, Response, Value,
};

/// Puts `response` in the spec's shape for the query's `document` (and `operation`, when it names
/// one).
pub fn conform(response: &mut Response, document: &ExecutableDocument, operation: Option<&str>) {
    if matches!(response.data, Value::Null) {
        return;
    }
    for error in &response.errors {
        null_where_dropped(&mut response.data, &error.path);
    }
    let selected = document.operations.iter().find(|(name, _)| match operation {
        Some(wanted) => name.map(|n| n.as_str()) == Some(wanted),
        None => true,
    });
    if let Some((_, definition)) = selected {
        order(&mut response.data, &Shape::of(&[&definition.node.selection_set.node], document), document);
    }
}

/// Walks `path` and, at the first object that lacks the next key, sets that key to null.
fn null_where_dropped(data: &mut Value, path: &[PathSegment]) {
    let mut at = data;
    for segment in path {
        at = match (segment, at) {
            (PathSegment::Field(key), Value::Object(object)) => {
                let name = Name::new(key);
                if !object.contains_key(&name) {
                    object.insert(name, Value::Null);
                    return;
                }
                match object.get_mut(key.as_str()) {
                    Some(next) => next,
                    None => return,
                }
            }
            (PathSegment::Index(index), Value::List(items)) => match items.get_mut(*index) {
                Some(next) => next,
                None => return,
            },
            _ => return,
        };
    }
}

/// The response keys a place in the query asks for, in document order, fragments expanded; each
/// key's own shape is worked out the first time an answer has an object under it, and then serves
/// every object there (a page's fifty nodes share one).
struct Shape<'a> {
    keys: Vec<Key<'a>>,
}

/// A response key, the selection sets below it (one per place the query selects it), and their
/// shape once needed.
struct Key<'a> {
    name: &'a str,
    below: Vec<&'a SelectionSet>,
    shape: OnceCell<Shape<'a>>,
}

impl<'a> Shape<'a> {
    fn of(sets: &[&'a SelectionSet], document: &'a ExecutableDocument) -> Self {
        let mut keys = Vec::new();
        let mut spread = Vec::new();
        for set in sets {
            collect(set, document, &mut spread, &mut keys);
        }
        Self { keys }
    }
}

fn collect<'a>(
    set: &'a SelectionSet,
    document: &'a ExecutableDocument,
    spread: &mut Vec<&'a Name>,
    keys: &mut Vec<Key<'a>>,
) {
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => {
                let name = field.node.response_key().node.as_str();
                let below = &field.node.selection_set.node;
                match keys.iter_mut().find(|key| key.name == name) {
                    Some(key) => key.below.push(below),
                    None => keys.push(Key { name, below: vec![below], shape: OnceCell::new() }),
                }
            }
            Selection::InlineFragment(fragment) => collect(&fragment.node.selection_set.node, document, spread, keys),
            Selection::FragmentSpread(name) => {
                let name = &name.node.fragment_name.node;
                if let (false, Some(definition)) = (spread.contains(&name), document.fragments.get(name)) {
                    spread.push(name);
                    collect(&definition.node.selection_set.node, document, spread, keys);
                }
            }
        }
    }
}

/// Orders every object's keys as `shape` selects them, all the way down.
fn order<'a>(value: &mut Value, shape: &Shape<'a>, document: &'a ExecutableDocument) {
    match value {
        Value::List(items) => items.iter_mut().for_each(|item| order(item, shape, document)),
        Value::Object(object) => {
            let present = shape.keys.iter().map(|key| key.name).filter(|name| object.contains_key(*name));
            if !object.keys().map(Name::as_str).eq(present) {
                let mut sorted = IndexMap::with_capacity(object.len());
                for key in &shape.keys {
                    if let Some((name, item)) = object.shift_remove_entry(key.name) {
                        sorted.insert(name, item);
                    }
                }
                sorted.extend(object.drain(..));
                *object = sorted;
            }
            for key in &shape.keys {
                if let Some(item) = object.get_mut(key.name) {
                    if matches!(item, Value::Object(_) | Value::List(_)) {
                        order(item, key.shape.get_or_init(|| Shape::of(&key.below, document)), document);
                    }
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::{parser::parse_query, Response, ServerError};

    use super::*;

    fn object(pairs: &[(&str, Value)]) -> Value {
        Value::Object(pairs.iter().map(|(k, v)| (Name::new(k), v.clone())).collect())
    }

    fn keys_of(value: &Value) -> Vec<String> {
        match value {
            Value::Object(object) => object.keys().map(|k| k.to_string()).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn keys_follow_the_query_through_fragments_and_lists() {
        let query = "query Q { b: me { ...F } a: units { edges { node { name ... on Unit { id } kind } } } }
                     fragment F on Viewer { role anonymous }";
        let node = object(&[("kind", Value::from("T")), ("id", Value::from("1")), ("name", Value::from("n"))]);
        let data = object(&[
            ("a", object(&[("edges", Value::List(vec![object(&[("node", node)])]))])),
            ("b", object(&[("anonymous", Value::from(false)), ("role", Value::from("ADMIN"))])),
        ]);
        let mut response = Response::new(data);
        conform(&mut response, &parse_query(query).unwrap(), Some("Q"));
        assert_eq!(keys_of(&response.data), ["b", "a"]);
        let Value::Object(root) = &response.data else { panic!() };
        assert_eq!(keys_of(&root["b"]), ["role", "anonymous"]);
        let Value::Object(a) = &root["a"] else { panic!() };
        let Value::List(edges) = &a["edges"] else { panic!() };
        let Value::Object(edge) = &edges[0] else { panic!() };
        assert_eq!(keys_of(&edge["node"]), ["name", "id", "kind"]);
    }

    #[test]
    fn every_item_of_a_list_is_ordered_by_the_one_shape_of_its_place() {
        let query = "{ page { edges { node { id title unit { name id } } } } }";
        let unit = |first: &str| match first {
            "id" => object(&[("id", Value::from("u")), ("name", Value::from("n"))]),
            _ => object(&[("name", Value::from("n")), ("id", Value::from("u"))]),
        };
        let nodes = [
            object(&[("unit", unit("id")), ("title", Value::from("t")), ("id", Value::from("1"))]),
            object(&[("id", Value::from("2")), ("title", Value::from("t")), ("unit", unit("name"))]),
            object(&[("title", Value::from("t")), ("unit", Value::Null), ("id", Value::from("3"))]),
        ];
        let edges = nodes.map(|node| object(&[("node", node)])).to_vec();
        let data = object(&[("page", object(&[("edges", Value::List(edges))]))]);
        let mut response = Response::new(data);
        conform(&mut response, &parse_query(query).unwrap(), None);
        let text = serde_json::to_string(&response.data).unwrap();
        let unit = r#"{"name":"n","id":"u"}"#;
        let expected = format!(
            r#"{{"page":{{"edges":[{{"node":{{"id":"1","title":"t","unit":{unit}}}}},{{"node":{{"id":"2","title":"t","unit":{unit}}}}},{{"node":{{"id":"3","title":"t","unit":null}}}}]}}}}"#
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn a_dropped_key_is_null_where_it_was_dropped() {
        let query = "{ units { edges { node { name parent { name } } } } lost: unit(id: 1) { name } }";
        let node = object(&[("name", Value::from("n"))]);
        let data = object(&[("units", object(&[("edges", Value::List(vec![object(&[("node", node)])]))]))]);
        let mut response = Response::new(data);
        let mut deep = ServerError::new("boom", None);
        deep.path = ["units", "edges"].map(|k| PathSegment::Field(k.into())).to_vec();
        deep.path.extend([
            PathSegment::Index(0),
            PathSegment::Field("node".into()),
            PathSegment::Field("parent".into()),
        ]);
        let mut top = ServerError::new("not found", None);
        top.path = vec![PathSegment::Field("lost".into())];
        response.errors = vec![deep, top];
        conform(&mut response, &parse_query(query).unwrap(), None);
        let Value::Object(root) = &response.data else { panic!() };
        assert_eq!(root["lost"], Value::Null);
        assert_eq!(keys_of(&response.data), ["units", "lost"]);
        let text = serde_json::to_string(&response.data).unwrap();
        assert!(text.contains(r#""node":{"name":"n","parent":null}"#), "{text}");
    }
}
