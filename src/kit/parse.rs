//! Reading kits: TOML text → validated `Kit`, from a string, a file or a directory.
//!
//! Three passes, each reporting as much as it can: TOML syntax (stops: nothing else can be
//! read), unknown keys (all of them; stops, as serde would reject the file), then the values
//! (every missing key, bad value and cross-reference problem at once).

use std::path::{Path, PathBuf};

use super::error::{KitError, KitErrors, KitText, Sink};
use super::raw::{unknown_keys, Node, RawKit, S};
use super::suggest::did_you_mean;
use super::validate::validate;
use crate::domain::kit::{Kit, ShippedKit};

/// Parses and validates one kit. `file_name` is only used in error locations.
pub fn parse_kit(source: &str, file_name: &str) -> Result<Kit, KitErrors> {
    let mut sink = Sink::new(file_name, source);
    let doc = match toml::from_str::<S<Node>>(source) {
        Ok(doc) => doc,
        Err(e) => {
            sink.say(
                e.span().unwrap_or(0..0),
                KitText::new("kit-e-toml-syntax").arg("detail", e.message().trim()),
                Some(KitText::new("kit-h-toml-syntax")),
            );
            return Err(sink.into_errors());
        }
    };
    unknown_keys(doc.get_ref(), source, &mut sink);
    if !sink.errors.is_empty() {
        return Err(sink.into_errors());
    }
    let raw = match toml::from_str::<RawKit>(source) {
        Ok(raw) => raw,
        Err(e) => {
            let message = e.message().trim().to_owned();
            let hint = if message.starts_with("invalid type") { "kit-h-invalid-type" } else { "kit-h-see-format" };
            sink.say(
                e.span().unwrap_or(0..0),
                KitText::new("kit-e-toml-value").arg("detail", message),
                Some(KitText::new(hint)),
            );
            return Err(sink.into_errors());
        }
    };
    let kit = validate(raw, &mut sink, source);
    match (sink.errors.is_empty(), kit) {
        (true, Some(kit)) => Ok(kit),
        (true, None) => {
            // Every rule that refuses a value reports it; this is a rule that forgot to.
            sink.say(0..0, KitText::new("kit-e-invalid"), None);
            Err(sink.into_errors())
        }
        (false, _) => Err(sink.into_errors()),
    }
}

/// Reads and parses one kit file; an unreadable file is an error at 1:1.
pub fn load_kit(path: &Path) -> Result<Kit, KitErrors> {
    let file = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|e| {
        KitErrors::one(KitError::whole_file(
            &file,
            format!("cannot read the kit: {e}"),
            "check the path and that the file is UTF-8 text",
        ))
    })?;
    parse_kit(&source, &file)
}

/// The `*.toml` files of a directory, sorted by file name.
pub fn kit_files(dir: &Path) -> Result<Vec<PathBuf>, KitErrors> {
    let shown = dir.display().to_string();
    let io = |e: std::io::Error| {
        KitErrors::one(KitError::whole_file(
            &shown,
            format!("cannot read the kit directory: {e}"),
            "set kits.dir (SAMRAD_KITS) to the folder with the .toml kits",
        ))
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

/// The kits of a folder that pass the checks, with their text: the shipped kits the bot
/// offers (a broken file is left out here; `samrad check` names its errors).
pub fn shipped(dir: &Path) -> Vec<ShippedKit> {
    let Ok(files) = kit_files(dir) else { return Vec::new() };
    files
        .iter()
        .filter_map(|path| {
            let source = std::fs::read_to_string(path).ok()?;
            let kit = parse_kit(&source, &path.display().to_string()).ok()?;
            Some(ShippedKit { kit, source })
        })
        .collect()
}

/// Loads every kit in a directory. All errors of all files are returned together; two files
/// with the same kit id are an error too.
pub fn load_dir(dir: &Path) -> Result<Vec<Kit>, KitErrors> {
    let mut kits: Vec<(Kit, String)> = Vec::new();
    let mut errors = Vec::new();
    for path in kit_files(dir)? {
        match load_kit(&path) {
            Ok(kit) => {
                let file = path.display().to_string();
                if let Some((_, other)) = kits.iter().find(|(k, _)| k.id == kit.id) {
                    errors.push(KitError::whole_file(
                        &file,
                        format!("kit id `{}` is already used by {other}", kit.id),
                        "every kit in a folder needs its own id",
                    ));
                } else {
                    kits.push((kit, file));
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(kits.into_iter().map(|(k, _)| k).collect())
    } else {
        Err(KitErrors(errors))
    }
}

/// Finds a kit by file stem (`prompts/benchmarking-1.toml` for `benchmarking-1`) or by its
/// `id`. Other broken kits in the folder do not get in the way.
pub fn find_kit(dir: &Path, id: &str) -> Result<Kit, KitErrors> {
    let files = kit_files(dir)?;
    if let Some(path) = files.iter().find(|p| p.file_stem().is_some_and(|s| s == id)) {
        return load_kit(path);
    }
    let mut available = Vec::new();
    let mut broken = Vec::new();
    for path in &files {
        match load_kit(path) {
            Ok(kit) if kit.id == id => return Ok(kit),
            Ok(kit) => available.push(kit.id),
            Err(_) => broken.push(path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())),
        }
    }
    let candidates: Vec<&str> = available.iter().map(String::as_str).collect();
    let mut hint = match did_you_mean(id, &candidates) {
        Some(close) => format!("did you mean `{close}`?"),
        None if available.is_empty() => "the folder has no valid kits".to_owned(),
        None => format!("available kits: {}", available.join(", ")),
    };
    if !broken.is_empty() {
        hint.push_str(&format!("; kits with errors (see `samrad check`): {}", broken.join(", ")));
    }
    Err(KitErrors::one(KitError::whole_file(&dir.display().to_string(), format!("no kit with id `{id}`"), hint)))
}
