//! Sentence splitting that knows the abbreviations our answers use ("f.eks.", "bl.a.",
//! "t.ex.", "e.g.") and treats lines and bullet points as sentences of their own.

/// Abbreviations (lowercase, without their final dot) after which a "." ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "f.eks", "eks", "bl.a", "bl", "evt", "ev", "ca", "dvs", "osv", "mht", "iht", "ift", "jf", "jfr", "nr", "pr", "mv",
    "ifm", "m.m", "t.ex", "ex", "s.k", "sk", "m.fl", "fl", "resp", "inkl", "exkl", "e.g", "i.e", "etc", "vs", "no",
    "dr", "prof", "st",
];

fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    for prefix in ["- ", "* ", "• ", "– ", "> "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    // "1. " / "2) "
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 3 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return r.trim_start();
        }
    }
    t
}

/// Does the text before a "." end in an abbreviation or a single letter?
fn ends_in_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let word = word.to_lowercase();
    let word = word.trim_start_matches('.');
    word.chars().count() == 1 && word.chars().all(char::is_alphabetic) || ABBREVIATIONS.contains(&word)
}

/// Splits one line into sentences.
fn split_line<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    let mut start = 0;
    let bytes: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (pos, c) = bytes[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j].1, '.' | '!' | '?' | '…' | '"' | '»' | '”' | ')') {
                j += 1;
            }
            let at_space = j < bytes.len() && bytes[j].1.is_whitespace();
            let next = bytes[j..].iter().map(|&(_, c)| c).find(|c| !c.is_whitespace());
            let starts_new =
                next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '«' | '“' | '('));
            let abbreviation = c == '.' && ends_in_abbreviation(&line[start..pos]);
            if at_space && starts_new && !abbreviation {
                let end = bytes.get(j).map_or(line.len(), |&(p, _)| p);
                let s = line[start..end].trim();
                if !s.is_empty() {
                    out.push(s);
                }
                start = end;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let s = line[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
}

/// The sentences of `text`, trimmed, bullets removed, in order.
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = strip_bullet(line);
        if !line.trim().is_empty() {
            split_line(line, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split_sentences("Vi har bl.a. ledermøter, f.eks. i mars. Neste år kommer mer."),
            ["Vi har bl.a. ledermøter, f.eks. i mars.", "Neste år kommer mer."]
        );
        assert_eq!(
            split_sentences("Chefer, t.ex. enhetschefer. Och politiker!"),
            ["Chefer, t.ex. enhetschefer.", "Och politiker!"]
        );
    }

    #[test]
    fn lines_and_bullets_are_sentences() {
        assert_eq!(
            split_sentences("Tiltak:\n- rekruttering\n- 2. opplæring\n1. ledermøter"),
            ["Tiltak:", "rekruttering", "2. opplæring", "ledermøter"]
        );
    }
}
