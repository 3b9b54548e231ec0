//! Secrets: a wrapper that never prints, and the demo secret kept (mode 0600) beside the SQLite
//! file.

use std::{fmt, path::PathBuf};

use crate::error::StartupError;

/// A secret string: `Debug` and `Display` print a placeholder, never the value.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that needs it (signing, verifying).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The demo secret lives in `<sqlite file>.secret` (or `.chengxin-secret` for other databases).
pub(super) fn demo_secret(database_url: &str) -> Result<Secret, StartupError> {
    let path = sqlite_path(database_url)
        .map(|p| PathBuf::from(format!("{}.secret", p.display())))
        .unwrap_or_else(|| PathBuf::from(".chengxin-secret"));
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if existing.trim().len() >= 32 {
            return Ok(Secret::new(existing.trim()));
        }
    }
    let fresh = crate::auth::random_secret();
    write_private(&path, &fresh).map_err(|e| StartupError::Config(format!("cannot write demo secret: {e}")))?;
    Ok(Secret::new(fresh))
}

/// Writes a file only its owner may read (mode 0600 on Unix).
fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    #[cfg(unix)]
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    file.write_all(contents.as_bytes())
}

/// The file behind a `sqlite://` URL, if it is one.
pub fn sqlite_path(database_url: &str) -> Option<PathBuf> {
    let rest = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:"))?;
    let file = rest.split('?').next().unwrap_or(rest);
    (!file.is_empty() && file != ":memory:").then(|| PathBuf::from(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_secret_file_is_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("demo.db").display());
        let secret = demo_secret(&url).unwrap();
        let path = dir.path().join("demo.db.secret");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), secret.expose());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(demo_secret(&url).unwrap().expose(), secret.expose(), "kept across restarts");
    }
}
