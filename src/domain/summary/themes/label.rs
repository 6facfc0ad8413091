//! A theme's label: words as people wrote them, never a bare stem. The seed stem's most
//! frequent written form ("trakassering"), a compound that contains it when the stem is only
//! ever part of compounds ("varslingsrutiner"), or a two-word phrase with it when most of the
//! theme's answers use that phrase ("seksuell trakassering").

use foldhash::{HashMap, HashMapExt};

use super::features::{Feature, Features, Word};

fn display(w: &Word) -> &str {
    match &w.acronym_form {
        Some(form) if w.acronym_count >= w.plain_count => form,
        _ => &w.lower,
    }
}

/// Picks the most frequent candidate; ties go to the shorter, then alphabetically first.
fn most_frequent(counts: HashMap<String, usize>) -> Option<String> {
    counts
        .into_iter()
        .min_by(|a, b| b.1.cmp(&a.1).then(a.0.chars().count().cmp(&b.0.chars().count())).then(a.0.cmp(&b.0)))
        .map(|(s, _)| s)
}

pub(super) fn label(f: &Features, texts: &[&str], seed: u32, members: &[u32]) -> String {
    let Feature::Stem(stem) = f.features[seed as usize] else { return String::new() };
    let with_seed: Vec<u32> =
        members.iter().copied().filter(|&d| f.docs[d as usize].binary_search(&seed).is_ok()).collect();

    // Two-word phrases, counted once per answer: one most of the theme uses names it best
    // ("universell utforming" for a theme seeded by "utformet"). Counted by the pair of
    // written words (and whether a hyphen joins them), which names one text exactly: only
    // the candidates are spelled out, not every pair of every answer.
    let mut pairs: HashMap<(u32, u32, bool), usize> = HashMap::new();
    let mut seen: Vec<(u32, u32, bool)> = Vec::new();
    for &d in members {
        let occ = &f.occurrences[d as usize];
        seen.clear();
        for pair in occ.windows(2) {
            let (a, b) = (&f.words[pair[0].word as usize], &f.words[pair[1].word as usize]);
            if !pair[1].joined || !a.content || !b.content || a.stem == b.stem {
                continue;
            }
            let Some(&id) = f.ids.get(&Feature::Phrase(a.stem, b.stem)) else { continue };
            if f.context[id as usize] {
                continue;
            }
            let hyphen = texts[d as usize][pair[0].end as usize..pair[1].start as usize].contains('-');
            let key = (pair[0].word, pair[1].word, hyphen);
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
        for &key in &seen {
            *pairs.entry(key).or_default() += 1;
        }
    }
    let phrases: HashMap<String, usize> = pairs
        .into_iter()
        .map(|((a, b, hyphen), n)| {
            let (a, b) = (&f.words[a as usize], &f.words[b as usize]);
            (format!("{}{}{}", display(a), if hyphen { "-" } else { " " }, display(b)), n)
        })
        .collect();
    if let Some(best) = most_frequent(phrases.clone()) {
        let n = phrases[&best];
        if n >= 2 && n * 2 >= members.len() {
            return best;
        }
    }

    // The seed's most frequent written form, over all answers.
    let mut forms: HashMap<String, usize> = HashMap::new();
    let mut compounds: HashMap<String, usize> = HashMap::new();
    for &d in &with_seed {
        for o in &f.occurrences[d as usize] {
            let w = &f.words[o.word as usize];
            if w.stem == stem && w.content {
                *forms.entry(display(w).to_owned()).or_default() += 1;
            } else if w.parts.contains(&stem) {
                *compounds.entry(display(w).to_owned()).or_default() += 1;
            }
        }
    }
    if forms.is_empty() {
        // Written only inside compounds here: a standalone form from any answer reads best.
        for occ in &f.occurrences {
            for o in occ {
                let w = &f.words[o.word as usize];
                if w.stem == stem && w.content {
                    *forms.entry(display(w).to_owned()).or_default() += 1;
                }
            }
        }
    }
    most_frequent(forms).or_else(|| most_frequent(compounds)).unwrap_or_default()
}
