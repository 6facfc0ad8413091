//! Kit errors in the organiser's language: every rule reports through the catalogues, every
//! id it uses exists in nb, sv and en, and an upload with errors reads in Norwegian for a
//! Norwegian organiser and in Swedish for a Swedish one (`samrad check` stays English).

use std::collections::BTreeSet;
use std::path::Path;

use super::*;
use crate::app::actor::UserMessage;
use crate::app::kits::KitCommandError;
use crate::i18n::Lang;

/// A kit with one mistake of many kinds, all found in the value pass (no unknown keys, which
/// stop the check before it).
const BROKEN: &str = r#"id = "Test Kit"
title = ""
language = "de"
timezone = "Europe/Olso"
date = "2027-13-45"
units = ["KHM", "khm"]

[schedule]
open_days_before = 2
deadline_days_before = 5
remind_cron = "nope"

[[questions]]
id = "Q 1"
text = "x"
phase = "under"

[[questions]]
id = "q2"
text = "Scale"
kind = "scale"
min = 5
max = 1
options = ["a", "b"]

[[questions]]
id = "q2"
text = "Twice"
kind = "choice"
options = ["a", "A"]

[[questions]]
text = "No id"
kind = "skala"

[[agenda]]
start = "25:00"
minutes = 0
title = "A"
kind = "plenum"
breakout = "grupper"

[[agenda]]
start = "10:00"
minutes = 30
title = "B"

[[agenda]]
start = "10:10"
minutes = 30
title = "C"

[[agenda]]
start = "12:00"
minutes = 30
title = "D"
kind = "breakout"
breakout = "gruper"

[[breakouts]]
id = "grupper"
title = "G"
mode = "units"
size = 1
questions = ["ukjent"]
minutes = 20

[[questions]]
id = "q5"
text = "Five"

[[questions]]
id = "q5"
text = "Again"
"#;

fn broken() -> KitErrors {
    parse_kit(BROKEN, "k.toml").expect_err("the kit is broken")
}

/// The reply `/kit upload` gives an organiser speaking `lang`, checked to have every line and
/// no English.
fn upload_reply(lang: Lang, lines: &[&str]) -> String {
    let problem = parse_upload(BROKEN.as_bytes(), "k.toml").expect_err("refused");
    let reply = KitCommandError::Problem(problem).user_message(lang);
    for line in lines {
        assert!(reply.contains(line), "missing {line:?} in:\n{reply}");
    }
    assert!(!reply.contains("hint:") && !reply.contains("unknown") && !reply.contains("invalid"), "{reply}");
    reply
}

#[test]
fn every_error_of_a_broken_kit_is_told_through_the_catalogues() {
    let errors = broken();
    assert!(errors.len() >= 20, "one error per mistake: {errors}");
    for e in errors.iter() {
        let (message, hint) = e.localised.clone().unwrap_or_else(|| panic!("not in the catalogues: {e}"));
        assert!(hint.is_some(), "every rule gives a hint: {e}");
        for lang in Lang::ALL {
            let told = format!("{} {}", e.message_in(lang), e.hint_in(lang));
            assert!(!told.contains("{$") && !told.contains("kit-e-") && !told.contains("kit-h-"), "{lang:?}: {told}");
        }
        assert_eq!(e.message, message.render(Lang::En), "samrad check prints the English");
        assert_ne!(e.message_in(Lang::Nb), e.message, "{e}");
        assert_ne!(e.message_in(Lang::Sv), e.message, "{e}");
        assert_ne!(e.message_in(Lang::Nb), e.message_in(Lang::Sv), "{e}");
    }
}

#[test]
fn a_norwegian_organiser_reads_every_kind_of_error_in_norwegian() {
    let reply = upload_reply(
        Lang::Nb,
        &[
        "`1:6`: ugyldig id for opplegget: `Test Kit` (tips: bruk 1 til 64 tegn av a-z",
        "`2:9`: tittelen er tom (tips: skriv litt tekst mellom anførselstegnene)",
        "`3:12`: språket `de` støttes ikke (tips: bruk ett av: nb, sv, en)",
        "`4:12`: ukjent tidssone `Europe/Olso` (tips: mente du `Europe/Oslo`?)",
        "`6:17`: enheten `khm` står to ganger (allerede som `KHM` på linje 6)",
        "`9:20`: svarene åpner (2 dager før kl. 09:00) etter fristen (5 dager før kl. 16:00)",
        "`11:15`: ugyldig remind_cron `nope`",
        "`14:6`: ugyldig spørsmåls-id `Q 1`",
        "`16:9`: ukjent fase `under` (tips: skriv `during` (nøkkelordene i opplegget er engelske))",
        "`22:7`: skalaens min (5) må være mindre enn max (1)",
        "`24:11`: `options` gjelder bare flervalgsspørsmål (tips: fjern den, eller sett kind = \"choice\")",
        "`30:17`: valget `A` står to ganger",
        "`32:1`: mangler den påkrevde nøkkelen `id` i spørsmål nr. 4 (tips: en kort id som `q1`)",
        "`34:8`: ukjent spørsmålstype `skala` (tips: skriv `scale`",
        "`37:9`: ugyldig klokkeslett \"25:00\" (tips: skriv et 24-timers klokkeslett",
        "`38:11`: 0 minutter er ikke en varighet",
        "`40:8`: ukjent type agendapunkt `plenum` (tips: skriv `plenary`",
        "`41:12`: `breakout` gjelder bare agendapunkter med kind = \"breakout\"",
        "`49:9`: agendapunktet `C` (10:10–10:40) overlapper `B` (10:00–10:30, linje 44)",
        "`58:12`: agendapunktet viser til en gruppeplan som mangler: `gruper` (tips: legg til en [[breakouts]]-plan",
        "`64:8`: romstørrelsen 1 er for liten",
        "`65:14`: gruppeplanen viser til et ukjent spørsmål `ukjent` (tips: spørsmåls-id-er i opplegget: q5)",
        "`73:6`: spørsmåls-id-en `q5` er brukt før (første gang på linje 69)",
        ],
    );
    assert!(reply.starts_with("Opplegget har"), "{reply}");
}

#[test]
fn a_swedish_organiser_reads_every_kind_of_error_in_swedish() {
    upload_reply(
        Lang::Sv,
        &[
            "`2:9`: titeln är tom (tips: skriv lite text mellan citattecknen)",
            "`3:12`: språket `de` stöds inte",
            "`9:20`: svaren öppnar (2 dagar före kl. 09:00) efter sista dagen (5 dagar före kl. 16:00)",
            "`16:9`: okänd fas `under` (tips: skriv `during` (nyckelorden i upplägget är engelska))",
            "`32:1`: den obligatoriska nyckeln `id` saknas i fråga nr 4 (tips: ett kort id som `q1`)",
            "`49:9`: agendapunkten `C` (10:10–10:40) överlappar `B` (10:00–10:30, rad 44)",
            "`65:14`: gruppplanen hänvisar till en okänd fråga `ukjent` (tips: fråge-id:n i upplägget: q5)",
            "`73:6`: fråge-id:t `q5` används redan (första gången på rad 69)",
        ],
    );
    // The same kit on the command line: English, with the file name.
    assert!(broken()
        .to_string()
        .contains("k.toml:3:12: language `de` is not supported (hint: use one of: nb, sv, en)"));
}

/// The `kit-…` catalogue ids written in `src/kit` and its folders (`"kit-e-…"`, `"kit-h-…"`,
/// `"kit-place-…"`, `"kit-when"`).
fn ids_in_source() -> BTreeSet<String> {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/kit")];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).expect("src/kit").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("source");
        for part in text.split("\"kit-").skip(1) {
            let id: String = part.chars().take_while(|c| c.is_ascii_lowercase() || *c == '-').collect();
            let is_id = ["e-", "h-", "place-"].iter().any(|p| id.starts_with(p)) || id == "when";
            if is_id && !id.ends_with('-') && part[id.len()..].starts_with('"') {
                ids.insert(format!("kit-{id}"));
            }
        }
    }
    ids
}

/// The message ids of `locales/<lang>/kits.ftl` (the kit errors live there).
fn catalogue(lang: Lang) -> BTreeSet<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{}/kits.ftl", lang.code()));
    let text = std::fs::read_to_string(file).expect("kits.ftl");
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.to_owned()))
        .collect()
}

#[test]
fn every_kit_error_id_in_the_source_exists_in_all_three_catalogues() {
    let used = ids_in_source();
    assert!(used.len() > 80, "{used:?}");
    for lang in Lang::ALL {
        let ids = catalogue(lang);
        let missing: Vec<_> = used.iter().filter(|id| !ids.contains(*id)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
    // And no catalogue entry is left behind by a rule that changed.
    let unused: Vec<String> = catalogue(Lang::En)
        .into_iter()
        .filter(|id| ["kit-e-", "kit-h-", "kit-place-"].iter().any(|p| id.starts_with(p)))
        .filter(|id| !used.contains(id))
        .collect();
    assert!(unused.is_empty(), "catalogue entries no rule uses: {unused:?}");
}
