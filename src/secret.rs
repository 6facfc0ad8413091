//! The privacy secret (the key of anonymous answers' author keys): from the configuration
//! (`privacy.secret`, `SAMRAD_PRIVACY_SECRET`), else read from `privacy.secret_file`, else
//! generated there on first start (32 random bytes from the operating system, hex, readable by
//! the owner only) and read from it on every later start. Losing it only means members can no
//! longer edit, see (`/my-data`) or delete (`/forget-me`) their earlier anonymous answers.

use std::io::Write;
use std::path::{Path, PathBuf};

use rand::RngCore;

use crate::config::Config;
use crate::domain::privacy::AuthorSecret;

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("privacy secret: {0}")]
    Invalid(String),
    #[error("privacy secret file {path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
}

/// The default secret file: `samrad.secret` beside the default database.
pub fn default_secret_file() -> PathBuf {
    crate::config::default_db_path().with_file_name("samrad.secret")
}

/// The configured secret, or the one in the secret file (made on first start).
pub fn author_secret(config: &Config) -> Result<AuthorSecret, SecretError> {
    if let Some(hex) = config.privacy.secret.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return parse(hex);
    }
    let path = config.privacy.secret_file.clone().unwrap_or_else(default_secret_file);
    load_or_create(&path)
}

fn parse(hex: &str) -> Result<AuthorSecret, SecretError> {
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| hex.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect::<Option<Vec<u8>>>()
        .filter(|_| hex.len() % 2 == 0)
        .ok_or_else(|| SecretError::Invalid("expected hexadecimal digits".into()))?;
    AuthorSecret::new(bytes).map_err(|e| SecretError::Invalid(e.to_string()))
}

/// Reads the secret at `path`, creating it first when missing.
pub fn load_or_create(path: &Path) -> Result<AuthorSecret, SecretError> {
    let file_error = |source| SecretError::File { path: path.to_owned(), source };
    match std::fs::read_to_string(path) {
        Ok(text) => return parse(text.trim()),
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(file_error(e)),
        Err(_) => {}
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(file_error)?;
    }
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(mut file) => {
            file.write_all(hex.as_bytes()).and_then(|()| file.sync_all()).map_err(file_error)?;
            tracing::info!(path = %path.display(), "privacy secret generated");
            parse(&hex)
        }
        // Another process created it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            parse(std::fs::read_to_string(path).map_err(file_error)?.trim())
        }
        Err(e) => Err(file_error(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{GuildId, MeetingId, UserId};

    #[test]
    fn the_secret_is_generated_once_and_read_back_on_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("samrad.secret");
        let first = load_or_create(&path).unwrap();
        let again = load_or_create(&path).unwrap();
        let key = |s: &AuthorSecret| s.author_key(GuildId(1), MeetingId(1), UserId(1));
        assert_eq!(key(&first), key(&again));
        assert_eq!(std::fs::read_to_string(&path).unwrap().len(), 64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn a_configured_secret_wins_and_a_bad_one_is_a_clear_error() {
        let mut config = Config::default();
        config.privacy.secret = Some("ab".repeat(32));
        assert!(author_secret(&config).is_ok());
        config.privacy.secret = Some("xyz".into());
        assert!(author_secret(&config).unwrap_err().to_string().contains("hexadecimal"));
        config.privacy.secret = Some("ab".repeat(8));
        assert!(author_secret(&config).unwrap_err().to_string().contains("at least 32"));
    }
}
