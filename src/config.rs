//! Settings, layered: built-in defaults < `samrad.toml` (or `--config FILE`) < environment
//! (`SAMRAD_DISCORD_TOKEN`, `SAMRAD_DISCORD_API_BASE`, `SAMRAD_DB`, `SAMRAD_KITS`,
//! `SAMRAD_TICK_SECONDS`, `SAMRAD_LLM_URL`, `SAMRAD_PRIVACY_SECRET`, `SAMRAD_PRIVACY_SECRET_FILE`).
//! The token and the privacy secret are never printed.

use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordSection {
    /// Kept as a plain string only while deserialising; `Config::token` wraps it.
    #[serde(default, skip_serializing)]
    pub token: Option<String>,
    /// Another Discord-compatible server, e.g. `http://127.0.0.1:PORT` (tests).
    #[serde(default)]
    pub api_base: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSection {
    /// `sqlite:PATH` or a plain path. Default: `samrad.db` in the user's data directory.
    pub url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KitsSection {
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchedulerSection {
    /// How often due work is checked.
    pub tick_seconds: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummarySection {
    /// Optional OpenAI-compatible endpoint for summaries; offline summaries when unset.
    #[serde(default)]
    pub llm_url: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacySection {
    /// The key under which anonymous answers are stored (64+ hex digits). Every process
    /// sharing a database needs the same one. Kept as a plain string only while
    /// deserialising; `secret::author_secret` wraps it.
    #[serde(default, skip_serializing)]
    pub secret: Option<String>,
    /// Where the secret is generated on first start when `secret` is unset. Default:
    /// `samrad.secret` beside the default database.
    #[serde(default)]
    pub secret_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub discord: DiscordSection,
    pub database: DatabaseSection,
    pub kits: KitsSection,
    pub scheduler: SchedulerSection,
    #[serde(default)]
    pub summary: SummarySection,
    #[serde(default)]
    pub privacy: PrivacySection,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Invalid(#[from] Box<figment::Error>),
    #[error("no Discord token: set SAMRAD_DISCORD_TOKEN or discord.token in samrad.toml")]
    MissingToken,
    #[error("configuration: scheduler.tick_seconds must be between 1 and 3600 (got {0})")]
    BadTick(u64),
}

/// The default database: `samrad.db` in the platform's data directory (e.g.
/// `~/.local/share/samrad/`), falling back to the working directory.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "samrad")
        .map(|d| d.data_dir().join("samrad.db"))
        .unwrap_or_else(|| PathBuf::from("samrad.db"))
}

impl Default for Config {
    fn default() -> Self {
        Self {
            discord: DiscordSection::default(),
            database: DatabaseSection { url: format!("sqlite:{}", default_db_path().display()) },
            kits: KitsSection { dir: PathBuf::from("prompts") },
            scheduler: SchedulerSection { tick_seconds: 20 },
            summary: SummarySection::default(),
            privacy: PrivacySection::default(),
        }
    }
}

impl Config {
    /// Loads defaults < `file` (if it exists) < `SAMRAD_*` environment variables.
    pub fn load(file: &Path) -> Result<Self, ConfigError> {
        Self::from_figment(Figment::from(Serialized::defaults(Config::default())).merge(Toml::file(file)))
    }

    fn from_figment(base: Figment) -> Result<Self, ConfigError> {
        let env = Env::prefixed("SAMRAD_").map(|key| {
            match key.as_str().to_ascii_lowercase().as_str() {
                "discord_token" => "discord.token",
                "discord_api_base" => "discord.api_base",
                "db" => "database.url",
                "kits" => "kits.dir",
                "tick_seconds" => "scheduler.tick_seconds",
                "llm_url" => "summary.llm_url",
                "privacy_secret" => "privacy.secret",
                "privacy_secret_file" => "privacy.secret_file",
                _ => "unknown",
            }
            .into()
        });
        let env = env.filter(|k| k != "unknown");
        let config: Config = base.merge(env).extract().map_err(Box::new)?;
        if !(1..=3600).contains(&config.scheduler.tick_seconds) {
            return Err(ConfigError::BadTick(config.scheduler.tick_seconds));
        }
        Ok(config)
    }

    /// The bot token, required by `samrad run`.
    pub fn token(&self) -> Result<SecretString, ConfigError> {
        match self.discord.token.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => Ok(SecretString::from(t.to_owned())),
            _ => Err(ConfigError::MissingToken),
        }
    }
}

#[cfg(test)]
// figment's Jail returns its own large error type; that is its API, not ours.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn file_values_override_defaults_and_env_overrides_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("samrad.toml", "[kits]\ndir = \"kits\"\n[database]\nurl = \"sqlite:file.db\"\n")?;
            jail.set_env("SAMRAD_DB", "sqlite:env.db");
            let c = Config::load(Path::new("samrad.toml")).expect("config");
            assert_eq!(c.kits.dir, PathBuf::from("kits"));
            assert_eq!(c.database.url, "sqlite:env.db");
            assert_eq!(c.scheduler.tick_seconds, 20);
            Ok(())
        });
    }

    #[test]
    fn a_missing_token_is_a_clear_error_and_a_token_is_never_printed() {
        figment::Jail::expect_with(|jail| {
            let c = Config::load(Path::new("none.toml")).expect("config");
            assert!(matches!(c.token(), Err(ConfigError::MissingToken)));
            jail.set_env("SAMRAD_DISCORD_TOKEN", "secret-token-value");
            let c = Config::load(Path::new("none.toml")).expect("config");
            let token = c.token().expect("token");
            assert!(!format!("{token:?}").contains("secret-token-value"));
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("samrad.toml", "[kits]\ndirr = \"x\"\n")?;
            let err = Config::load(Path::new("samrad.toml")).expect_err("unknown key");
            assert!(err.to_string().contains("dirr"), "{err}");
            Ok(())
        });
    }
}
