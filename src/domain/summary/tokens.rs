//! Words: splitting text into tokens, stop words per language, Snowball stems.

use std::collections::HashSet;

use foldhash::HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::lang::Lang;

/// One word as written, with its place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offset in the source text.
    pub start: usize,
}

impl Token<'_> {
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// "UiO", "LIM", "HR": written with a capital after the first letter.
    pub fn is_acronym_like(&self) -> bool {
        self.text.chars().skip(1).any(char::is_uppercase)
    }
}

/// Words are runs of letters and digits; everything else (spaces, punctuation, hyphens,
/// apostrophes) separates them. "LIM-emner" gives "LIM" and "emner".
pub fn tokenize(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = next_boundary(text, pos, true)?;
        pos = next_boundary(text, start, false).unwrap_or(text.len());
        Some(Token { text: &text[start..pos], start })
    })
}

/// The byte offset of the first character from `from` that is (`word`) or is not part of a
/// word. Most text is ASCII, which is decided per byte; other characters are decoded.
fn next_boundary(text: &str, from: usize, word: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next()?;
            (c.is_alphanumeric(), c.len_utf8())
        };
        if is_word == word {
            return Some(i);
        }
        i += len;
    }
    None
}

fn parse_list(src: &'static str) -> HashSet<&'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// The stop words of one language (lowercase).
pub fn stop_words(lang: Lang) -> &'static HashSet<&'static str> {
    static NB: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static SV: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static EN: OnceLock<HashSet<&'static str>> = OnceLock::new();
    match lang {
        Lang::Nb => NB.get_or_init(|| parse_list(include_str!("stopwords/nb.txt"))),
        Lang::Sv => SV.get_or_init(|| parse_list(include_str!("stopwords/sv.txt"))),
        Lang::En => EN.get_or_init(|| parse_list(include_str!("stopwords/en.txt"))),
    }
}

/// Is `lower` a stop word? With no known language, a word is one if any list has it.
pub fn is_stop_word(lower: &str, lang: Option<Lang>) -> bool {
    match lang {
        Some(lang) => stop_words(lang).contains(lower),
        None => Lang::ALL.iter().any(|&l| stop_words(l).contains(lower)),
    }
}

fn stemmer(lang: Lang) -> &'static Stemmer {
    static NB: OnceLock<Stemmer> = OnceLock::new();
    static SV: OnceLock<Stemmer> = OnceLock::new();
    static EN: OnceLock<Stemmer> = OnceLock::new();
    match lang {
        Lang::Nb => NB.get_or_init(|| Stemmer::create(Algorithm::Norwegian)),
        Lang::Sv => SV.get_or_init(|| Stemmer::create(Algorithm::Swedish)),
        Lang::En => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
    }
}

/// Stems each distinct word once: answer sets repeat a small vocabulary many times.
#[derive(Debug, Default)]
pub struct StemCache {
    lang: Option<Lang>,
    stems: HashMap<String, u32>,
    /// Stem text by id.
    pub names: Vec<String>,
    by_name: HashMap<String, u32>,
}

impl StemCache {
    pub fn new(lang: Option<Lang>) -> Self {
        Self { lang, ..Self::default() }
    }

    /// The stem id of a lowercase word. Without a language the word is its own stem.
    pub fn stem_id(&mut self, lower: &str) -> u32 {
        if let Some(&id) = self.stems.get(lower) {
            return id;
        }
        let stem = match self.lang {
            Some(lang) => stemmer(lang).stem(lower).into_owned(),
            None => lower.to_owned(),
        };
        let next = self.names.len() as u32;
        let id = *self.by_name.entry(stem.clone()).or_insert(next);
        if id == next {
            self.names.push(stem);
        }
        self.stems.insert(lower.to_owned(), id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_on_punctuation_and_hyphens() {
        let words: Vec<&str> = tokenize("LIM-emner, (f.eks. ledermøter) – 2024!").map(|t| t.text).collect();
        assert_eq!(words, ["LIM", "emner", "f", "eks", "ledermøter", "2024"]);
    }

    #[test]
    fn norwegian_list_has_the_everyday_words() {
        for w in ["og", "ikke", "det", "som", "på", "hvordan", "hva", "vi", "dere", "enhetens"] {
            assert!(is_stop_word(w, Some(Lang::Nb)), "{w}");
        }
        for w in ["rekruttering", "ledermøter", "mangfold", "likestilling"] {
            assert!(!is_stop_word(w, Some(Lang::Nb)), "{w}");
        }
    }

    #[test]
    fn swedish_and_english_lists_have_the_everyday_words() {
        for w in ["och", "inte", "att", "är", "vad", "hur", "vilka", "också"] {
            assert!(is_stop_word(w, Some(Lang::Sv)), "{w}");
        }
        for w in ["jämställdhet", "chefer", "nyckeltal", "uppföljning"] {
            assert!(!is_stop_word(w, Some(Lang::Sv)), "{w}");
        }
        for w in ["the", "and", "not", "which"] {
            assert!(is_stop_word(w, Some(Lang::En)), "{w}");
        }
    }

    #[test]
    fn inflections_share_a_stem() {
        let mut nb = StemCache::new(Some(Lang::Nb));
        assert_eq!(nb.stem_id("rekruttering"), nb.stem_id("rekrutteringen"));
        let mut sv = StemCache::new(Some(Lang::Sv));
        assert_eq!(sv.stem_id("chefer"), sv.stem_id("cheferna"));
    }
}
