//! Issue 11: the frontend contract, as a browser app meets it — CORS for the configured origins,
//! conventional root names (`Query`, `Mutation`), malformed scalars answered as bad input.

use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_configured};

const ORIGIN: &str = "https://credit.dehua.gov.cn";

#[tokio::test]
async fn a_configured_origin_gets_its_preflight_and_its_answers_and_others_get_nothing() {
    let app = spawn_app_configured(|config| config.cors_origins = vec![ORIGIN.into()]).await;
    let client = reqwest::Client::new();
    let url = format!("{}/graphql", app.address);
    let preflight = client
        .request(reqwest::Method::OPTIONS, &url)
        .header("origin", ORIGIN)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "authorization, content-type")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    let headers = preflight.headers();
    assert_eq!(headers["access-control-allow-origin"], ORIGIN);
    let allowed = headers["access-control-allow-headers"].to_str().unwrap().to_ascii_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("content-type"), "{allowed}");
    assert_eq!(headers["access-control-max-age"], "600");
    assert!(headers.get("access-control-allow-credentials").is_none(), "no credentials with CORS");

    let post = client
        .post(&url)
        .header("origin", ORIGIN)
        .json(&json!({ "query": "{ me { anonymous } }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), 200);
    assert_eq!(post.headers()["access-control-allow-origin"], ORIGIN);
    let exposed = post.headers()["access-control-expose-headers"].to_str().unwrap().to_ascii_lowercase();
    assert!(exposed.contains("x-request-id"), "{exposed}");

    let stranger = client
        .post(&url)
        .header("origin", "https://evil.example")
        .json(&json!({ "query": "{ me { anonymous } }" }))
        .send()
        .await
        .unwrap();
    assert!(stranger.headers().get("access-control-allow-origin").is_none(), "an unlisted origin gets no grant");
    // Without configured origins, no CORS headers at all (same origin only).
    let plain = spawn_app().await;
    let answer = client
        .post(format!("{}/graphql", plain.address))
        .header("origin", ORIGIN)
        .json(&json!({ "query": "{ me { anonymous } }" }))
        .send()
        .await
        .unwrap();
    assert!(answer.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn the_roots_have_their_conventional_names() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let body = app.graphql(Some(&admin), "{ __schema { queryType { name } mutationType { name } } }", json!({})).await;
    assert_eq!(
        body["data"]["__schema"],
        json!({ "queryType": { "name": "Query" }, "mutationType": { "name": "Mutation" } })
    );
    let typename = app.graphql(Some(&admin), "{ __typename }", json!({})).await;
    assert_eq!(typename["data"]["__typename"], "Query");
}

#[tokio::test]
async fn malformed_scalars_are_bad_input_naming_their_field() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let unit = app.unit_id("浔中镇").await;
    let create = "mutation($i: CreateCommitmentInput!) { createCommitment(input: $i) { commitment { id } } }";
    let as_variable = app
        .graphql(
            Some(&office),
            create,
            json!({ "i": { "unitId": unit, "kind": "DEADLINE", "content": "限时办结", "dueOn": "2026-13-45" } }),
        )
        .await;
    let literal = format!(
        "mutation {{ createCommitment(input: {{ unitId: \"{unit}\", kind: DEADLINE, content: \"限时办结\", dueOn: \"2026-13-45\" }}) {{ commitment {{ id }} }} }}"
    );
    let as_literal = app.graphql(Some(&office), &literal, json!({})).await;
    let compensation =
        "mutation($i: SetCommitmentStatusInput!) { setCommitmentStatus(input: $i) { commitment { id } } }";
    let decimal = app
        .graphql(
            Some(&office),
            compensation,
            json!({ "i": { "id": unit, "version": 1, "status": "CHANGED_LAWFULLY", "compensation": "abc" } }),
        )
        .await;
    for (what, body) in [("variable", &as_variable), ("literal", &as_literal), ("decimal", &decimal)] {
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{what}: {body}");
    }
    assert_eq!(as_variable["errors"][0]["extensions"]["field"], "input.dueOn", "{as_variable}");
    assert_eq!(as_literal["errors"][0]["extensions"]["field"], "input.dueOn", "{as_literal}");
    assert_eq!(decimal["errors"][0]["extensions"]["field"], "input.compensation", "{decimal}");
}

#[tokio::test]
async fn a_malformed_date_time_filter_is_bad_input_too() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let query = "query($f: AuditLogFilter) { auditLog(filter: $f) { totalCount } }";
    let variable = app.graphql(Some(&admin), query, json!({ "f": { "from": "yesterday" } })).await;
    let literal = app
        .graphql(Some(&admin), r#"{ auditLog(filter: { from: "2026-02-30T00:00:00Z" }) { totalCount } }"#, json!({}))
        .await;
    for body in [&variable, &literal] {
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], "filter.from", "{body}");
    }
}

#[tokio::test]
async fn custom_scalars_say_which_specification_they_follow() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let query = r#"{ date: __type(name: "Date") { specifiedByURL } dateTime: __type(name: "DateTime") { specifiedByURL } decimal: __type(name: "Decimal") { specifiedByURL } }"#;
    let body = app.graphql(Some(&admin), query, json!({})).await;
    assert_eq!(
        body["data"],
        json!({ "date": { "specifiedByURL": "https://www.rfc-editor.org/rfc/rfc3339#section-5.6" },
            "dateTime": { "specifiedByURL": "https://www.rfc-editor.org/rfc/rfc3339#section-5.6" },
            "decimal": { "specifiedByURL": "https://www.w3.org/TR/xmlschema11-2/#decimal" } }),
        "{body}"
    );
}

#[tokio::test]
async fn large_answers_are_compressed_and_signed_in_answers_are_not_stored() {
    let app = spawn_app().await;
    let admin = app.token_for("admin").await;
    let client = reqwest::Client::new();
    let url = format!("{}/graphql", app.address);
    let page =
        json!({ "query": "{ units(first: 100) { edges { node { id name shortName kind uscc divisionCode } } } }" });
    let plain = client.post(&url).bearer_auth(&admin).json(&page).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none(), "only when asked");
    assert_eq!(plain.headers()["cache-control"], "no-store");
    let raw = plain.bytes().await.unwrap().len();
    for encoding in ["gzip", "br"] {
        let packed =
            client.post(&url).bearer_auth(&admin).header("accept-encoding", encoding).json(&page).send().await.unwrap();
        assert_eq!(packed.headers()["content-encoding"], encoding);
        let size = packed.bytes().await.unwrap().len();
        assert!(size * 3 < raw, "{encoding}: {size} of {raw} bytes");
    }
    let small = client
        .post(&url)
        .header("accept-encoding", "gzip")
        .json(&json!({ "query": "{ me { anonymous } }" }))
        .send()
        .await
        .unwrap();
    assert!(small.headers().get("content-encoding").is_none(), "a tiny answer is sent as it is");
    assert!(small.headers().get("cache-control").is_none(), "the public's answers may be cached");
}

/// Item 7: a lookup that fails nulls its own key (with its error) and keeps the rest; fields that
/// are always there are non-null; keys come back in the order asked.
#[tokio::test]
async fn a_failed_lookup_nulls_its_key_and_keys_keep_the_query_order() {
    let app = spawn_app().await;
    let office = app.token_for("office").await;
    let missing = chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::Unit, 424_242).0;
    let record = chengxin::graphql::ids::global_id(chengxin::graphql::ids::NodeType::CreditRecord, 424_242).0;
    let query = format!(
        "{{ zulu: units(first: 1) {{ totalCount }} lost: unit(id: \"{missing}\") {{ name }}
           gone: creditRecord(id: \"{record}\") {{ title }} alpha: me {{ role }} }}"
    );
    let response = app.post_json(Some(&office), &json!({ "query": query })).await;
    let text = response.text().await.unwrap();
    let body: serde_json::Value = serde_json::from_str(&text).unwrap();
    let data = body["data"].as_object().unwrap();
    assert!(data["lost"].is_null() && data["gone"].is_null(), "the keys stay, null: {body}");
    assert_eq!(body["data"]["alpha"]["role"], "CREDIT_OFFICE", "the rest is kept: {body}");
    let codes: Vec<&str> =
        body["errors"].as_array().unwrap().iter().filter_map(|e| e["extensions"]["code"].as_str()).collect();
    assert_eq!(codes, ["NOT_FOUND", "NOT_FOUND"], "{body}");
    let positions: Vec<usize> =
        ["\"zulu\"", "\"lost\"", "\"gone\"", "\"alpha\""].iter().map(|k| text.find(k).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "keys in query order: {text}");
    let sdl = chengxin::graphql::sdl();
    for always in ["\tunit: Unit!", "\ttargetUnit: Unit!", "\thandlingUnit: Unit!"] {
        assert!(sdl.contains(always), "{always}");
    }
    for lookup in ["): Unit\n", "): Official\n", "): CreditRecord\n", "): CreditCheck\n"] {
        assert!(sdl.contains(lookup), "a nullable lookup {lookup}");
    }
}

/// Item 13: GraphiQL needs no other host — the page names only this server's paths, its policy
/// forbids any other, and each asset it names is served, pinned and cached.
#[tokio::test]
async fn graphiql_is_served_whole_from_the_server() {
    let app = spawn_app().await;
    let page = app.client.get(format!("{}/graphql", app.address)).send().await.unwrap();
    let policy = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), "{policy}");
    let html = page.text().await.unwrap();
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("//unpkg"), "{html}");
    let assets: Vec<&str> = html.split('"').filter(|part| part.starts_with("/graphiql/")).collect();
    assert_eq!(assets.len(), 5, "{assets:?}");
    for asset in assets {
        let response = app.client.get(format!("{}{asset}", app.address)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{asset}");
        let cache = response.headers()["cache-control"].to_str().unwrap().to_owned();
        assert!(asset.ends_with("init.js") || cache.contains("immutable"), "{asset}: {cache}");
        assert!(!response.bytes().await.unwrap().is_empty());
    }
    let missing = app.client.get(format!("{}/graphiql/9.9.9/graphiql.min.js", app.address)).send().await.unwrap();
    assert_eq!(missing.status(), 404);
}
