//! Kits uploaded from Discord: bytes of unknown origin → validated `Kit`. Before the parser
//! sees anything, the bytes must be small, text, UTF-8 and shallow; then the text is checked
//! exactly like `samrad check` does. Every refusal is a typed problem the Discord adapter
//! renders in the organiser's language.

use super::error::{line_col, KitErrors};
use super::parse::parse_kit;
use super::raw::KIT_KEYS;
use crate::domain::kit::Kit;

/// The largest kit accepted (the biggest shipped kit is about 12 KiB).
pub const MAX_KIT_BYTES: usize = 256 * 1024;
/// Kits are shallow (top → `[[questions]]` → `options` → text is four levels); anything much
/// deeper is not a kit, and a parser or deserializer recursing through it could overflow the
/// stack.
pub const MAX_DEPTH: usize = 16;

/// Why an uploaded file is not stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadProblem {
    #[error("the file has {bytes} bytes; a kit may have at most {MAX_KIT_BYTES}")]
    TooLarge { bytes: usize },
    #[error("the file is empty")]
    Empty,
    /// Binary data: a recognised format, or just binary.
    #[error("the file is not text ({what:?})")]
    NotText { what: Binary },
    #[error("the file is not UTF-8 text ({line}:{column})")]
    NotUtf8 { line: usize, column: usize },
    #[error("the file is nested more than {MAX_DEPTH} levels deep ({line}:{column})")]
    TooDeep { line: usize, column: usize },
    /// TOML, but with none of a kit's keys (e.g. a `Cargo.toml`).
    #[error("the file is TOML but not a meeting kit")]
    NotAKit,
    /// A kit with errors, each with line, column and hint.
    #[error("{0}")]
    Invalid(KitErrors),
}

/// What a binary upload looks like, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    Png,
    Jpeg,
    Gif,
    Pdf,
    /// ZIP, and so Word/Excel/OpenDocument files.
    Zip,
    Gzip,
    Other,
}

impl Binary {
    /// Spelled for message ids (`kit-what-png`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Jpeg => "jpeg",
            Self::Gif => "gif",
            Self::Pdf => "pdf",
            Self::Zip => "zip",
            Self::Gzip => "gzip",
            Self::Other => "binary",
        }
    }
}

/// An uploaded kit that passed every check, with the text to store (a UTF-8 byte-order mark
/// removed).
#[derive(Debug, Clone, PartialEq)]
pub struct Upload {
    pub kit: Kit,
    pub source: String,
}

/// Checks an uploaded file. `file_name` appears in error locations only.
pub fn parse_upload(bytes: &[u8], file_name: &str) -> Result<Upload, UploadProblem> {
    if bytes.len() > MAX_KIT_BYTES {
        return Err(UploadProblem::TooLarge { bytes: bytes.len() });
    }
    if let Some(what) = binary_format(bytes) {
        return Err(UploadProblem::NotText { what });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let source = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_col(valid, valid.len());
            return Err(UploadProblem::NotUtf8 { line, column });
        }
    };
    if source.trim().is_empty() {
        return Err(UploadProblem::Empty);
    }
    if let Some(offset) = too_deep(source) {
        let (line, column) = line_col(source, offset);
        return Err(UploadProblem::TooDeep { line, column });
    }
    match parse_kit(source, file_name) {
        Ok(kit) => Ok(Upload { kit, source: source.to_owned() }),
        Err(errors) if !mentions_a_kit_key(source) => {
            // Only when the file also parsed as TOML: a kit with a syntax error stays one.
            if toml::from_str::<toml::Table>(source).is_ok() {
                Err(UploadProblem::NotAKit)
            } else {
                Err(UploadProblem::Invalid(errors))
            }
        }
        Err(errors) => Err(UploadProblem::Invalid(errors)),
    }
}

/// Recognises common binary files by their first bytes; a NUL byte anywhere means binary too.
fn binary_format(bytes: &[u8]) -> Option<Binary> {
    const MAGIC: &[(&[u8], Binary)] = &[
        (b"\x89PNG\r\n\x1a\n", Binary::Png),
        (b"\xFF\xD8\xFF", Binary::Jpeg),
        (b"GIF8", Binary::Gif),
        (b"%PDF", Binary::Pdf),
        (b"PK\x03\x04", Binary::Zip),
        (b"\x1F\x8B", Binary::Gzip),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(*what);
    }
    bytes.contains(&0).then_some(Binary::Other)
}

/// The offset where nesting passes [`MAX_DEPTH`], if it does. Counts open brackets and braces
/// plus the dots of dotted keys and table headers (`a.b.c = 1` nests as deep as
/// `a = { b = { c = 1 } }`), skipping strings and comments. A rough lexer on purpose: it only
/// has to keep absurd files away from the real parser.
fn too_deep(source: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut brackets = 0usize;
    let mut dots = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            quote @ (b'"' | b'\'') => {
                i = skip_string(bytes, i, quote);
                continue;
            }
            b'[' | b'{' => {
                brackets += 1;
                dots = 0;
            }
            b']' | b'}' => {
                brackets = brackets.saturating_sub(1);
                dots = 0;
            }
            b'.' => dots += 1,
            b'=' | b',' | b'\n' => dots = 0,
            _ => {}
        }
        if brackets + dots > MAX_DEPTH {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The index after the string starting at `start` (basic or literal, one line or three quotes).
fn skip_string(bytes: &[u8], start: usize, quote: u8) -> usize {
    let triple = bytes[start..].starts_with(&[quote; 3]);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' && quote == b'"' {
            i += 2;
            continue;
        }
        if triple {
            if bytes[i..].starts_with(&[quote; 3]) {
                return i + 3;
            }
        } else if b == quote || b == b'\n' {
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

/// Whether any line starts with one of a kit's keys or sections.
fn mentions_a_kit_key(source: &str) -> bool {
    source.lines().any(|line| {
        let line = line.trim_start().trim_start_matches('[').trim_start();
        KIT_KEYS.iter().any(|key| {
            line.strip_prefix(key).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with('=') || rest.starts_with(']') || rest.starts_with('.')
            })
        })
    })
}

#[cfg(test)]
#[path = "upload_tests.rs"]
mod tests;
