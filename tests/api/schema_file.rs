//! `schema.graphql` is the contract with the frontend: it must equal the SDL the code builds.
//! `UPDATE_SCHEMA=1 cargo test` rewrites it.

#[test]
fn schema_graphql_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
    let built = chengxin::graphql::sdl();
    if std::env::var("UPDATE_SCHEMA").is_ok() {
        std::fs::write(path, &built).expect("write schema.graphql");
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == built, "schema.graphql is stale: run `UPDATE_SCHEMA=1 cargo test` and commit it");
}

/// The frontend reads descriptions from the schema: every type, field, argument, input field and
/// enum value of ours has one (asked through introspection, as a client would).
#[tokio::test]
async fn every_type_field_argument_and_value_has_a_description() {
    let schema = chengxin::graphql::build_schema(&chengxin::config::Limits::default(), true);
    let query = "{ __schema { types { name kind description fields { name description args { name description } } inputFields { name description } enumValues { name description } } } }";
    let admin =
        chengxin::auth::Viewer { role: Some(chengxin::auth::Role::Admin), ..chengxin::auth::Viewer::anonymous() };
    for viewer in [admin, chengxin::auth::Viewer::anonymous()] {
        let response = schema.execute(async_graphql::Request::new(query).data(viewer)).await;
        assert!(response.errors.is_empty(), "{:?}", response.errors);
        check_descriptions(response.data.into_json().unwrap());
    }
}

fn check_descriptions(data: serde_json::Value) {
    let builtin = ["Boolean", "String", "Int", "Float", "ID"];
    let mut missing = Vec::new();
    let described = |v: &serde_json::Value| v["description"].as_str().is_some_and(|d| !d.trim().is_empty());
    for ty in data["__schema"]["types"].as_array().unwrap() {
        let name = ty["name"].as_str().unwrap();
        if name.starts_with("__") || builtin.contains(&name) {
            continue;
        }
        if !described(ty) && !name.ends_with("Root") {
            missing.push(name.to_owned());
        }
        for field in ty["fields"].as_array().into_iter().flatten() {
            if !described(field) {
                missing.push(format!("{name}.{}", field["name"]));
            }
            for arg in field["args"].as_array().into_iter().flatten() {
                if !described(arg) {
                    missing.push(format!("{name}.{}({})", field["name"], arg["name"]));
                }
            }
        }
        for list in ["inputFields", "enumValues"] {
            for item in ty[list].as_array().into_iter().flatten() {
                if !described(item) {
                    missing.push(format!("{name}.{}", item["name"]));
                }
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:#?}");
}

/// `chengxin schema --role ROLE`: valid SDL with only that role's operations; an evaluator's has
/// no mutation and no identifier field at all.
#[tokio::test]
async fn role_schemas_are_valid_and_the_evaluators_has_no_mutation_or_identifier() {
    use chengxin::{auth::Role, graphql::role_sdl::role_sdl};
    let roles = [
        Some(Role::Admin),
        Some(Role::Personnel),
        Some(Role::UnitClerk),
        Some(Role::Leader),
        Some(Role::Evaluator),
        None,
    ];
    for role in roles {
        let sdl = role_sdl(role).await.unwrap();
        crate::helpers::parse_role_sdl(&sdl).unwrap_or_else(|e| panic!("{role:?}: {e}"));
    }
    let evaluator = role_sdl(Some(Role::Evaluator)).await.unwrap();
    assert!(!evaluator.contains("type Mutation") && !evaluator.contains("mutation: Mutation"), "{evaluator}");
    for hidden in ["idNumber", "phone", "type Official", "auditLog", "creditCheck"] {
        assert!(!evaluator.contains(hidden), "{hidden} is shown to evaluators");
    }
    assert!(evaluator.contains("creditRecords"));
    let anonymous = role_sdl(None).await.unwrap();
    assert!(anonymous.contains("publicRecords") && anonymous.contains("login"));
    assert!(!anonymous.contains("creditRecords") && !anonymous.contains("planTasks"));
    let admin = role_sdl(Some(Role::Admin)).await.unwrap();
    assert!(admin.contains("auditLog") && admin.contains("createApiToken"));
}
