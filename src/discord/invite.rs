//! `samrad invite`: the OAuth2 link that adds the bot to a server with the scopes and the exact
//! permissions it needs (`access::invite_permissions`). The application id comes from
//! `--application-id`, or from Discord itself (`GET /oauth2/applications/@me` with the token).

use secrecy::{ExposeSecret, SecretString};
use serenity::all::HttpBuilder;

use super::access;

/// The OAuth2 scopes: the bot user, and its slash commands.
pub const SCOPES: [&str; 2] = ["bot", "applications.commands"];

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("Discord refused the token (HTTP {0}); copy it again from the developer portal's Bot page")]
    TokenRefused(u16),
    #[error("could not ask Discord for the application id: {0}; pass --application-id instead")]
    Unreachable(String),
}

/// The link an owner of a server opens to add samrad.
pub fn invite_url(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope={}&permissions={}",
        SCOPES.join("%20"),
        access::invite_permissions().bits()
    )
}

/// The bot's application id, asked of Discord (or of `api_base`, a Discord-compatible server).
pub async fn application_id(token: &SecretString, api_base: Option<&str>) -> Result<u64, InviteError> {
    let mut http = HttpBuilder::new(token.expose_secret());
    if let Some(base) = api_base {
        http = http.proxy(base.trim_end_matches('/')).ratelimiter_disabled(true);
    }
    match http.build().get_current_application_info().await {
        Ok(app) => Ok(app.id.get()),
        Err(serenity::Error::Http(serenity::all::HttpError::UnsuccessfulRequest(e)))
            if matches!(e.status_code.as_u16(), 401 | 403) =>
        {
            Err(InviteError::TokenRefused(e.status_code.as_u16()))
        }
        Err(e) => Err(InviteError::Unreachable(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_names_the_application_both_scopes_and_the_permissions_integer() {
        let url = invite_url(123);
        assert_eq!(
            url,
            "https://discord.com/oauth2/authorize?client_id=123&scope=bot%20applications.commands&permissions=288476176"
        );
    }
}
