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

const INTROSPECTION: &str = r#"{ __schema {
  queryType { name } mutationType { name }
  types { kind name description
    fields { name description args { name description type { ...T } defaultValue } type { ...T } }
    inputFields { name description type { ...T } defaultValue }
    interfaces { name } enumValues { name description } possibleTypes { name } } } }
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
        let _ = writeln!(out, "{indent}\"\"\"\n{indent}{}\n{indent}\"\"\"", text.replace('\n', &format!("\n{indent}")));
    }
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
                let _ = writeln!(out, "scalar {name}\n");
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
                    let _ = writeln!(out, "\t{}", value["name"].as_str().unwrap_or(""));
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
                    let args: Vec<String> = list(&field["args"])
                        .iter()
                        .map(|arg| {
                            let default = arg["defaultValue"].as_str().map(|d| format!(" = {d}")).unwrap_or_default();
                            format!("{}: {}{default}", arg["name"].as_str().unwrap_or(""), type_ref(&arg["type"]))
                        })
                        .collect();
                    let args = if args.is_empty() { String::new() } else { format!("({})", args.join(", ")) };
                    let _ =
                        writeln!(out, "\t{}{args}: {}", field["name"].as_str().unwrap_or(""), type_ref(&field["type"]));
                }
            }
        }
        let _ = writeln!(out, "}}\n");
    }
    let query = schema["queryType"]["name"].as_str().unwrap_or("Query");
    let mutation = schema["mutationType"]["name"].as_str().filter(|name| {
        list(&schema["types"]).iter().any(|t| t["name"].as_str() == Some(name) && !list(&t["fields"]).is_empty())
    });
    let _ = match mutation {
        Some(mutation) => writeln!(out, "schema {{\n\tquery: {query}\n\tmutation: {mutation}\n}}"),
        None => writeln!(out, "schema {{\n\tquery: {query}\n}}"),
    };
    out
}
