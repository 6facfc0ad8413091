//! Which language a set of answers is written in: nb, sv or en.
//!
//! Answers are short ("Rekruttering og ledermøter."), where statistical detectors guess
//! wildly between the Scandinavian languages. So we vote first with cheap, strong evidence —
//! function words that only one of the three languages has ("og"/"och"/"and",
//! "ikke"/"inte"/"not") and letters only one of them uses (æ ø vs ä ö) — and ask `whatlang`
//! (restricted to nb, sv, da, en; Danish counts as nb) only when the vote is a tie.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::tokens::{stop_words, tokenize};

/// The summariser knows the languages samrad speaks: their stop words and Snowball stemmers.
pub use crate::domain::lang::Lang;

/// Position of a language in the per-language tables below.
trait LangIndex {
    fn index(self) -> usize;
}

impl LangIndex for Lang {
    fn index(self) -> usize {
        match self {
            Self::Nb => 0,
            Self::Sv => 1,
            Self::En => 2,
        }
    }
}

/// Stop words that belong to one language only: the strongest cheap evidence there is.
fn markers() -> &'static [HashSet<&'static str>; 3] {
    static MARKERS: OnceLock<[HashSet<&'static str>; 3]> = OnceLock::new();
    MARKERS.get_or_init(|| {
        let only = |lang: Lang| {
            let others: Vec<&HashSet<&'static str>> =
                Lang::ALL.iter().filter(|&&l| l != lang).map(|&l| stop_words(l)).collect();
            stop_words(lang)
                .iter()
                .copied()
                // Short abbreviations ("a", "e", "t") say little about the language.
                .filter(|w| w.chars().count() > 1)
                .filter(|w| others.iter().all(|o| !o.contains(w)))
                .collect()
        };
        [only(Lang::Nb), only(Lang::Sv), only(Lang::En)]
    })
}

/// Votes for each language: marker words, plus the letters only nb (æ ø) or sv (ä ö) use.
fn votes(text: &str) -> [usize; 3] {
    let markers = markers();
    let mut votes = [0usize; 3];
    for token in tokenize(text) {
        let lower = token.lower();
        for lang in Lang::ALL {
            if markers[lang.index()].contains(lower.as_str()) {
                votes[lang.index()] += 1;
            }
        }
    }
    for c in text.chars() {
        match c {
            'æ' | 'ø' | 'Æ' | 'Ø' => votes[Lang::Nb.index()] += 1,
            'ä' | 'ö' | 'Ä' | 'Ö' => votes[Lang::Sv.index()] += 1,
            _ => {}
        }
    }
    votes
}

fn whatlang_guess(text: &str) -> Option<Lang> {
    use whatlang::{Detector, Lang as W};
    let detector = Detector::with_allowlist(vec![W::Nob, W::Dan, W::Swe, W::Eng]);
    match detector.detect_lang(text)? {
        W::Nob | W::Dan => Some(Lang::Nb),
        W::Swe => Some(Lang::Sv),
        W::Eng => Some(Lang::En),
        _ => None,
    }
}

/// The language of one text, or `None` when there is no evidence at all (e.g. "LIM", "42").
pub fn detect(text: &str) -> Option<Lang> {
    let votes = votes(text);
    let best = *votes.iter().max().unwrap_or(&0);
    let leaders: Vec<Lang> = Lang::ALL.into_iter().filter(|l| votes[l.index()] == best).collect();
    if best > 0 && leaders.len() == 1 {
        return Some(leaders[0]);
    }
    let guess = whatlang_guess(text)?;
    // On a tie, whatlang may only pick among the leaders.
    (best == 0 || leaders.contains(&guess)).then_some(guess)
}

/// The language of a set of texts (e.g. all answers to one question): the votes of all of
/// them together. Large sets are sampled (the first 200 texts) so this stays cheap.
pub fn detect_many(texts: &[&str]) -> Option<Lang> {
    let mut total = [0usize; 3];
    let mut sample = String::new();
    for text in texts.iter().take(200) {
        let v = votes(text);
        for i in 0..3 {
            total[i] += v[i];
        }
        if sample.len() < 4000 {
            sample.push_str(text);
            sample.push('\n');
        }
    }
    let best = *total.iter().max().unwrap_or(&0);
    let leaders: Vec<Lang> = Lang::ALL.into_iter().filter(|l| total[l.index()] == best).collect();
    if best > 0 && leaders.len() == 1 {
        return Some(leaders[0]);
    }
    let guess = whatlang_guess(&sample)?;
    (best == 0 || leaders.contains(&guess)).then_some(guess)
}
