//! argon2id password hashing.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};

use crate::error::AppError;

/// Hashes a password with argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::Internal(format!("argon2: {e}")))
}

/// True when `password` matches the stored PHC hash.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

/// A fixed hash to verify against when the username is unknown, so both failures cost the same.
pub fn decoy_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$W3Ok0rJLqUDvT6t9aTVaCCPMZ1ppm3VYRLq4t/3A8Ak"
}

/// At most this many hashes run at once in the whole process (one per core): hashing never
/// starves the executor, and at most this many argon2 buffers (19 MiB each) are alive.
fn hashing_permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS
        .get_or_init(|| tokio::sync::Semaphore::new(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2)))
}

/// Runs `work` on the blocking pool once a hashing permit is free.
async fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let _permit = hashing_permits().acquire().await.map_err(|e| AppError::Internal(format!("hashing permits: {e}")))?;
    tokio::task::spawn_blocking(work).await.map_err(|e| AppError::Internal(format!("hashing: {e}")))
}

/// [`verify_password`] on the bounded hashing pool.
pub async fn verify_password_bounded(password: String, stored_hash: String) -> Result<bool, AppError> {
    bounded(move || verify_password(&password, &stored_hash)).await
}

/// [`hash_password`] on the bounded hashing pool.
pub async fn hash_password_bounded(password: String) -> Result<String, AppError> {
    bounded(move || hash_password(&password)).await?
}
