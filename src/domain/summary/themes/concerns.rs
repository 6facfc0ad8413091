//! Words of concerns an organiser must never miss, however few answers raise them:
//! harassment, bullying, discrimination, racism, threats, whistleblowing and retaliation.
//! A theme built on one of them is listed first and needs only one answer.
//!
//! Roots are matched inside a lowercase word, so inflections and compounds match too
//! ("trakasseringssaken", "varslingsrutiner", "kränkande", "harassed"). Roots that would
//! match ordinary words ("hets" in "jämställdhetsarbete") match only at the word's start.

/// Matched anywhere in a word (nb, sv, en together: the roots do not collide).
const INFIX: &[&str] = &[
    // nb
    "trakasser",
    "mobb",
    "varsl",
    "rasism",
    "overgrep",
    "hersketeknikk",
    "netthets",
    "gjengjeld",
    // sv
    "kränk",
    "diskrimin",
    "visselblås",
    "repressal",
    "övergrepp",
    "härskarteknik",
    "utfrys",
    "ofredande",
    // en
    "harass",
    "bully",
    "bulli",
    "discriminat",
    "whistleblow",
    "retaliat",
    "racis",
    "victimis",
    "victimiz",
    "misconduct",
    "intimidat",
];

/// Matched at the start of a word only.
const PREFIX: &[&str] = &["hets", "trussel", "trusl", "hot", "rasist", "abuse", "abusive", "threat"];

/// Words that start with a prefix root but are not concerns.
const NOT: &[&str] = &["hotell", "hotel", "hotspot"];

/// Is this lowercase word a concern word?
pub fn is_concern_word(lower: &str) -> bool {
    if INFIX.iter().any(|r| lower.contains(r)) {
        return true;
    }
    if NOT.iter().any(|n| lower.starts_with(n)) {
        return false;
    }
    PREFIX.iter().any(|r| {
        lower.starts_with(r)
            // "hot" is a threat in sv ("hot", "hoten", "hotet", "hotfull"), not "hotspot"
            && (*r != "hot" || lower.len() <= 7 || lower.starts_with("hotfull"))
    })
}

#[cfg(test)]
mod tests {
    use super::is_concern_word;

    #[test]
    fn concern_words_match_in_inflections_and_compounds() {
        for w in
            ["trakassering", "trakasseringssaker", "varslingsrutinene", "kränkande", "harassed", "hoten", "mobbing"]
        {
            assert!(is_concern_word(w), "{w}");
        }
        for w in ["jämställdhetsarbete", "hotellet", "rekruttering", "likestilling", "hotspot"] {
            assert!(!is_concern_word(w), "{w}");
        }
    }
}
