//! Offline, deterministic summaries of answers and room notes in nb, sv and en.
//!
//! - [`keywords`]: the themes of a set of texts. Words are grouped by Snowball stem
//!   ("rekruttering", "rekrutteringen" → one theme) and shown in their most frequent written
//!   form. A theme scores by how many texts mention it (document frequency), a little by how
//!   often, and a little by word length; stop words and the words of the question itself
//!   (see [`keywords_with_context`]) are left out or damped, since every answer repeats them.
//! - [`summarise`]: an extractive summary: the sentences that carry most keyword weight,
//!   picked greedily so the next pick covers other themes, shown in their original order.
//!
//! Same input, same output: every ranking ends in a tie-break on position or text.

mod lang;
mod sentences;
pub mod themes;
mod tokens;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

pub use lang::{detect, detect_many, Lang};
pub use sentences::split_sentences;
pub use tokens::{is_stop_word, stop_words, tokenize};

use tokens::{StemCache, Token};

/// One theme: a stem and the form people wrote it in most often.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Keyword {
    /// The most frequent written form, lowercase unless it is an acronym ("UiO", "LIM").
    pub term: String,
    /// The Snowball stem that groups the forms.
    pub stem: String,
    /// Relative weight: the top keyword has 1.0.
    pub score: f64,
    /// How often it occurs in all texts.
    pub count: usize,
    /// In how many texts it occurs.
    pub texts: usize,
}

/// An extractive summary of a set of texts.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Summary {
    /// Chosen sentences, in the order they appear in the input.
    pub sentences: Vec<String>,
    pub keywords: Vec<Keyword>,
    pub lang: Option<Lang>,
}

/// Damping for words that the question (context) already uses.
const CONTEXT_DAMPING: f64 = 0.3;

#[derive(Debug, Default, Clone)]
struct StemStat {
    count: usize,
    texts: usize,
    /// Written forms and how often each occurs.
    forms: HashMap<String, usize>,
}

/// Texts broken into content words (stop words dropped) and counted per stem. Built once and
/// shared by keywords, summaries and the digest's representative answers.
#[derive(Debug)]
pub struct Analysis {
    pub lang: Option<Lang>,
    stems: StemCache,
    /// Content stem ids of each text, in order of occurrence.
    docs: Vec<Vec<u32>>,
    stats: Vec<StemStat>,
    /// Stem weights (before normalisation), by stem id.
    weights: Vec<f64>,
}

/// Is this token worth counting as a content word?
fn is_content(token: &Token<'_>, lower: &str, lang: Option<Lang>) -> bool {
    if !token.text.chars().any(char::is_alphabetic) {
        return false;
    }
    let len = token.text.chars().count();
    let long_enough = len >= 3 || (len == 2 && token.text.chars().all(char::is_uppercase));
    long_enough && !is_stop_word(lower, lang)
}

impl Analysis {
    /// Analyses `texts` in `lang` (detected from the texts when `None`). Words that occur in
    /// `context` (e.g. the question's text) are damped as themes.
    pub fn new(texts: &[&str], lang: Option<Lang>, context: &[&str]) -> Self {
        let lang = lang.or_else(|| detect_many(texts));
        let mut stems = StemCache::new(lang);
        let mut stats: Vec<StemStat> = Vec::new();
        let mut docs = Vec::with_capacity(texts.len());
        let mut seen_in_doc: Vec<usize> = Vec::new();
        for (doc_index, text) in texts.iter().enumerate() {
            let mut doc = Vec::new();
            for token in tokenize(text) {
                let lower = token.lower();
                if !is_content(&token, &lower, lang) {
                    continue;
                }
                let id = stems.stem_id(&lower) as usize;
                if id >= stats.len() {
                    stats.resize_with(id + 1, StemStat::default);
                    seen_in_doc.resize(id + 1, usize::MAX);
                }
                let stat = &mut stats[id];
                stat.count += 1;
                if seen_in_doc[id] != doc_index {
                    seen_in_doc[id] = doc_index;
                    stat.texts += 1;
                }
                match stat.forms.get_mut(token.text) {
                    Some(n) => *n += 1,
                    None => {
                        stat.forms.insert(token.text.to_owned(), 1);
                    }
                }
                doc.push(id as u32);
            }
            docs.push(doc);
        }
        let mut damped = vec![false; stats.len()];
        for text in context {
            for token in tokenize(text) {
                let lower = token.lower();
                if is_content(&token, &lower, lang) {
                    let id = stems.stem_id(&lower) as usize;
                    if id < damped.len() {
                        damped[id] = true;
                    }
                }
            }
        }
        let weights = stats
            .iter()
            .enumerate()
            .map(|(id, s)| {
                let len = stems.names[id].chars().count() as f64;
                let length_factor = (0.5 + 0.1 * len).min(1.0);
                let spread = s.texts as f64;
                let repeat = 1.0 + 0.3 * (s.count as f64 / spread).ln();
                let damping = if damped[id] { CONTEXT_DAMPING } else { 1.0 };
                spread * repeat * length_factor * damping
            })
            .collect();
        Self { lang, stems, docs, stats, weights }
    }

    /// How many texts were analysed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The form to show for a stem: the most frequent lowercase form; an acronym-like form
    /// ("UiO") when people mostly write it that way.
    fn display_form(&self, id: usize) -> String {
        let forms = &self.stats[id].forms;
        let mut lower: HashMap<String, usize> = HashMap::new();
        for (form, n) in forms {
            *lower.entry(form.to_lowercase()).or_default() += n;
        }
        let Some((best_lower, total)) =
            lower.into_iter().min_by(|a, b| b.1.cmp(&a.1).then(a.0.len().cmp(&b.0.len())).then(a.0.cmp(&b.0)))
        else {
            return self.stems.names[id].clone();
        };
        let acronym = forms
            .iter()
            .filter(|(f, _)| f.to_lowercase() == best_lower && f.chars().skip(1).any(char::is_uppercase))
            .min_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        match acronym {
            Some((form, n)) if n * 2 >= total => form.clone(),
            _ => best_lower,
        }
    }

    /// Stem ids ranked by weight, best first (ties: more occurrences, then stem text).
    fn ranked(&self) -> Vec<usize> {
        let mut ids: Vec<usize> = (0..self.stats.len()).collect();
        ids.sort_by(|&a, &b| {
            self.weights[b]
                .total_cmp(&self.weights[a])
                .then(self.stats[b].count.cmp(&self.stats[a].count))
                .then(self.stems.names[a].cmp(&self.stems.names[b]))
        });
        ids
    }

    /// The top `n` themes.
    pub fn keywords(&self, n: usize) -> Vec<Keyword> {
        let ranked = self.ranked();
        let top = ranked.first().map_or(1.0, |&id| self.weights[id]).max(f64::MIN_POSITIVE);
        ranked
            .into_iter()
            .take(n)
            .map(|id| Keyword {
                term: self.display_form(id),
                stem: self.stems.names[id].clone(),
                score: self.weights[id] / top,
                count: self.stats[id].count,
                texts: self.stats[id].texts,
            })
            .collect()
    }

    /// Texts ranked by how well they represent the top `k` themes (cosine similarity of the
    /// text's stem counts to the theme weights), best first; ties keep input order. Texts with
    /// no content words come last with similarity 0.
    pub fn representative_ranking(&self, k: usize) -> Vec<(usize, f64)> {
        let ranked = self.ranked();
        let mut centroid = vec![0.0f64; self.stats.len()];
        for &id in ranked.iter().take(k) {
            centroid[id] = self.weights[id];
        }
        let centroid_norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
        let mut counts: HashMap<u32, f64> = HashMap::new();
        let mut out: Vec<(usize, f64)> = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, doc)| {
                counts.clear();
                for &id in doc {
                    *counts.entry(id).or_default() += 1.0;
                }
                let norm = counts.values().map(|c| c * c).sum::<f64>().sqrt();
                if norm == 0.0 {
                    return (i, 0.0);
                }
                let dot: f64 = counts.iter().map(|(&id, c)| c * centroid[id as usize]).sum();
                (i, dot / (norm * centroid_norm))
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// Stem ids of a piece of text, using this analysis' language and stop words.
    fn stem_ids(&mut self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        for token in tokenize(text) {
            let lower = token.lower();
            if is_content(&token, &lower, self.lang) {
                ids.push(self.stems.stem_id(&lower));
            }
        }
        ids
    }
}

/// The top `n` themes of `texts`. `lang: None` detects the language from the texts.
pub fn keywords(texts: &[&str], lang: Option<Lang>, n: usize) -> Vec<Keyword> {
    Analysis::new(texts, lang, &[]).keywords(n)
}

/// Like [`keywords`], but words that occur in `context` (the question, the room's prompt) are
/// damped: answers repeat the question's words, which are no news to anyone.
pub fn keywords_with_context(texts: &[&str], lang: Option<Lang>, context: &[&str], n: usize) -> Vec<Keyword> {
    Analysis::new(texts, lang, context).keywords(n)
}

/// How many keywords a summary lists.
const SUMMARY_KEYWORDS: usize = 8;

/// An extractive summary of `texts` (answers, room notes) in at most `max_sentences`
/// sentences, plus its keywords and language.
pub fn summarise(texts: &[&str], max_sentences: usize) -> Summary {
    let mut analysis = Analysis::new(texts, None, &[]);
    let keywords = analysis.keywords(SUMMARY_KEYWORDS);

    struct Candidate {
        text: String,
        stems: Vec<u32>,
        first_in_text: bool,
    }
    let mut candidates = Vec::new();
    for text in texts {
        for (i, sentence) in split_sentences(text).into_iter().enumerate() {
            let stems = analysis.stem_ids(sentence);
            candidates.push(Candidate { text: sentence.to_owned(), stems, first_in_text: i == 0 });
        }
    }
    let mut weights = analysis.weights.clone();
    weights.resize(analysis.stems.names.len(), 0.0);

    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < max_sentences {
        let mut best: Option<(usize, f64)> = None;
        for (i, c) in candidates.iter().enumerate() {
            if chosen.contains(&i) || c.stems.is_empty() {
                continue;
            }
            if chosen.iter().any(|&j| candidates[j].text.eq_ignore_ascii_case(&c.text)) {
                continue;
            }
            let mut distinct = c.stems.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let mass: f64 = distinct.iter().map(|&id| weights[id as usize]).sum();
            let len = c.stems.len() as f64;
            let mut score = mass / len.sqrt();
            if c.first_in_text {
                score *= 1.15;
            }
            if c.stems.len() < 3 {
                score *= 0.6;
            }
            // Strictly greater: on a tie the earlier sentence wins.
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((i, score));
            }
        }
        let Some((i, _)) = best else { break };
        for &id in &candidates[i].stems {
            weights[id as usize] *= 0.3;
        }
        chosen.push(i);
    }
    chosen.sort_unstable();
    Summary {
        sentences: chosen.into_iter().map(|i| candidates[i].text.clone()).collect(),
        keywords,
        lang: analysis.lang,
    }
}
