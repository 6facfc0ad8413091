//! The guides' TOML examples, put together in order, are one valid kit in each language: an
//! organiser who copies them gets a kit that passes `check`, with every question kind and a
//! question of the day asked by an agenda item.

use super::*;
use crate::domain::{Phase, QuestionKind};

/// The ```toml blocks of `docs/guide-<lang>.md`, joined.
fn guide_kit(lang: &str) -> String {
    let path = format!("{}/docs/guide-{lang}.md", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("guide");
    let blocks: Vec<&str> =
        text.split("```toml\n").skip(1).map(|rest| rest.split("```").next().unwrap_or_default()).collect();
    blocks.join("\n")
}

#[test]
fn the_guides_examples_make_one_valid_kit_in_each_language() {
    for lang in ["nb", "sv", "en"] {
        let kit = parse_kit(&guide_kit(lang), &format!("guide-{lang}.md")).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(kit.language, lang);
        let kinds: Vec<&QuestionKind> = kit.questions.iter().map(|q| &q.kind).collect();
        assert!(kinds.contains(&&QuestionKind::Free) && kinds.contains(&&QuestionKind::YesNo), "{lang}");
        assert!(kinds.iter().any(|k| matches!(k, QuestionKind::Scale { .. })), "{lang}");
        assert!(kinds.iter().any(|k| matches!(k, QuestionKind::Choice { .. })), "{lang}");
        assert!(kinds.contains(&&QuestionKind::Number), "{lang}");
        let during: Vec<_> = kit.questions.iter().filter(|q| q.phase == Phase::During).map(|q| &q.id).collect();
        assert_eq!(during.len(), 2, "{lang}");
        let asked: Vec<_> = kit.agenda.iter().flat_map(|i| &i.ask).collect();
        assert_eq!(asked, during[..1], "{lang}: one question of the day asked by the agenda, one by /agenda ask");
    }
}
