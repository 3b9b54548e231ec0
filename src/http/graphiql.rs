//! GraphiQL from the server itself: the page and its assets (vendored in `assets/graphiql/`,
//! pinned, with their licences), so it works on a government intranet that reaches no CDN. The
//! page's Content-Security-Policy lets it load nothing from any other host.

use axum::{
    extract::Path,
    http::{header, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Response},
};

const GRAPHIQL_VERSION: &str = "3.8.3";
const REACT_VERSION: &str = "18.3.1";

/// Every asset: its path under `/graphiql/`, its type and its bytes.
const ASSETS: [(&str, &str, &[u8]); 5] = [
    ("3.8.3/graphiql.min.js", "text/javascript", include_bytes!("../../assets/graphiql/graphiql.min.js")),
    ("3.8.3/graphiql.min.css", "text/css", include_bytes!("../../assets/graphiql/graphiql.min.css")),
    (
        "18.3.1/react.production.min.js",
        "text/javascript",
        include_bytes!("../../assets/graphiql/react.production.min.js"),
    ),
    (
        "18.3.1/react-dom.production.min.js",
        "text/javascript",
        include_bytes!("../../assets/graphiql/react-dom.production.min.js"),
    ),
    ("init.js", "text/javascript", include_bytes!("../../assets/graphiql/init.js")),
];

/// Scripts and styles from this server only; fonts and images inline (data:); requests to this
/// server only.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/// The GraphiQL page.
pub fn page() -> Response {
    let html = format!(
        r#"<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>Chengxin 诚信 — GraphiQL</title>
<link rel="stylesheet" href="/graphiql/{GRAPHIQL_VERSION}/graphiql.min.css">
<style>body {{ margin: 0; }} #graphiql {{ height: 100vh; }}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/{REACT_VERSION}/react.production.min.js"></script>
<script src="/graphiql/{REACT_VERSION}/react-dom.production.min.js"></script>
<script src="/graphiql/{GRAPHIQL_VERSION}/graphiql.min.js"></script>
<script src="/graphiql/init.js"></script>
</body>
</html>
"#
    );
    let mut response = Html(html).into_response();
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY));
    response
}

/// `GET /graphiql/{*asset}`: one of the vendored files, cached for a year (the path names its
/// version), or 404.
pub async fn asset(Path(path): Path<String>) -> Response {
    let Some((_, content_type, bytes)) = ASSETS.iter().find(|(name, ..)| *name == path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let cache = if path == "init.js" { "no-cache" } else { "public, max-age=31536000, immutable" };
    ([(header::CONTENT_TYPE, *content_type), (header::CACHE_CONTROL, cache)], *bytes).into_response()
}
