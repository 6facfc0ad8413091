//! What we ship: every kit in `prompts/` loads, the seed kits keep the seed meetings'
//! agendas, the example kit shows every feature, and the format doc's example is valid.

use super::*;
// Explicit: the sibling test module `agenda` would otherwise shadow the kit's.
use crate::domain::kit::AgendaKind;
use crate::kit::agenda;

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
fn the_format_doc_example_is_a_valid_kit() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/kit-format.md")).unwrap();
    let example = doc.find("## Example").expect("the example section");
    let start = example + doc[example..].find("```toml\n").expect("a toml example") + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let kit = parse_kit(&doc[start..end], "docs/kit-format.md").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kit.agenda[1].minutes, 25);
}
