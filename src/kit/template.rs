//! The commented starter kits `/kit template` hands out, one per language. They live in
//! `docs/templates/` so the guides can link them, and each must pass `samrad check`.

/// The starter kit in `language` (`nb`, `sv` or `en`), with its suggested file name.
pub fn template(language: &str) -> Option<(&'static str, &'static str)> {
    match language {
        "nb" => Some(("kit-nb.toml", include_str!("../../docs/templates/kit-nb.toml"))),
        "sv" => Some(("kit-sv.toml", include_str!("../../docs/templates/kit-sv.toml"))),
        "en" => Some(("kit-en.toml", include_str!("../../docs/templates/kit-en.toml"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::QuestionKind;
    use crate::kit::parse_upload;

    const STARTER_KINDS: [&str; 5] = ["free", "yes_no", "scale", "choice", "number"];

    #[test]
    fn every_template_is_a_valid_kit_in_its_own_language_with_every_starter_kind() {
        for language in super::super::validate::LANGUAGES {
            let (file, text) = template(language).expect("a template per language");
            let upload = parse_upload(text.as_bytes(), file).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(upload.kit.language, *language);
            // The starter kinds; a kind added later must be documented in docs/kit-format.md
            // (below) and may join the templates, which are starters, not the reference.
            for kind in STARTER_KINDS {
                assert!(upload.kit.questions.iter().any(|q| q.kind.name() == kind), "{file}: {kind}");
            }
        }
        assert!(template("de").is_none());
    }

    /// The reference organisers read: every kind in `QuestionKind::NAMES` has an annotated
    /// example (`# <kind>: ...` and, unless it is the default, `kind = "<kind>"`).
    #[test]
    fn the_kit_format_annotates_every_question_kind() {
        let doc = include_str!("../../docs/kit-format.md");
        let start = doc.find("### Question kinds, annotated").expect("the annotated section");
        let section = &doc[start..];
        let section = &section[..section[4..].find("\n##").map_or(section.len(), |end| end + 4)];
        for kind in QuestionKind::NAMES {
            assert!(section.contains(&format!("# {kind}")), "docs/kit-format.md: no annotated {kind}");
            assert!(kind == "free" || section.contains(&format!("kind = \"{kind}\"")), "{kind}");
        }
    }
}
