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

    /// The message in `lang` (English for the file-level errors of `samrad check`, which an
    /// upload never meets).
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
    /// A number, so the catalogues can choose plural forms.
    Num(i64),
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
    pub fn num(mut self, name: &'static str, value: impl Into<i64>) -> Self {
        self.args.push((name, KitArg::Num(value.into())));
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
                    KitArg::Verbatim(s) => Arg::Str(s.clone()),
                    KitArg::Num(n) => Arg::from(*n),
                    KitArg::Text(t) => Arg::Str(t.render(lang)),
                };
                (*k, v)
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

    /// Records a problem at the start of `span`, told through the catalogues: English for
    /// `samrad check` and logs, the organiser's language on upload. Every rule reports this
    /// way, so no upload error is left in English.
    pub fn say(&mut self, span: Range<usize>, message: KitText, hint: Option<KitText>) {
        let (line, column) = line_col(self.source, span.start);
        self.errors.push(KitError {
            file: self.file.to_owned(),
            line,
            column,
            message: message.render(Lang::En),
            hint: hint.as_ref().map(|h| h.render(Lang::En)).unwrap_or_default(),
            localised: Some((message, hint)),
        });
    }

    /// `say` with a hint, the common case.
    pub fn hint(&mut self, span: Range<usize>, message: KitText, hint: KitText) {
        self.say(span, message, Some(hint));
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
    fn display_is_file_line_col_message_hint() {
        let e = KitError::whole_file("k.toml", "bad", "fix it");
        let e = KitError { line: 3, column: 7, ..e };
        assert_eq!(e.to_string(), "k.toml:3:7: bad (hint: fix it)");
    }
}
