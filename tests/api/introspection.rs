//! Issue 11 items 2 and 3: graphql-js's standard introspection query passes for every signed-in
//! role, the circular-introspection attack is refused for every role, and every role's schema
//! (`chengxin schema --role R`) is closed: each type it names, it defines.

use std::collections::BTreeSet;

use async_graphql::parser::types::TypeSystemDefinition;
use chengxin::auth::Role;
use serde_json::json;

use crate::helpers::{error_code, spawn_app, TestApp};

const ROLES: [Role; 7] =
    [Role::Admin, Role::CreditOffice, Role::Recorder, Role::Personnel, Role::UnitClerk, Role::Leader, Role::Evaluator];

/// graphql-js 16's `getIntrospectionQuery(options)`, every option on or off.
fn standard_introspection(all_options: bool) -> String {
    let on = |text: &str| if all_options { text.to_owned() } else { String::new() };
    let deprecated_inputs = on("(includeDeprecated: true)");
    let mut type_ref = String::from("kind name");
    for _ in 0..9 {
        type_ref = format!("kind name ofType {{ {type_ref} }}");
    }
    format!(
        "query IntrospectionQuery {{ __schema {{ {schema_description} queryType {{ name }} mutationType {{ name }}
           subscriptionType {{ name }} types {{ ...FullType }}
           directives {{ name description {repeatable} locations args{deprecated_inputs} {{ ...InputValue }} }} }} }}
         fragment FullType on __Type {{ kind name description {specified_by}
           fields(includeDeprecated: true) {{ name description args{deprecated_inputs} {{ ...InputValue }}
             type {{ ...TypeRef }} isDeprecated deprecationReason }}
           inputFields{deprecated_inputs} {{ ...InputValue }} interfaces {{ ...TypeRef }}
           enumValues(includeDeprecated: true) {{ name description isDeprecated deprecationReason }}
           possibleTypes {{ ...TypeRef }} }}
         fragment InputValue on __InputValue {{ name description type {{ ...TypeRef }} defaultValue {input_deprecation} }}
         fragment TypeRef on __Type {{ {type_ref} }}",
        schema_description = on("description"),
        repeatable = on("isRepeatable"),
        specified_by = on("specifiedByURL"),
        input_deprecation = on("isDeprecated deprecationReason"),
    )
}

/// graphql-cop's circular introspection query.
const CIRCULAR: &str = "query cop { __schema { types { fields { type { fields { type { fields { type { fields {
    type { name } } } } } } } } } } }";

async fn token(app: &TestApp, role: Role) -> String {
    match role {
        Role::Recorder => app.token_for("court").await,
        Role::UnitClerk => app.token_for("xunzhong").await,
        Role::Evaluator => app.evaluator_token(),
        role => app.api_token(role, Some("县发改局")).await,
    }
}

#[tokio::test]
async fn the_standard_introspection_query_passes_for_every_signed_in_role() {
    let app = spawn_app().await;
    for role in ROLES {
        let token = token(&app, role).await;
        for all_options in [true, false] {
            let body = app.graphql(Some(&token), &standard_introspection(all_options), json!({})).await;
            assert!(body["errors"].is_null(), "{role:?} {all_options}: {body}");
            assert_eq!(body["data"]["__schema"]["queryType"]["name"], "Query", "{role:?}");
            let types = body["data"]["__schema"]["types"].as_array().map(Vec::len).unwrap_or(0);
            assert!(types > 10, "{role:?}: {types} types");
        }
    }
}

#[tokio::test]
async fn circular_introspection_is_refused_for_every_role() {
    let app = spawn_app().await;
    for role in ROLES {
        let token = token(&app, role).await;
        let body = app.graphql(Some(&token), CIRCULAR, json!({})).await;
        assert!(body["data"].is_null(), "{role:?}: {body}");
        assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{role:?}: {body}");
        assert_eq!(body["errors"][0]["message"], "Maximum introspection depth exceeded", "{role:?}");
    }
    // Through a fragment too, and `__type` as well as `__schema`.
    let admin = token(&app, Role::Admin).await;
    let hidden = "{ __type(name: \"Unit\") { ...F } } fragment F on __Type { fields { type { interfaces {
        possibleTypes { name } } } } }";
    assert_eq!(error_code(&app.graphql(Some(&admin), hidden, json!({})).await), "GRAPHQL_VALIDATION_FAILED");
    let two_deep = "{ __type(name: \"Unit\") { fields { type { fields { name } } } } }";
    let body = app.graphql(Some(&admin), two_deep, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
}

/// The names a type reference points at, through lists and non-nulls.
fn named(ty: &async_graphql::parser::types::Type) -> String {
    use async_graphql::parser::types::BaseType;
    match &ty.base {
        BaseType::Named(name) => name.to_string(),
        BaseType::List(inner) => named(inner),
    }
}

/// Every type the SDL names is defined in it (or built in), and it has no empty object type.
fn assert_closed(role: &str, sdl: &str) {
    use async_graphql::parser::types::{InterfaceType, ObjectType, TypeKind};
    let document = crate::helpers::parse_role_sdl(sdl).unwrap_or_else(|e| panic!("{role}: {e}\n{sdl}"));
    let mut defined: BTreeSet<String> = ["String", "Int", "Float", "Boolean", "ID"].map(String::from).into();
    // Each type named, with where it is named.
    let mut used = std::collections::BTreeMap::<String, String>::new();
    for definition in &document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else { continue };
        let ty = &ty.node;
        defined.insert(ty.name.node.to_string());
        match &ty.kind {
            TypeKind::Object(ObjectType { implements, fields })
            | TypeKind::Interface(InterfaceType { implements, fields }) => {
                assert!(!fields.is_empty(), "{role}: {} has no field", ty.name.node);
                let here = ty.name.node.to_string();
                used.extend(implements.iter().map(|i| (i.node.to_string(), here.clone())));
                for field in fields {
                    let at = format!("{here}.{}", field.node.name.node);
                    used.insert(named(&field.node.ty.node), at.clone());
                    used.extend(field.node.arguments.iter().map(|a| (named(&a.node.ty.node), at.clone())));
                }
            }
            TypeKind::InputObject(input) => {
                used.extend(input.fields.iter().map(|f| (named(&f.node.ty.node), ty.name.node.to_string())))
            }
            TypeKind::Union(union) => {
                used.extend(union.members.iter().map(|m| (m.node.to_string(), ty.name.node.to_string())))
            }
            _ => {}
        }
    }
    let dangling: Vec<(&String, &String)> = used.iter().filter(|(name, _)| !defined.contains(*name)).collect();
    assert!(dangling.is_empty(), "{role} names types it does not define: {dangling:?}");
}

#[tokio::test]
async fn every_roles_schema_is_closed_and_a_role_without_mutations_has_no_mutation_type() {
    for role in ROLES.map(Some).into_iter().chain([None]) {
        let name = role.map(|r| format!("{r:?}")).unwrap_or_else(|| "ANONYMOUS".into());
        let sdl = chengxin::graphql::role_sdl::role_sdl(role).await.expect("role sdl");
        assert_closed(&name, &sdl);
        let has_mutation = sdl.contains("mutation: Mutation");
        assert_eq!(has_mutation, role != Some(Role::Evaluator), "{name}");
        assert!(sdl.contains("scalar Date @specifiedBy(url:") || !sdl.contains("scalar Date"), "{name}");
    }
}
