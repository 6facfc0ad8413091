//! Kit errors: every problem found in a kit file, with file, line, column and a hint for the
//! organiser who edits the TOML. `KitErrors` collects all of them so one `samrad check` run
//! shows everything that needs fixing.

use std::fmt;
use std::ops::Range;

use crate::i18n::{Arg, Lang};

/// One problem in one kit file. `line` and `column` are 1-based; problems that concern the
/// whole file (it cannot be read, a kit is missing) point at 1:1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// In English (`samrad check`, logs).
    pub message: String,
    pub hint: String,
    /// Message and hint as catalogue entries, when the problem has them: `/kit upload` tells
    /// the organiser in their own language.
    pub localised: Option<(KitText, Option<KitText>)>,
}

impl KitError {
    /// An error about the whole file (IO, lookup), located at 1:1.
    pub fn whole_file(file: &str, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self { file: file.to_owned(), line: 1, column: 1, message: message.into(), hint: hint.into(), localised: None }
    }

    /// The message in `lang` (English where the catalogues have no entry for it yet).
    pub fn message_in(&self, lang: Lang) -> String {
        self.localised.as_ref().map_or_else(|| self.message.clone(), |(m, _)| m.render(lang))
    }

    /// The hint in `lang` (empty: none).
    pub fn hint_in(&self, lang: Lang) -> String {
        match &self.localised {
            Some((_, Some(h))) => h.render(lang),
            Some((_, None)) => String::new(),
            None => self.hint.clone(),
        }
    }
}

/// A sentence of a kit error as a catalogue id (`locales/*/kits.ftl`, `kit-e-…`) and its
/// arguments; an argument can itself be a sentence (the place of an unknown key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitText {
    pub id: &'static str,
    pub args: Vec<(&'static str, KitArg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KitArg {
    /// Taken from the kit or the format as it is (keys, ids, TOML's own message).
    Verbatim(String),
    Text(KitText),
}

impl KitText {
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, KitArg::Verbatim(value.into())));
        self
    }
    pub fn text(mut self, name: &'static str, value: KitText) -> Self {
        self.args.push((name, KitArg::Text(value)));
        self
    }
    pub fn render(&self, lang: Lang) -> String {
        let args = self
            .args
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    KitArg::Verbatim(s) => s.clone(),
                    KitArg::Text(t) => t.render(lang),
                };
                (*k, Arg::Str(v))
            })
            .collect();
        crate::i18n::text(lang, self.id, args)
    }
}

impl fmt::Display for KitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)?;
        if !self.hint.is_empty() {
            write!(f, " (hint: {})", self.hint)?;
        }
        Ok(())
    }
}

/// All problems found, in file order (sorted by file, line, column).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KitErrors(pub Vec<KitError>);

impl KitErrors {
    pub fn one(error: KitError) -> Self {
        Self(vec![error])
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn iter(&self) -> std::slice::Iter<'_, KitError> {
        self.0.iter()
    }
    pub(crate) fn sort(&mut self) {
        self.0.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    }
}

impl fmt::Display for KitErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for KitErrors {}

impl IntoIterator for KitErrors {
    type Item = KitError;
    type IntoIter = std::vec::IntoIter<KitError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Collects errors for one source file and turns byte offsets into line:column.
pub(crate) struct Sink<'a> {
    file: &'a str,
    source: &'a str,
    pub errors: Vec<KitError>,
}

impl<'a> Sink<'a> {
    pub fn new(file: &'a str, source: &'a str) -> Self {
        Self { file, source, errors: Vec::new() }
    }

    /// Records a problem at the start of `span`.
    pub fn at(&mut self, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) {
        let (line, column) = line_col(self.source, span.start);
        self.errors.push(KitError {
            file: self.file.to_owned(),
            line,
            column,
            message: message.into(),
            hint: hint.into(),
            localised: None,
        });
    }

    /// Records a problem told through the catalogues: English here, the organiser's language
    /// on upload.
    pub fn say(&mut self, span: Range<usize>, message: KitText, hint: Option<KitText>) {
        let english = (message.render(Lang::En), hint.as_ref().map(|h| h.render(Lang::En)).unwrap_or_default());
        self.at(span, english.0, english.1);
        if let Some(last) = self.errors.last_mut() {
            last.localised = Some((message, hint));
        }
    }

    /// The collected errors in file order.
    pub fn into_errors(self) -> KitErrors {
        let mut errors = KitErrors(self.errors);
        errors.sort();
        errors
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

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

/// A hint naming the closest candidate, or listing them all.
pub(crate) fn choose_hint(got: &str, candidates: &[&str]) -> String {
    let lower = got.trim().to_lowercase();
    let alias = ALIASES.iter().find(|(word, meant)| *word == lower && candidates.contains(meant));
    if let Some((_, meant)) = alias {
        return format!("write `{meant}` (the kit's keywords are English)");
    }
    match did_you_mean(got, candidates) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!("use one of: {}", candidates.join(", ")),
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
    fn line_and_column_are_one_based_and_count_characters() {
        let src = "a = 1\nø = \"x\"\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        // after "ø = " (ø is two bytes)
        assert_eq!(line_col(src, 11), (2, 5));
    }

    #[test]
    fn typos_get_a_suggestion_and_strangers_do_not() {
        assert_eq!(did_you_mean("titel", &["id", "title", "language"]), Some("title"));
        assert_eq!(did_you_mean("sprak", &["id", "title", "language"]), None);
        assert_eq!(did_you_mean("ab", &["id", "title"]), None);
        assert_eq!(did_you_mean("evalering", &["reflection", "evaluation"]), Some("evaluation"));
        assert_eq!(choose_hint("Skala", &["free", "scale"]), "write `scale` (the kit's keywords are English)");
        assert_eq!(did_you_mean("yesno", &["free", "yes_no", "scale"]), Some("yes_no"));
    }

    #[test]
    fn display_is_file_line_col_message_hint() {
        let e = KitError::whole_file("k.toml", "bad", "fix it");
        let e = KitError { line: 3, column: 7, ..e };
        assert_eq!(e.to_string(), "k.toml:3:7: bad (hint: fix it)");
    }
}
