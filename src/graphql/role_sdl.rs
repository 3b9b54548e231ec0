//! The schema as one role sees it (`chengxin schema --role ROLE`): introspection run as that
//! role, printed back as SDL. Only the fields the role may use and the types they reach appear.

use std::fmt::Write;

use async_graphql::Request;
use serde_json::Value;

use super::build_schema;
use crate::{
    auth::{Role, Viewer},
    config::Limits,
};

const INTROSPECTION: &str = r#"{ __schema { description
  queryType { name } mutationType { name } subscriptionType { name }
  types { kind name description specifiedByURL
    fields(includeDeprecated: true) { name description args { name description type { ...T } defaultValue }
      type { ...T } isDeprecated deprecationReason }
    inputFields { name description type { ...T } defaultValue }
    interfaces { name } possibleTypes { name }
    enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }"#;

/// The SDL visible to `role` (`None`: the anonymous public).
pub async fn role_sdl(role: Option<Role>) -> Result<String, String> {
    let schema = build_schema(&Limits::default(), role.is_some());
    let viewer = Viewer { role, ..Viewer::anonymous() };
    let response = schema.execute(Request::new(INTROSPECTION).data(viewer)).await;
    if let Some(error) = response.errors.first() {
        return Err(error.message.clone());
    }
    let data = response.data.into_json().map_err(|e| e.to_string())?;
    Ok(print(&data["__schema"]))
}

fn type_ref(t: &Value) -> String {
    match t["kind"].as_str() {
        Some("NON_NULL") => format!("{}!", type_ref(&t["ofType"])),
        Some("LIST") => format!("[{}]", type_ref(&t["ofType"])),
        _ => t["name"].as_str().unwrap_or("").to_owned(),
    }
}

fn description(out: &mut String, item: &Value, indent: &str) {
    if let Some(text) = item["description"].as_str().filter(|d| !d.is_empty()) {
        let text = text.replace("\"\"\"", "\\\"\"\"").replace('\n', &format!("\n{indent}"));
        let _ = writeln!(out, "{indent}\"\"\"\n{indent}{text}\n{indent}\"\"\"");
    }
}

/// ` @deprecated(reason: "...")` for a deprecated field or enum value.
fn deprecation(item: &Value) -> String {
    if item["isDeprecated"] != Value::Bool(true) {
        return String::new();
    }
    match item["deprecationReason"].as_str() {
        Some(reason) => format!(" @deprecated(reason: {})", Value::from(reason)),
        None => " @deprecated".to_owned(),
    }
}

/// A field's arguments, each on its own line with its description.
fn arguments(field: &Value) -> String {
    let args = list(&field["args"]);
    if args.is_empty() {
        return String::new();
    }
    let mut out = String::from("(\n");
    for arg in args {
        description(&mut out, arg, "\t\t");
        let default = arg["defaultValue"].as_str().map(|d| format!(" = {d}")).unwrap_or_default();
        let _ = writeln!(out, "\t\t{}: {}{default}", arg["name"].as_str().unwrap_or(""), type_ref(&arg["type"]));
    }
    out.push_str("\t)");
    out
}

fn list(value: &Value) -> &[Value] {
    value.as_array().map(Vec::as_slice).unwrap_or(&[])
}

fn print(schema: &Value) -> String {
    let mut out = String::new();
    let builtin = ["String", "Int", "Float", "Boolean", "ID"];
    for ty in list(&schema["types"]) {
        let name = ty["name"].as_str().unwrap_or("");
        let empty_object = ty["kind"] == "OBJECT" && list(&ty["fields"]).is_empty();
        if name.starts_with("__") || builtin.contains(&name) || empty_object {
            continue;
        }
        description(&mut out, ty, "");
        match ty["kind"].as_str().unwrap_or("") {
            "SCALAR" => {
                let specified_by = ty["specifiedByURL"]
                    .as_str()
                    .map(|url| format!(" @specifiedBy(url: {})", Value::from(url)))
                    .unwrap_or_default();
                let _ = writeln!(out, "scalar {name}{specified_by}\n");
                continue;
            }
            "UNION" => {
                let members: Vec<&str> = list(&ty["possibleTypes"]).iter().filter_map(|t| t["name"].as_str()).collect();
                let _ = writeln!(out, "union {name} = {}\n", members.join(" | "));
                continue;
            }
            "ENUM" => {
                let _ = writeln!(out, "enum {name} {{");
                for value in list(&ty["enumValues"]) {
                    description(&mut out, value, "\t");
                    let _ = writeln!(out, "\t{}{}", value["name"].as_str().unwrap_or(""), deprecation(value));
                }
            }
            "INPUT_OBJECT" => {
                let _ = writeln!(out, "input {name} {{");
                for field in list(&ty["inputFields"]) {
                    description(&mut out, field, "\t");
                    let default = field["defaultValue"].as_str().map(|d| format!(" = {d}")).unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "\t{}: {}{default}",
                        field["name"].as_str().unwrap_or(""),
                        type_ref(&field["type"])
                    );
                }
            }
            kind => {
                let keyword = if kind == "INTERFACE" { "interface" } else { "type" };
                let interfaces: Vec<&str> = list(&ty["interfaces"]).iter().filter_map(|t| t["name"].as_str()).collect();
                let implements = if interfaces.is_empty() {
                    String::new()
                } else {
                    format!(" implements {}", interfaces.join(" & "))
                };
                let _ = writeln!(out, "{keyword} {name}{implements} {{");
                for field in list(&ty["fields"]) {
                    description(&mut out, field, "\t");
                    let _ = writeln!(
                        out,
                        "\t{}{}: {}{}",
                        field["name"].as_str().unwrap_or(""),
                        arguments(field),
                        type_ref(&field["type"]),
                        deprecation(field)
                    );
                }
            }
        }
        let _ = writeln!(out, "}}\n");
    }
    let query = schema["queryType"]["name"].as_str().unwrap_or("Query");
    let root = |key: &str| {
        schema[key]["name"].as_str().filter(|name| {
            list(&schema["types"]).iter().any(|t| t["name"].as_str() == Some(name) && !list(&t["fields"]).is_empty())
        })
    };
    // async-graphql gives every schema a description; graphql-js prints it on the schema block.
    description(&mut out, schema, "");
    let _ = writeln!(out, "schema {{\n\tquery: {query}");
    if let Some(mutation) = root("mutationType") {
        let _ = writeln!(out, "\tmutation: {mutation}");
    }
    if let Some(subscription) = root("subscriptionType") {
        let _ = writeln!(out, "\tsubscription: {subscription}");
    }
    let _ = writeln!(out, "}}");
    out
}
