//! Kit parsing tests: each error kind at its file:line, and every shipped kit loads.

use std::path::{Path, PathBuf};

use super::*;
use crate::domain::grouping::Mode;
use crate::domain::kit::{AgendaKind, KitSchedule};
use crate::domain::{Phase, QuestionKind};

/// A small valid kit; tests append to it or replace one line. Line numbers are stable:
/// line 1 is `id`, questions start at line 9, the agenda at 20, breakouts at 33.
pub(super) const BASE: &str = r#"id = "test-kit"
title = "Testmøte"
language = "nb"
date = 2027-03-11
units = ["KHM", "JUS"]
roles = ["Leder", "Representant"]

# questions
[[questions]]
id = "q1"
text = "Hva er status?"

[[questions]]
id = "q2"
text = "Hvor fornøyd er du?"
kind = "scale"
min = 1
max = 5

[[agenda]]
start = "10:00"
minutes = 30
kind = "plenary"
title = "Innledning"

[[agenda]]
start = "10:30"
minutes = 20
kind = "breakout"
title = "Grupper"
breakout = "grupper"

[[breakouts]]
id = "grupper"
title = "Gruppearbeid"
mode = "units"
size = 4
questions = ["q1"]
minutes = 20
"#;

pub(super) fn errors(source: &str) -> Vec<KitError> {
    match parse_kit(source, "test.toml") {
        Ok(kit) => panic!("expected errors, got a kit: {kit:?}"),
        Err(e) => e.0,
    }
}

/// Asserts an error on `line` whose message contains `needle`; returns it for more checks.
#[track_caller]
fn assert_error(source: &str, line: usize, needle: &str) -> KitError {
    let all = errors(source);
    let found = all.iter().find(|e| e.line == line && e.message.contains(needle));
    match found {
        Some(e) => {
            assert_eq!(e.file, "test.toml");
            e.clone()
        }
        None => panic!("no error on line {line} containing {needle:?}; got:\n{}", KitErrors(all.clone())),
    }
}

/// BASE with the first occurrence of `from` replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE has no {from:?}");
    BASE.replacen(from, to, 1)
}

#[test]
fn base_kit_is_valid_and_fills_defaults() {
    let kit = parse_kit(BASE, "test.toml").unwrap();
    assert_eq!(kit.id, "test-kit");
    assert_eq!(kit.timezone, chrono_tz::Europe::Oslo, "nb defaults to Oslo");
    assert_eq!(kit.questions.len(), 2);
    assert_eq!(kit.questions[0].kind, QuestionKind::Free);
    assert!(kit.questions[0].required);
    assert_eq!(kit.questions[0].phase, Phase::Reflection);
    assert_eq!(kit.questions[1].kind, QuestionKind::Scale { min: 1, max: 5 });
    assert_eq!(kit.agenda[1].breakout.as_deref(), Some("grupper"));
    assert_eq!(kit.breakouts[0].mode, Mode::Units);
    assert_eq!(kit.breakouts[0].size, Some(4));
    assert_eq!(kit.schedule, KitSchedule::default());
}

#[test]
fn toml_syntax_error_points_at_the_line() {
    let e = assert_error(&edit("title = \"Testmøte\"", "title = \"Testmøte"), 2, "TOML syntax error");
    assert!(e.hint.contains("quotes"));
    // an unquoted time is not TOML
    assert_error(&edit("start = \"10:00\"", "start = 10:00"), 21, "TOML syntax error");
}

#[test]
fn unknown_keys_are_all_reported_with_suggestions() {
    let src = edit("title = \"Testmøte\"", "titel = \"Testmøte\"").replacen("kind = \"scale\"", "kidn = \"scale\"", 1);
    let all = errors(&src);
    assert_eq!(all.len(), 2, "{}", KitErrors(all.clone()));
    let e = assert_error(&src, 2, "unknown key `titel`");
    assert_eq!(e.column, 1);
    assert!(e.hint.contains("did you mean `title`"), "{}", e.hint);
    let e = assert_error(&src, 16, "unknown key `kidn` in [[questions]]");
    assert!(e.hint.contains("`kind`"));
    // far from any key: the hint lists them
    let e = assert_error(&edit("[[breakouts]]\n", "[[breakouts]]\nfarge = \"blå\"\n"), 34, "unknown key `farge`");
    assert!(e.hint.contains("mode"), "{}", e.hint);
}

#[test]
fn unknown_table_is_reported() {
    let e = assert_error(&format!("{BASE}\n[schedul]\ntime = \"09:00\"\n"), 41, "unknown key `schedul`");
    assert!(e.hint.contains("`schedule`"));
}

#[test]
fn missing_required_keys_are_all_reported() {
    let src = edit("title = \"Testmøte\"\n", "").replacen("text = \"Hva er status?\"\n", "", 1);
    let all = errors(&src);
    assert!(all.iter().any(|e| e.line == 1 && e.message.contains("missing required key `title`")));
    // question #1's table starts at its [[questions]] header, now on line 8
    assert_error(&src, 8, "missing required key `text` in question #1");
}

#[test]
fn wrong_value_type_is_located() {
    let e = assert_error(&edit("minutes = 30", "minutes = \"30\""), 22, "invalid type");
    assert!(e.hint.contains("quotes"));
}

#[test]
fn duplicate_question_id_names_the_first() {
    let e = assert_error(&edit("id = \"q2\"", "id = \"q1\""), 14, "duplicate question id `q1`");
    assert!(e.message.contains("line 10"), "{}", e.message);
}

#[test]
fn invalid_question_id() {
    let e = assert_error(&edit("id = \"q2\"", "id = \"Spørsmål 2\""), 14, "invalid question id");
    assert!(e.hint.contains("a-z"));
}

#[test]
fn unknown_question_kind() {
    let e = assert_error(&edit("kind = \"scale\"", "kind = \"skala\""), 16, "unknown question kind `skala`");
    assert!(e.hint.contains("`scale`"), "{}", e.hint);
    let e = assert_error(&edit("kind = \"scale\"", "kind = \"yesno\""), 16, "unknown question kind");
    assert!(e.hint.contains("`yes_no`"), "{}", e.hint);
}

#[test]
fn scale_min_must_be_below_max() {
    assert_error(&edit("max = 5", "max = 1"), 17, "scale min (1) must be less than max (1)");
    assert_error(&edit("max = 5", "max = 40"), 17, "at most 25 fit");
}

#[test]
fn every_question_kind_name_is_read_from_a_kit() {
    for name in QuestionKind::NAMES {
        let extra = match name {
            "scale" => "\nmin = 1\nmax = 5",
            "choice" => "\noptions = [\"Ja\", \"Nei\"]",
            _ => "",
        };
        let src = edit("kind = \"scale\"\nmin = 1\nmax = 5", &format!("kind = \"{name}\"{extra}"));
        let kit = parse_kit(&src, "test.toml").unwrap_or_else(|e| panic!("kind {name}: {e}"));
        assert_eq!(kit.questions[1].kind.name(), name);
    }
}

#[test]
fn choice_needs_two_options() {
    let src = edit("kind = \"scale\"\nmin = 1\nmax = 5", "kind = \"choice\"\noptions = [\"Ja\"]");
    assert_error(&src, 17, "at least 2 options (got 1)");
    let src = edit("kind = \"scale\"\nmin = 1\nmax = 5", "kind = \"choice\"");
    assert_error(&src, 16, "needs `options`");
    let src = edit("kind = \"scale\"\nmin = 1\nmax = 5", "kind = \"choice\"\noptions = [\"Ja\", \"ja\"]");
    assert_error(&src, 17, "duplicate option");
}

#[test]
fn options_and_bounds_only_on_their_kinds() {
    assert_error(&edit("text = \"Hva er status?\"", "text = \"Hva er status?\"\nmin = 2"), 12, "only applies to scale");
}

#[test]
fn unknown_phase() {
    let e = assert_error(&edit("max = 5", "max = 5\nphase = \"evalering\""), 19, "unknown phase");
    assert!(e.hint.contains("`evaluation`"), "{}", e.hint);
}

#[test]
fn overlapping_agenda_items() {
    let e = assert_error(
        &edit("start = \"10:30\"", "start = \"10:20\""),
        27,
        "overlaps `Innledning` (10:00–10:30, line 21)",
    );
    assert!(e.message.contains("`Grupper` (10:20–10:40)"), "{}", e.message);
}

#[test]
fn agenda_item_past_midnight() {
    let src = edit("start = \"10:30\"\nminutes = 20", "start = \"23:50\"\nminutes = 20");
    assert_error(&src, 28, "runs to midnight or past it");
    let src = edit("start = \"10:30\"\nminutes = 20", "start = \"23:50\"\nend = \"00:10\"");
    assert_error(&src, 28, "before it starts, or past midnight");
}

#[test]
fn agenda_end_and_minutes_must_agree() {
    assert_error(&edit("minutes = 30", "minutes = 30\nend = \"10:45\""), 23, "does not match");
    assert_error(&edit("minutes = 30\n", ""), 20, "missing required key `minutes` in agenda item #1");
}

#[test]
fn agenda_breakout_must_name_a_plan() {
    let e =
        assert_error(&edit("breakout = \"grupper\"", "breakout = \"gruppe\""), 31, "missing breakout plan `gruppe`");
    assert!(e.hint.contains("did you mean `grupper`"), "{}", e.hint);
    let src = edit("kind = \"plenary\"", "kind = \"plenary\"\nbreakout = \"grupper\"");
    assert_error(&src, 24, "only applies to agenda items with kind = \"breakout\"");
}

#[test]
fn agenda_breakout_plan_must_fit_the_item() {
    assert_error(
        &edit("minutes = 20\nkind = \"breakout\"", "minutes = 10\nkind = \"breakout\""),
        31,
        "takes 20 minutes",
    );
}

#[test]
fn unknown_agenda_kind() {
    let e = assert_error(&edit("kind = \"plenary\"", "kind = \"plenum\""), 23, "unknown agenda kind `plenum`");
    assert!(e.hint.contains("plenary"));
}

#[test]
fn breakout_plan_refers_to_missing_question() {
    let e = assert_error(&edit("questions = [\"q1\"]", "questions = [\"q1\", \"q3\"]"), 38, "unknown question `q3`");
    assert!(e.hint.contains("did you mean") || e.hint.contains("q1, q2"), "{}", e.hint);
}

#[test]
fn unknown_breakout_mode() {
    let e = assert_error(&edit("mode = \"units\"", "mode = \"rolles\""), 36, "unknown breakout mode `rolles`");
    assert!(e.hint.contains("`roles`"), "{}", e.hint);
}

#[test]
fn breakout_size_below_two() {
    let e = assert_error(&edit("size = 4", "size = 1"), 37, "room size 1 is too small");
    assert!(e.hint.contains("at least 2"));
}

#[test]
fn duplicate_breakout_plan_id() {
    let src = format!("{BASE}\n[[breakouts]]\nid = \"grupper\"\ntitle = \"Igjen\"\nmode = \"random\"\nminutes = 10\n");
    assert_error(&src, 42, "duplicate breakout plan id `grupper`");
}

#[test]
fn bad_time_string() {
    let e = assert_error(&edit("start = \"10:00\"", "start = \"kl 10\""), 21, "bad time");
    assert!(e.hint.contains("\"09:30\""));
    assert_error(&edit("start = \"10:00\"", "start = \"25:00\""), 21, "bad time");
}

#[test]
fn bad_date() {
    let e = assert_error(&edit("date = 2027-03-11", "date = \"11.03.2027\""), 4, "bad date");
    assert!(e.hint.contains("2027-03-15"));
    assert_error(&edit("date = 2027-03-11", "date = \"2027-02-30\""), 4, "bad date");
}

#[test]
fn unknown_timezone() {
    let e = assert_error(
        &edit("language = \"nb\"", "language = \"nb\"\ntimezone = \"Europe/Olso\""),
        4,
        "unknown timezone",
    );
    assert!(e.hint.contains("Europe/Oslo"), "{}", e.hint);
}

#[test]
fn language_must_be_nb_sv_or_en() {
    let e = assert_error(&edit("language = \"nb\"", "language = \"no\""), 3, "language `no` is not supported");
    assert!(e.hint.contains("nb"), "{}", e.hint);
}

#[test]
fn invalid_remind_cron() {
    let src = format!("{BASE}\n[schedule]\nremind_cron = \"0 9 * *\"\n");
    let e = assert_error(&src, 42, "invalid remind_cron");
    assert!(e.hint.contains("five fields"));
    let src = format!("{BASE}\n[schedule]\nremind_cron = \"0 9 * * MON\"\n");
    assert_eq!(parse_kit(&src, "t").unwrap().schedule.remind_cron.as_deref(), Some("0 9 * * MON"));
    // 1 January 09:00 never falls in the window (25 February to 10 March)
    let src = format!("{BASE}\n[schedule]\nremind_cron = \"0 9 1 1 *\"\n");
    assert_error(&src, 42, "never fires");
}

#[test]
fn duplicate_units_and_roles() {
    let e = assert_error(&edit("units = [\"KHM\", \"JUS\"]", "units = [\"KHM\", \"khm\"]"), 5, "duplicate unit `khm`");
    assert!(e.message.contains("line 5"));
    assert_error(
        &edit("roles = [\"Leder\", \"Representant\"]", "roles = [\"Leder\", \" leder \"]"),
        6,
        "duplicate role",
    );
}

#[test]
fn reminders_must_fall_between_open_and_deadline() {
    let src = format!("{BASE}\n[schedule]\nopen_days_before = 10\nreminders_days_before = [12, 5, 0]\n");
    let all = errors(&src);
    let reminder_errors: Vec<_> = all.iter().filter(|e| e.message.starts_with("reminder")).collect();
    assert_eq!(reminder_errors.len(), 2, "{}", KitErrors(all.clone()));
    assert!(reminder_errors.iter().all(|e| e.line == 43));
    assert!(reminder_errors[0].message.contains("12 days before"));
    assert!(reminder_errors[1].message.contains("the meeting day"));
    let src = format!("{BASE}\n[schedule]\nopen_days_before = 1\ndeadline_days_before = 2\n");
    assert_error(&src, 42, "opens (1 day before at 09:00) after the deadline");
}

#[test]
fn default_reminders_follow_a_short_window() {
    let src = format!("{BASE}\n[schedule]\nopen_days_before = 5\n");
    assert_eq!(parse_kit(&src, "t").unwrap().schedule.reminders_days_before, vec![2]);
}

#[test]
fn every_problem_is_reported_in_one_go() {
    let src = edit("language = \"nb\"", "language = \"da\"")
        .replacen("max = 5", "max = 0", 1)
        .replacen("mode = \"units\"", "mode = \"tilfeldig\"", 1)
        .replacen("start = \"10:30\"", "start = \"10:15\"", 1);
    let lines: Vec<usize> = errors(&src).iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 17, 27, 36]);
}

#[test]
fn errors_display_as_file_line_col_message_hint() {
    let all = errors(&edit("size = 4", "size = 0"));
    assert_eq!(
        all[0].to_string(),
        "test.toml:37:8: room size 0 is too small (hint: a room needs at least 2 people; leave `size` out to let the mode decide)"
    );
}

pub(super) fn prompts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts")
}

#[test]
fn every_shipped_kit_loads() {
    let kits = load_dir(&prompts_dir()).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = kits.iter().map(|k| k.id.as_str()).collect();
    for id in [
        "benchmarking-1",
        "bydel-likestilling",
        "example-en",
        "jim-ledningsgrupp",
        "larandetraff-2",
        "uio-koordineringsgruppe",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    for kit in &kits {
        assert!(!kit.questions.is_empty(), "{} has no questions", kit.id);
        assert!(!kit.agenda.is_empty(), "{} has no agenda", kit.id);
    }
}

#[test]
fn seed_kits_keep_the_seed_agendas() {
    let bm = find_kit(&prompts_dir(), "benchmarking-1").unwrap();
    assert_eq!(bm.language, "sv");
    let first = bm.agenda.first().unwrap();
    let last = bm.agenda.last().unwrap();
    assert_eq!((agenda::hm(first.start), agenda::hm(last.end())), ("09:30".into(), "16:00".into()));
    let roles = bm.agenda.iter().find(|a| agenda::hm(a.start) == "13:00").unwrap();
    let plan = bm.breakouts.iter().find(|b| Some(&b.id) == roles.breakout.as_ref()).unwrap();
    assert_eq!(plan.mode, Mode::Roles);
    assert!(bm.questions.iter().any(|q| q.phase == Phase::Evaluation && matches!(q.kind, QuestionKind::Scale { .. })));

    let lt = find_kit(&prompts_dir(), "larandetraff-2").unwrap();
    assert_eq!(lt.previous.as_deref(), Some("benchmarking-1"));
    let modes: Vec<Mode> = lt.breakouts.iter().map(|b| b.mode).collect();
    assert!(modes.contains(&Mode::Pairs) && modes.contains(&Mode::Choose) && modes.contains(&Mode::Roles));
    assert!(lt.questions.iter().filter(|q| q.kind == QuestionKind::Number).count() >= 3);

    let bydel = find_kit(&prompts_dir(), "bydel-likestilling").unwrap();
    assert_eq!(bydel.questions.iter().filter(|q| q.kind == QuestionKind::YesNo).count(), 6);

    let uio = find_kit(&prompts_dir(), "uio-koordineringsgruppe").unwrap();
    assert!(uio.questions[0].text.starts_with("Hvilke idealer er styrende/førende"));

    let jim = find_kit(&prompts_dir(), "jim-ledningsgrupp").unwrap();
    assert_eq!(jim.questions.iter().filter(|q| q.phase == Phase::Reflection).count(), 5);
    // Seed 004: one management group, members answer for themselves, no plan seats by unit.
    assert!(jim.units.is_empty() && !jim.unit_answers);
    assert!(jim.breakouts.iter().all(|b| matches!(b.mode, Mode::Random | Mode::Roles | Mode::Choose)));
}

#[test]
fn example_kit_shows_every_feature() {
    let kit = find_kit(&prompts_dir(), "example-en").unwrap();
    for mode in Mode::ALL {
        assert!(kit.breakouts.iter().any(|b| b.mode == mode), "no {mode:?} plan");
    }
    for kind in [
        AgendaKind::Plenary,
        AgendaKind::Presentation,
        AgendaKind::Breakout,
        AgendaKind::Reflection,
        AgendaKind::Evaluation,
        AgendaKind::Break,
    ] {
        assert!(kit.agenda.iter().any(|a| a.kind == kind), "no {kind:?} item");
    }
    let kinds: Vec<&QuestionKind> = kit.questions.iter().map(|q| &q.kind).collect();
    assert!(
        kinds.contains(&&QuestionKind::Free)
            && kinds.contains(&&QuestionKind::YesNo)
            && kinds.contains(&&QuestionKind::Number)
    );
    assert!(kinds.iter().any(|k| matches!(k, QuestionKind::Choice { .. })));
    assert!(kit.schedule.remind_cron.is_some());
}

#[test]
fn find_kit_by_id_or_stem_and_lists_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fil-navn.toml"), BASE).unwrap();
    std::fs::write(dir.path().join("broken.toml"), "id = ").unwrap();
    assert_eq!(find_kit(dir.path(), "fil-navn").unwrap().id, "test-kit");
    assert_eq!(find_kit(dir.path(), "test-kit").unwrap().id, "test-kit");
    let e = find_kit(dir.path(), "test-kti").unwrap_err();
    assert!(e.0[0].message.contains("no kit with id `test-kti`"));
    assert!(e.0[0].hint.contains("did you mean `test-kit`"), "{}", e.0[0].hint);
    assert!(e.0[0].hint.contains("broken.toml"), "{}", e.0[0].hint);
    let e = find_kit(dir.path(), "broken").unwrap_err();
    assert!(e.0[0].message.contains("TOML syntax error"));
}

#[test]
fn load_dir_reports_every_file_and_duplicate_ids() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), BASE).unwrap();
    std::fs::write(dir.path().join("b.toml"), BASE).unwrap();
    std::fs::write(dir.path().join("c.toml"), edit("size = 4", "size = 1")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a kit").unwrap();
    let e = load_dir(dir.path()).unwrap_err();
    assert_eq!(e.len(), 2, "{e}");
    assert!(e.0[0].file.ends_with("b.toml") && e.0[0].message.contains("already used by"));
    assert!(e.0[1].file.ends_with("c.toml") && e.0[1].line == 37);
}

#[test]
fn unreadable_file_is_a_kit_error() {
    let e = load_kit(Path::new("/nonexistent/kit.toml")).unwrap_err();
    assert_eq!((e.0[0].line, e.0[0].column), (1, 1));
    assert!(e.0[0].message.contains("cannot read"));
}

#[test]
fn check_prints_ok_lines_and_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, edit("size = 4", "size = 1").replacen("mode = \"units\"", "mode = \"x\"", 1)).unwrap();
    let good = prompts_dir().join("uio-koordineringsgruppe.toml");
    let mut out = Vec::new();
    assert!(check_paths(std::slice::from_ref(&good), &mut out));
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("ok: ")
            && text.contains("(Koordineringsgruppa: fra sentrale planer til praksis, 7 questions)"),
        "{text}"
    );
    let mut out = Vec::new();
    assert!(!check_paths(&[good, bad.clone()], &mut out));
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].starts_with(&format!("{}:36:8: unknown breakout mode", bad.display())), "{text}");
    assert!(lines[2].contains(":37:8: room size 1"), "{text}");
}

#[test]
fn the_format_doc_example_is_a_valid_kit() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/kit-format.md")).unwrap();
    let example = doc.find("## Example").expect("the example section");
    let start = example + doc[example..].find("```toml\n").expect("a toml example") + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let kit = parse_kit(&doc[start..end], "docs/kit-format.md").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kit.agenda[1].minutes, 25);
}

#[test]
fn without_units_a_plan_that_seats_by_unit_is_refused() {
    let kit = BASE.replace("units = [\"KHM\", \"JUS\"]\n", "");
    let errs = errors(&kit);
    // The plan's `mode = "units"` is on line 35 once the units line is gone.
    let e = errs.iter().find(|e| e.message.contains("seats people by unit")).expect("refused");
    assert_eq!((e.line, e.column), (35, 8));
    assert!(e.hint.contains("random, roles or choose"));
    let fixed = kit.replace("mode = \"units\"", "mode = \"roles\"");
    let ok = parse_kit(&fixed, "t.toml").expect("a kit without units is valid");
    assert!(ok.units.is_empty());
}
