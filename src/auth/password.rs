//! argon2id password hashing.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};

use std::sync::{mpsc, Arc, Mutex, OnceLock};

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

type HashingJob = Box<dyn FnOnce() + Send>;

/// A fixed pool of hashing threads, one per core, fed through a queue: hashing never starves the
/// executor, and at most one argon2 buffer (19 MiB) per thread is ever alive. Long-lived threads
/// also reuse their memory, where short-lived blocking threads would each leave a freed buffer
/// in their own malloc arena.
fn hashing_pool() -> &'static Mutex<mpsc::Sender<HashingJob>> {
    static POOL: OnceLock<Mutex<mpsc::Sender<HashingJob>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (sender, receiver) = mpsc::channel::<HashingJob>();
        let receiver = Arc::new(Mutex::new(receiver));
        for n in 0..std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2) {
            let receiver = receiver.clone();
            let spawned = std::thread::Builder::new().name(format!("password-hashing-{n}")).spawn(move || loop {
                let job = match receiver.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                match job {
                    Ok(job) => job(),
                    Err(_) => return,
                }
            });
            if let Err(error) = spawned {
                tracing::error!(%error, "cannot start a password hashing thread");
            }
        }
        Mutex::new(sender)
    })
}

/// Runs `work` on the hashing pool and waits for its answer.
async fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: HashingJob = Box::new(move || {
        let _ = answer.send(work());
    });
    hashing_pool()
        .lock()
        .map_err(|_| AppError::Internal("hashing pool poisoned".into()))?
        .send(job)
        .map_err(|_| AppError::Internal("hashing pool stopped".into()))?;
    answered.await.map_err(|_| AppError::Internal("hashing job dropped".into()))
}

/// [`verify_password`] on the bounded hashing pool.
pub async fn verify_password_bounded(password: String, stored_hash: String) -> Result<bool, AppError> {
    bounded(move || verify_password(&password, &stored_hash)).await
}

/// [`hash_password`] on the bounded hashing pool.
pub async fn hash_password_bounded(password: String) -> Result<String, AppError> {
    bounded(move || hash_password(&password)).await?
}
