//! Text helpers for chat limits: split a long post into messages that fit (Discord allows
//! 2000 characters per message) and shorten a text to a preview, never cutting a word.
//!
//! Lengths are counted in `char`s (Unicode scalar values), which is how Discord counts
//! "æøå" too: one each.

/// Discord's limit for one message's content.
pub const DISCORD_MESSAGE_LIMIT: usize = 2000;

/// The boundaries we prefer to split at, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Paragraph,
    Line,
    Sentence,
    Word,
}

impl Level {
    fn finer(self) -> Option<Self> {
        match self {
            Self::Paragraph => Some(Self::Line),
            Self::Line => Some(Self::Sentence),
            Self::Sentence => Some(Self::Word),
            Self::Word => None,
        }
    }
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Splits `text` into pieces at `level`; each piece keeps the separator that follows it, so
/// the pieces concatenate back to `text` exactly.
fn pieces(text: &str, level: Level) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let cut_after = match level {
            // A blank line: "\n" followed by optional spaces and another "\n".
            Level::Paragraph if c == '\n' => {
                let mut j = i + 1;
                while j < chars.len() && chars[j].1 != '\n' && chars[j].1.is_whitespace() {
                    j += 1;
                }
                if j < chars.len() && chars[j].1 == '\n' {
                    // Swallow the whole run of blank lines into this piece.
                    let mut k = j + 1;
                    while k < chars.len() && chars[k].1.is_whitespace() {
                        k += 1;
                    }
                    i = k;
                    Some(chars.get(k).map_or(text.len(), |&(p, _)| p))
                } else {
                    None
                }
            }
            Level::Line if c == '\n' => {
                i += 1;
                Some(pos + 1)
            }
            Level::Sentence if matches!(c, '.' | '!' | '?' | '…') => {
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…' | '"' | '»' | ')') {
                    j += 1;
                }
                if j < chars.len() && chars[j].1.is_whitespace() {
                    while j < chars.len() && chars[j].1.is_whitespace() {
                        j += 1;
                    }
                    i = j;
                    Some(chars.get(j).map_or(text.len(), |&(p, _)| p))
                } else {
                    None
                }
            }
            Level::Word if c.is_whitespace() => {
                let mut j = i + 1;
                while j < chars.len() && chars[j].1.is_whitespace() {
                    j += 1;
                }
                i = j;
                Some(chars.get(j).map_or(text.len(), |&(p, _)| p))
            }
            _ => None,
        };
        match cut_after {
            Some(end) => {
                if end > start {
                    out.push(&text[start..end]);
                }
                start = end;
            }
            None => i += 1,
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Hard-splits a single over-long word into runs of `limit` characters.
fn hard_split(word: &str, limit: usize, out: &mut Vec<String>) {
    let mut current = String::new();
    let mut n = 0;
    for c in word.chars() {
        if n == limit {
            out.push(std::mem::take(&mut current));
            n = 0;
        }
        current.push(c);
        n += 1;
    }
    if !current.is_empty() {
        out.push(current);
    }
}

/// Packs `text` into chunks of at most `limit` characters, preferring `level` boundaries and
/// falling back to finer ones for a piece that does not fit on its own.
fn pack(text: &str, limit: usize, level: Level, out: &mut Vec<String>) {
    let mut current = String::new();
    let mut current_len = 0;
    for piece in pieces(text, level) {
        let len = char_len(piece);
        // Trailing whitespace may hang over the limit: it is trimmed when the chunk closes.
        let visible = char_len(piece.trim_end());
        if current_len + visible <= limit {
            current.push_str(piece);
            current_len += len;
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
            current_len = 0;
        }
        if visible <= limit {
            current.push_str(piece);
            current_len = len;
        } else {
            match level.finer() {
                Some(finer) => pack(piece, limit, finer, out),
                None => hard_split(piece.trim_end(), limit, out),
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
}

/// Splits `text` into messages of at most `limit` characters each (use
/// [`DISCORD_MESSAGE_LIMIT`] for Discord). Splits at paragraph breaks first, then line
/// breaks, then sentence ends, then between words; only a single word longer than `limit`
/// is cut. All non-whitespace text is kept, in order; whitespace at the edges of a part is
/// trimmed. Empty or blank text gives no parts. A `limit` of 0 is treated as 1.
pub fn split_message(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    let mut raw = Vec::new();
    pack(text, limit, Level::Paragraph, &mut raw);
    raw.into_iter().map(|part| part.trim().to_owned()).filter(|part| !part.is_empty()).collect()
}

/// Shortens `text` to at most `limit` characters, cutting between words and ending with "…".
/// Text that already fits is returned unchanged (trimmed). A single word longer than the
/// limit is cut inside the word.
pub fn truncate_words(text: &str, limit: usize) -> String {
    let text = text.trim();
    if char_len(text) <= limit {
        return text.to_owned();
    }
    if limit == 0 {
        return String::new();
    }
    // Room for the ellipsis.
    let budget = limit - 1;
    let mut end = 0; // byte index of the end of the last whole word within budget
    let mut prev_was_space = false;
    for (count, (pos, c)) in text.char_indices().enumerate() {
        if count == budget {
            if c.is_whitespace() {
                end = pos;
            }
            break;
        }
        if c.is_whitespace() && !prev_was_space {
            end = pos;
        }
        prev_was_space = c.is_whitespace();
    }
    let cut = if end == 0 {
        // One long first word: cut it.
        text.chars().take(budget).collect::<String>()
    } else {
        text[..end].to_owned()
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–'));
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn non_ws(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn short_text_is_one_message() {
        assert_eq!(split_message("Hei på deg", 2000), vec!["Hei på deg"]);
        assert!(split_message("  \n\n ", 2000).is_empty());
    }

    #[test]
    fn prefers_paragraph_breaks() {
        let text = "Første avsnitt om rekruttering.\n\nAndre avsnitt om ledermøter.";
        assert_eq!(split_message(text, 40), vec!["Første avsnitt om rekruttering.", "Andre avsnitt om ledermøter."]);
    }

    #[test]
    fn falls_back_to_lines_then_sentences_then_words() {
        let lines = "- punkt én\n- punkt to\n- punkt tre";
        assert_eq!(split_message(lines, 22), vec!["- punkt én\n- punkt to", "- punkt tre"]);
        let sentences = "Vi har en plan. Den følges opp årlig. Ledelsen eier den.";
        assert_eq!(split_message(sentences, 38), vec!["Vi har en plan. Den følges opp årlig.", "Ledelsen eier den."]);
        let words = "jämställdhetsintegrering är ledningens ansvar";
        assert_eq!(split_message(words, 30), vec!["jämställdhetsintegrering är", "ledningens ansvar"]);
    }

    #[test]
    fn counts_characters_not_bytes() {
        let text = "æøå ".repeat(10);
        let parts = split_message(&text, 8);
        assert!(parts.iter().all(|p| p.chars().count() <= 8), "{parts:?}");
        assert_eq!(parts[0], "æøå æøå");
    }

    #[test]
    fn hard_splits_only_a_word_longer_than_the_limit() {
        assert_eq!(split_message("abcdefghij kl", 4), vec!["abcd", "efgh", "ij", "kl"]);
    }

    #[test]
    fn truncate_cuts_between_words() {
        assert_eq!(truncate_words("kort", 10), "kort");
        assert_eq!(truncate_words("Vi jobber med rekruttering", 16), "Vi jobber med…");
        assert_eq!(truncate_words("Vi jobber, med rekruttering", 12), "Vi jobber…");
        assert_eq!(truncate_words("kjønnsbalanse", 6), "kjønn…");
        assert_eq!(truncate_words("abc def", 0), "");
    }

    proptest! {
        #[test]
        fn split_keeps_all_content_and_respects_the_limit(
            text in "([a-zæøåäö]{1,12}[ .,!?\n]{0,3}){0,60}",
            limit in 1usize..80,
        ) {
            let parts = split_message(&text, limit);
            for p in &parts {
                prop_assert!(p.chars().count() <= limit, "part {:?} over {}", p, limit);
                prop_assert!(!p.trim().is_empty());
            }
            prop_assert_eq!(non_ws(&parts.concat()), non_ws(&text));
        }

        #[test]
        fn split_never_cuts_a_word_that_fits(
            words in proptest::collection::vec("[a-zæøå]{1,10}", 1..40),
            seps in proptest::collection::vec(prop_oneof![Just(" "), Just("\n"), Just(". "), Just("\n\n")], 40),
            limit in 10usize..60,
        ) {
            let mut text = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 { text.push_str(seps[i]); }
                text.push_str(w);
            }
            let parts = split_message(&text, limit);
            let mut out_words: Vec<String> = Vec::new();
            for p in &parts {
                out_words.extend(p.split(|c: char| c.is_whitespace() || c == '.').filter(|w| !w.is_empty()).map(str::to_owned));
            }
            prop_assert_eq!(out_words, words);
        }

        #[test]
        fn truncate_fits_and_is_a_prefix(text in "[a-zæøå ,]{0,80}", limit in 0usize..40) {
            let t = truncate_words(&text, limit);
            prop_assert!(t.chars().count() <= limit);
            let body = t.trim_end_matches('…');
            prop_assert!(text.trim().starts_with(body));
        }
    }
}
