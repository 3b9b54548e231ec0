//! Apollo's automatic persisted queries: a client sends only the SHA-256 of a query it sent
//! before; unknown to us, the answer is `PERSISTED_QUERY_NOT_FOUND` and the client sends the
//! query with its hash once, which we check and keep. The cache is bounded (least recently used
//! queries go first) and shared by all callers: a query text is no secret, and every request
//! still passes the policy.

use std::{num::NonZeroUsize, sync::Mutex};

use async_graphql::{ErrorExtensionValues, Request, ServerError, Value};
use lru::LruCache;
use sha2::{Digest, Sha256};

/// How many queries are kept.
const CAPACITY: usize = 2_000;

/// The persisted queries, by the hex SHA-256 of their text.
pub struct PersistedQueries(Mutex<LruCache<String, String>>);

impl Default for PersistedQueries {
    fn default() -> Self {
        let capacity = NonZeroUsize::new(CAPACITY).unwrap_or(NonZeroUsize::MIN);
        Self(Mutex::new(LruCache::new(capacity)))
    }
}

fn refused(code: &str, message: &str) -> ServerError {
    let mut error = ServerError::new(message, None);
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", Value::from(code));
    error.extensions = Some(extensions);
    error
}

impl PersistedQueries {
    /// The request with its query text: as sent, or found by its hash. Requests without the
    /// `persistedQuery` extension pass unchanged.
    pub fn resolve(&self, mut request: Request) -> Result<Request, ServerError> {
        // Taken off the request: once resolved, a request passes again unchanged (GET resolves
        // before its read-only check, then runs like any other).
        let Some(Value::Object(persisted)) = request.extensions.remove("persistedQuery") else { return Ok(request) };
        if persisted.get("version") != Some(&Value::from(1)) {
            return Err(refused("BAD_REQUEST", "persisted query version not supported (only 1)"));
        }
        let Some(Value::String(hash)) = persisted.get("sha256Hash").cloned() else {
            return Err(refused("BAD_REQUEST", "persistedQuery needs its sha256Hash"));
        };
        let hash = hash.to_ascii_lowercase();
        let mut cache = self.0.lock().map_err(|_| refused("INTERNAL", "internal error"))?;
        if request.query.is_empty() {
            let Some(query) = cache.get(&hash) else {
                // Apollo Client matches this message as well as the code.
                return Err(refused("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"));
            };
            request.query = query.clone();
            return Ok(request);
        }
        if hex::encode(Sha256::digest(request.query.as_bytes())) != hash {
            return Err(refused("BAD_REQUEST", "provided sha does not match query"));
        }
        cache.put(hash, request.query.clone());
        Ok(request)
    }
}
