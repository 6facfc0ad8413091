//! The theme finder on the labelled sets in `benches/themes/`: every planted theme recovered,
//! concerns first, labels as written, quotes distinct.

use super::eval::{evaluate, EvalSet};
use super::*;

fn set(src: &str) -> EvalSet {
    toml::from_str(src).expect("evaluation set parses")
}

const SETS: &[(&str, &str)] = &[
    ("nb", include_str!("../../../../benches/themes/nb.toml")),
    ("sv", include_str!("../../../../benches/themes/sv.toml")),
    ("en", include_str!("../../../../benches/themes/en.toml")),
];

#[test]
fn every_planted_theme_is_recovered_on_every_set() {
    for (name, src) in SETS {
        let s = set(src);
        let (themes, score) = evaluate(&s);
        assert!(score.answers >= 30, "{name}: a set has 30+ answers");
        assert!(
            score.missed.is_empty(),
            "{name}: missed {:?}; found {:?}; other {}",
            score.missed,
            score.labels,
            themes.other.len()
        );
        assert!(score.purity >= 0.8, "{name}: purity {:.2}; found {:?}", score.purity, score.labels);
    }
}

#[test]
fn concerns_come_first_even_when_few_raise_them() {
    for (name, src) in SETS {
        let s = set(src);
        let (themes, _) = evaluate(&s);
        let first = &themes.themes[0];
        assert!(first.concern, "{name}: {:?}", themes.themes);
        let concern = s.themes.iter().find(|t| t.concern).expect("set plants a concern");
        assert!(concern.keys.iter().any(|k| first.label.to_lowercase().contains(&k.to_lowercase()[..5.min(k.len())])));
    }
}

#[test]
fn quotes_are_distinct_answers_from_their_own_theme() {
    for (name, src) in SETS {
        let (themes, _) = evaluate(&set(src));
        let mut quotes: Vec<usize> = themes.themes.iter().map(|t| t.quote).collect();
        for t in &themes.themes {
            assert!(t.answers.contains(&t.quote), "{name}: {t:?}");
        }
        quotes.sort_unstable();
        quotes.dedup();
        assert_eq!(quotes.len(), themes.themes.len(), "{name}");
    }
}

#[test]
fn labels_are_words_that_occur_in_the_answers() {
    for (name, src) in SETS {
        let s = set(src);
        let all: String = s
            .themes
            .iter()
            .flat_map(|t| t.answers.iter())
            .chain(s.other.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
            .to_lowercase();
        let (themes, _) = evaluate(&s);
        for t in &themes.themes {
            assert!(all.contains(&t.label.to_lowercase()), "{name}: label {:?} is not in the answers", t.label);
            assert!(t.label.split([' ', '-']).count() <= 3, "{name}: {:?}", t.label);
        }
    }
}

#[test]
fn same_answers_same_themes() {
    let s = set(SETS[0].1);
    assert_eq!(evaluate(&s).0, evaluate(&s).0);
}

#[test]
fn no_answers_no_themes() {
    let t = find_themes(&[], Some(Lang::Nb), &[]);
    assert!(t.themes.is_empty() && t.other.is_empty());
    let t = find_themes(&["", "42"], None, &[]);
    assert!(t.themes.is_empty());
    assert_eq!(t.other, [0, 1]);
}
