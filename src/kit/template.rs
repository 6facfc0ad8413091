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

    #[test]
    fn every_template_is_a_valid_kit_in_its_own_language_with_every_question_kind() {
        for language in super::super::validate::LANGUAGES {
            let (file, text) = template(language).expect("a template per language");
            let upload = parse_upload(text.as_bytes(), file).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(upload.kit.language, *language);
            for kind in QuestionKind::NAMES {
                assert!(upload.kit.questions.iter().any(|q| q.kind.name() == kind), "{file}: {kind}");
            }
        }
        assert!(template("de").is_none());
    }
}
