//! Suggestions for kit errors: the likely meant word for a typo ("titel" → "title"), the
//! English keyword for a Norwegian or Swedish one ("skala" → "scale"), or the list to choose
//! from, as catalogue hints (`kit-h-…`).

use super::error::KitText;

/// The candidate closest to `got` if it is close enough to be a likely typo
/// ("titel" → "title", "evalering" → "evaluation", "sporsmal" → nothing).
pub(crate) fn did_you_mean<'c>(got: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let got = got.trim().to_lowercase();
    candidates
        .iter()
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let len = lower.chars().count();
            let distance = edit_distance(&got, &lower);
            let allowed = if len <= 3 { 1 } else { (len / 3).max(2) };
            let shared_prefix = got.chars().zip(lower.chars()).take_while(|(a, b)| a == b).count();
            (distance <= allowed || shared_prefix >= 4).then_some((distance, *c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Norwegian and Swedish words organisers may write for the kit's English keywords.
const ALIASES: &[(&str, &str)] = &[
    ("fritekst", "free"),
    ("fritext", "free"),
    ("tekst", "free"),
    ("text", "free"),
    ("ja_nei", "yes_no"),
    ("ja/nei", "yes_no"),
    ("ja_nej", "yes_no"),
    ("ja/nej", "yes_no"),
    ("skala", "scale"),
    ("valg", "choice"),
    ("val", "choice"),
    ("flervalg", "choice"),
    ("tall", "number"),
    ("tal", "number"),
    ("nyckeltal", "number"),
    ("nøkkeltall", "number"),
    ("refleksjon", "reflection"),
    ("reflektion", "reflection"),
    ("evaluering", "evaluation"),
    ("utvärdering", "evaluation"),
    ("under", "during"),
    ("plenum", "plenary"),
    ("presentasjon", "presentation"),
    ("grupper", "breakout"),
    ("gruppearbeid", "breakout"),
    ("grupparbete", "breakout"),
    ("pause", "break"),
    ("paus", "break"),
    ("fika", "break"),
    ("lunsj", "break"),
    ("lunch", "break"),
    ("tilfeldig", "random"),
    ("slumpvis", "random"),
    ("roller", "roles"),
    ("rollgrupper", "roles"),
    ("rollegrupper", "roles"),
    ("enheter", "units"),
    ("blandet", "units"),
    ("blandad", "units"),
    ("samme-enhet", "same-unit"),
    ("samma-enhet", "same-unit"),
    ("par", "pairs"),
    ("kritiske-venner", "pairs"),
    ("kritiska-vanner", "pairs"),
    ("valgfri", "choose"),
    ("valfri", "choose"),
];

/// A hint for a keyword: the English one for a Norwegian or Swedish word, the closest
/// candidate, or the list of them all.
pub(crate) fn choose_hint(got: &str, candidates: &[&str]) -> KitText {
    let lower = got.trim().to_lowercase();
    let alias = ALIASES.iter().find(|(word, meant)| *word == lower && candidates.contains(meant));
    if let Some((_, meant)) = alias {
        return KitText::new("kit-h-keyword-english").arg("meant", *meant);
    }
    suggest(got, candidates, "kit-h-one-of", "kit-h-one-of")
}

/// A hint for a reference to something the kit does not have (a question, a plan): the
/// closest id, `none` when the kit has no such things, or `listed` with the ids it has
/// (`$ids`).
pub(crate) fn suggest(got: &str, known: &[&str], none: &'static str, listed: &'static str) -> KitText {
    match did_you_mean(got, known) {
        Some(close) => KitText::new("kit-h-did-you-mean").arg("close", close),
        None if known.is_empty() => KitText::new(none),
        None => KitText::new(listed).arg("ids", known.join(", ")),
    }
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// neighbours ("titel" → "title" is one edit).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_suggestion_and_strangers_do_not() {
        assert_eq!(did_you_mean("titel", &["id", "title", "language"]), Some("title"));
        assert_eq!(did_you_mean("sprak", &["id", "title", "language"]), None);
        assert_eq!(did_you_mean("ab", &["id", "title"]), None);
        assert_eq!(did_you_mean("evalering", &["reflection", "evaluation"]), Some("evaluation"));
        let hint = choose_hint("Skala", &["free", "scale"]).render(crate::i18n::Lang::En);
        assert_eq!(hint, "write `scale` (the kit's keywords are English)");
        assert_eq!(did_you_mean("yesno", &["free", "yes_no", "scale"]), Some("yes_no"));
    }
}
