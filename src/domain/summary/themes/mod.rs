//! Themes of the answers to one question: groups of answers that share a key phrase, each
//! with a readable label as people wrote it, its answers and one representative quote.
//! Answers that fit no theme are "other".
//!
//! The method is a greedy key-phrase cover, chosen over k-means or agglomerative clustering
//! of TF-IDF vectors because it names its groups by construction (a label that occurs in the
//! answers, never a centroid), needs no number of clusters, is deterministic, and runs in time
//! linear in the answers (a big meeting's 1 700 answers to one question in a few ms):
//!
//! 1. Every answer becomes a set of features ([`features`]): stems of its content words, the
//!    stems of the parts of nb/sv compounds, and two-word phrases.
//! 2. Concerns an organiser must never miss ([`concerns`]) are taken first, from one answer up.
//! 3. Then, repeatedly, the stem found in most answers not yet in a theme seeds a theme of
//!    those answers. Stems that mostly occur together with the seed (synonyms and companions,
//!    "utlysninger" with "rekruttering") bring their other answers along. Stems of the
//!    question itself never seed a theme: every answer repeats them.
//! 4. A theme stops being worth naming below a minimum number of answers.
//!
//! Labels: the seed's most frequent written form, or a two-word phrase with it when most of
//! the theme's answers use that phrase ("seksuell trakassering").

mod concerns;
pub mod eval;
mod features;
mod label;
#[cfg(test)]
mod tests;

use super::lang::{detect_many, Lang};
use features::{Feature, Features};

pub use concerns::is_concern_word;

/// One theme of the answers to a question.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Theme {
    /// A key phrase of one or two words as people wrote it (lowercase unless an acronym).
    pub label: String,
    /// The answers in this theme (indices into the input), ascending.
    pub answers: Vec<usize>,
    /// The answer that shows the theme best (an index into the input).
    pub quote: usize,
    /// A concern an organiser must not miss (harassment, discrimination, whistleblowing).
    pub concern: bool,
}

/// The themes of a set of answers. Every answer is in at most one theme; the rest are `other`.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Themes {
    /// Concerns first, then by size.
    pub themes: Vec<Theme>,
    /// Answers in no theme, ascending.
    pub other: Vec<usize>,
    pub lang: Option<Lang>,
}

/// How many themes a question gets at most, besides concerns.
pub const MAX_THEMES: usize = 6;
/// How many concern themes at most (each concern answer is still counted in one of them).
const MAX_CONCERNS: usize = 3;

/// Fewest answers a theme needs (concerns need one): two, or 4 % of a large set.
fn min_support(answers: usize) -> usize {
    (answers / 25).max(2)
}

/// A companion stem joins the seed's theme when at least this share of its open answers
/// already are in the theme, and it occurs in at least this share of the theme's answers.
const COMPANION_SHARE: f64 = 0.66;
const COMPANION_SPREAD: f64 = 0.3;

/// Finds the themes of `texts` in `lang` (detected when `None`); words of `context` (the
/// question) never name a theme. Same input, same output.
pub fn find_themes(texts: &[&str], lang: Option<Lang>, context: &[&str]) -> Themes {
    let lang = lang.or_else(|| detect_many(texts));
    let f = Features::new(texts, lang, context);
    let mut open: Vec<bool> = f.docs.iter().map(|d| !d.is_empty()).collect();
    let mut gain = vec![0u32; f.features.len()];
    let mut themes: Vec<(Theme, Vec<u32>)> = Vec::new();
    let mut concerns = 0;
    // Counted once, then kept up to date as answers join themes: recounting every answer per
    // theme was most of a big meeting's digest.
    count_open(&f, &open, &mut gain);
    loop {
        let concern_seed = if concerns < MAX_CONCERNS { best_seed(&f, &gain, true) } else { None };
        let concern_phase = concern_seed.is_some();
        let Some(seed) = concern_seed.or_else(|| best_seed(&f, &gain, false)) else { break };
        let general = themes.len() - concerns;
        if !concern_phase && (general == MAX_THEMES || (gain[seed] as usize) < min_support(texts.len())) {
            break;
        }
        let mut members: Vec<u32> = f.postings[seed].iter().copied().filter(|&d| open[d as usize]).collect();
        let companions = companions(&f, &gain, seed, &members, concern_phase);
        for &c in &companions {
            members.extend(f.postings[c as usize].iter().copied().filter(|&d| open[d as usize]));
        }
        members.sort_unstable();
        members.dedup();
        for &d in &members {
            open[d as usize] = false;
            for &x in &f.docs[d as usize] {
                gain[x as usize] -= 1;
            }
        }
        let mut keys = vec![seed as u32];
        keys.extend(companions);
        let label = label::label(&f, texts, seed as u32, &members);
        let answers = members.iter().map(|&d| d as usize).collect();
        themes.push((Theme { label, answers, quote: 0, concern: concern_phase }, keys));
        if concern_phase {
            concerns += 1;
        }
    }
    let mut quoted: Vec<&str> = Vec::new();
    for (theme, keys) in &mut themes {
        theme.quote = quote(&f, texts, &theme.answers, keys, &quoted);
        quoted.push(texts[theme.quote].trim());
    }
    let mut themes: Vec<Theme> = themes.into_iter().map(|(t, _)| t).collect();
    // Concerns first (they are found first), then the larger themes; ties keep discovery order.
    themes.sort_by(|a, b| b.concern.cmp(&a.concern).then(b.answers.len().cmp(&a.answers.len())));
    let mut in_theme = vec![false; texts.len()];
    for t in &themes {
        for &a in &t.answers {
            in_theme[a] = true;
        }
    }
    let other = (0..texts.len()).filter(|&i| !in_theme[i]).collect();
    Themes { themes, other, lang }
}

/// For each feature, in how many open answers it occurs.
fn count_open(f: &Features, open: &[bool], gain: &mut [u32]) {
    gain.fill(0);
    for (d, set) in f.docs.iter().enumerate() {
        if open[d] {
            for &x in set {
                gain[x as usize] += 1;
            }
        }
    }
}

/// The stem in most open answers (concern stems only, or all but the question's); ties go to
/// the stem that reads better (longer), then to the one seen first.
fn best_seed(f: &Features, gain: &[u32], concern: bool) -> Option<usize> {
    let mut best: Option<(usize, u32, usize)> = None;
    for (id, feature) in f.features.iter().enumerate() {
        let Feature::Stem(_) = feature else { continue };
        if gain[id] == 0 || f.context[id] || f.background[id] || f.concern[id] != concern {
            continue;
        }
        let len = f.written_len[id];
        let better = match best {
            None => true,
            Some((_, g, l)) => gain[id] > g || (gain[id] == g && len > l),
        };
        if better {
            best = Some((id, gain[id], len));
        }
    }
    best.map(|(id, _, _)| id)
}

/// Stems that mostly occur in the seed's answers: their other open answers join the theme.
fn companions(f: &Features, gain: &[u32], seed: usize, members: &[u32], concern: bool) -> Vec<u32> {
    let mut co = vec![0u32; f.features.len()];
    for &d in members {
        for &x in &f.docs[d as usize] {
            co[x as usize] += 1;
        }
    }
    let min_co = if concern { 1 } else { 2 };
    let mut out = Vec::new();
    for (id, feature) in f.features.iter().enumerate() {
        if id == seed || co[id] < min_co || f.context[id] || f.background[id] || !matches!(feature, Feature::Stem(_)) {
            continue;
        }
        // A concern stem only joins a concern theme, and a concern theme takes only concerns.
        if f.concern[id] != concern {
            continue;
        }
        let rest = gain[id] - co[id];
        let share = f64::from(co[id]) / f64::from(gain[id]);
        let spread = f64::from(co[id]) / members.len() as f64;
        if rest > 0 && share >= COMPANION_SHARE && (concern || spread >= COMPANION_SPREAD) {
            out.push(id as u32);
        }
    }
    out
}

/// The answer that shows the theme best: most of the theme's key stems for its length, not
/// already quoted for another theme (ties: the earlier answer).
fn quote(f: &Features, texts: &[&str], answers: &[usize], keys: &[u32], quoted: &[&str]) -> usize {
    let mut best: Option<(usize, f64)> = None;
    for &a in answers {
        let doc = &f.docs[a];
        let hits: f64 = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| doc.binary_search(k).is_ok())
            .map(|(i, _)| if i == 0 { 2.0 } else { 1.0 })
            .sum();
        let len = f.lengths[a].max(4) as f64;
        let score = hits / len.sqrt();
        // Comparing texts is the dear part: only for an answer that would win.
        if best.is_none_or(|(_, s)| score > s) && !quoted.contains(&texts[a].trim()) {
            best = Some((a, score));
        }
    }
    best.map_or(answers[0], |(a, _)| a)
}
