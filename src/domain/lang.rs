//! The languages samrad speaks, reads and summarises: a domain value, so the domain (the
//! summariser's language detection, a meeting's language) needs no catalogue. `i18n` turns
//! it into sentences.

/// The languages samrad speaks (and summarises).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
pub enum Lang {
    /// Norwegian bokmål (Discord's locale code is `no`).
    Nb,
    /// Swedish (`sv-SE`).
    Sv,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Sv, Lang::En];

    /// Understands kit languages (`nb`, `sv`, `en`) and Discord locales (`no`, `sv-SE`, `en-GB`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_lowercase();
        match primary.as_str() {
            // Danish and nynorsk are close enough to bokmål for stemming and for reading.
            "nb" | "no" | "nn" | "nob" | "da" => Some(Lang::Nb),
            "sv" | "swe" => Some(Lang::Sv),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first language of `codes` samrad speaks, else English.
    pub fn pick<'a>(codes: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        codes.into_iter().flatten().find_map(Lang::from_code).unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Discord's locale code for command localisations.
    pub fn discord_locale(self) -> &'static str {
        match self {
            Lang::Nb => "no",
            Lang::Sv => "sv-SE",
            Lang::En => "en-US",
        }
    }
}
