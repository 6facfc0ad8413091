//! Optional LLM summaries. Offline, deterministic summaries are always computed first; when
//! `summary.llm_url` is set, an OpenAI-compatible `/v1/chat/completions` endpoint may replace
//! them. Any failure (connection, status, malformed reply, the 10 s timeout) keeps the offline
//! result, so a meeting never waits on or breaks because of the model.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use crate::i18n::Lang;

/// How long the model may take before the offline summary is used.
pub const LLM_TIMEOUT: Duration = Duration::from_secs(10);
/// At most this much text goes to the model (the rest is left out, not summarised).
const MAX_INPUT_CHARS: usize = 24_000;

/// What is being summarised; the model gets a matching instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The notes of one breakout room, for the summary posted back to plenary.
    Room,
    /// Members' free-text answers, for the organisers' digest.
    Digest,
}

/// Makes summaries. `offline` is the deterministic result; implementations return it whenever
/// they cannot do better.
#[async_trait]
pub trait Summariser: Send + Sync {
    async fn summarise(&self, purpose: Purpose, lang: Lang, texts: &[String], offline: String) -> String;
}

/// Always the offline summary (the default).
#[derive(Debug, Clone, Copy, Default)]
pub struct Offline;

#[async_trait]
impl Summariser for Offline {
    async fn summarise(&self, _: Purpose, _: Lang, _: &[String], offline: String) -> String {
        offline
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("the model took longer than {0:?}")]
    Timeout(Duration),
    #[error("status {0}")]
    Status(u16),
    #[error("unexpected reply: {0}")]
    Reply(String),
}

/// An OpenAI-compatible chat-completions endpoint.
#[derive(Debug, Clone)]
pub struct LlmSummariser {
    client: reqwest::Client,
    endpoint: String,
    model: String,
    timeout: Duration,
}

impl LlmSummariser {
    /// `url` is the endpoint itself (`…/chat/completions`) or its base (`http://host:8080`,
    /// `…/v1`). The model name defaults to `default` (servers hosting one model ignore it).
    pub fn new(url: &str) -> Self {
        let url = url.trim().trim_end_matches('/');
        let endpoint = if url.ends_with("/chat/completions") {
            url.to_owned()
        } else if url.ends_with("/v1") {
            format!("{url}/chat/completions")
        } else {
            format!("{url}/v1/chat/completions")
        };
        Self { client: reqwest::Client::new(), endpoint, model: "default".into(), timeout: LLM_TIMEOUT }
    }

    pub fn with_model(mut self, model: impl Into<String>) -> Self {
        self.model = model.into();
        self
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    fn instruction(purpose: Purpose, lang: Lang) -> String {
        let language = match lang {
            Lang::Nb => "Norwegian (bokmål)",
            Lang::Sv => "Swedish",
            Lang::En => "English",
        };
        let what = match purpose {
            Purpose::Room => "the notes a breakout group wrote during a meeting, for the plenary",
            Purpose::Digest => "members' answers to reflection questions before a meeting, for its organisers",
        };
        format!(
            "Summarise {what}. Write in {language}, plain text, at most five sentences. \
             Do not name people. Do not add anything that is not in the text."
        )
    }

    /// Asks the model once. Errors are returned for logging; callers fall back.
    pub async fn ask(&self, purpose: Purpose, lang: Lang, texts: &[String]) -> Result<String, LlmError> {
        let mut input = String::new();
        for t in texts {
            if input.chars().count() + t.chars().count() > MAX_INPUT_CHARS {
                break;
            }
            input.push_str(t.trim());
            input.push_str("\n---\n");
        }
        let body = serde_json::json!({
            "model": self.model,
            "temperature": 0.2,
            "messages": [
                {"role": "system", "content": Self::instruction(purpose, lang)},
                {"role": "user", "content": input},
            ],
        });
        let request = self
            .client
            .post(&self.endpoint)
            .timeout(self.timeout)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string())
            .send();
        let response = tokio::time::timeout(self.timeout, async {
            let response = request.await?;
            let status = response.status();
            let bytes = response.bytes().await?;
            Ok::<_, LlmError>((status, bytes))
        })
        .await
        .map_err(|_| LlmError::Timeout(self.timeout))??;
        let (status, bytes) = response;
        if !status.is_success() {
            return Err(LlmError::Status(status.as_u16()));
        }
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| LlmError::Reply(e.to_string()))?;
        let content = value
            .pointer("/choices/0/message/content")
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .ok_or_else(|| LlmError::Reply("no choices[0].message.content".into()))?;
        Ok(content.to_owned())
    }
}

#[async_trait]
impl Summariser for LlmSummariser {
    async fn summarise(&self, purpose: Purpose, lang: Lang, texts: &[String], offline: String) -> String {
        if texts.iter().all(|t| t.trim().is_empty()) {
            return offline;
        }
        match self.ask(purpose, lang, texts).await {
            Ok(summary) => summary,
            Err(e) => {
                tracing::warn!(error = %e, endpoint = %self.endpoint, "LLM summary failed; using the offline summary");
                offline
            }
        }
    }
}

/// The summariser for `summary.llm_url`: an [`LlmSummariser`] when it is set, else [`Offline`].
/// `main` builds it once and hands it to the adapters, like the store.
pub fn from_config(llm_url: Option<&str>) -> Arc<dyn Summariser> {
    match llm_url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) => Arc::new(LlmSummariser::new(url)),
        None => Arc::new(Offline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_is_found_from_a_base_or_a_full_url() {
        assert_eq!(LlmSummariser::new("http://h:1").endpoint(), "http://h:1/v1/chat/completions");
        assert_eq!(LlmSummariser::new("http://h:1/v1/").endpoint(), "http://h:1/v1/chat/completions");
        assert_eq!(LlmSummariser::new("http://h/x/chat/completions").endpoint(), "http://h/x/chat/completions");
    }
}
