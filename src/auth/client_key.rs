//! A client's address as a keyed hash (HMAC-SHA256 under the server secret, per purpose): enough
//! to count a client's attempts per hour, without storing or logging the address.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::{config::Secret, error::AppError};

/// The key under which `address`'s attempts at `purpose` (e.g. `login`) are counted.
pub fn client_key(secret: &Secret, purpose: &str, address: &str) -> Result<String, AppError> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()).map_err(|e| AppError::Internal(e.to_string()))?;
    mac.update(purpose.as_bytes());
    mac.update(b"-client:");
    mac.update(address.as_bytes());
    Ok(hex::encode(mac.finalize().into_bytes()))
}
