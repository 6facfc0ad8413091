//! Keywords and summaries on answers written the way members answer the seed questions.

use super::*;

/// Seed 000, question 5: "Hva gjør enheten i praksis? Hvordan er det med oppfølgingen?"
const NB_PRACTICE: &[&str] = &[
    "Vi har tatt inn likestilling som fast punkt på ledermøtene, og ser særlig på rekruttering: \
     alle utlysninger gjennomgås for kjønnsnøytralt språk.",
    "Rekruttering er vårt viktigste tiltak. Instituttene må rapportere kjønnsbalanse i søkerlistene \
     til fakultetsstyret hvert år.",
    "Ikke så mye i praksis ennå. Planen er under utarbeidelse, men ledermøtet har diskutert \
     rekrutteringen av midlertidig ansatte.",
    "Vi har mentorordning for nye forskere og en egen arbeidsgruppe for mangfold. Oppfølgingen \
     skjer i ledermøter to ganger i semesteret.",
    "HR deltar i alle rekrutteringsprosesser, og vi bruker bredere utlysninger for å nå søkere \
     med minoritetsbakgrunn.",
    "Det gjøres mye som ikke står i planene, f.eks. seminarer om arbeidsmiljø og trakassering. \
     Rekruttering følges opp av instituttlederne.",
];

/// Seed 000, question 3: "I hvilke sammenhenger (møter, grupper) blir arbeidet tematisert?"
const NB_FORUMS: &[&str] = &[
    "Mest i ledermøtet, der dekanen tar det opp et par ganger i året.",
    "I LIM-utvalget og i ledermøtene. Det er HR-sjefen som oftest tar initiativ.",
    "Lokalt arbeidsmiljøutvalg (LAMU) og ledermøter. Tillitsvalgte etterspør temaet.",
    "Styringsdialogen med instituttene, og av og til i allmøter.",
    "Det er stort sett likestillingskomiteen som tematiserer LIM-emner, sjelden ledermøtet.",
    "Ledermøtet og instituttstyrene, men det er personavhengig.",
];

/// Seed 004: "Vilket/vilka är de viktigaste ojämställdhetsproblemen på myndigheten?"
const SV_PROBLEMS: &[&str] = &[
    "Kvinnor och män får olika bedömningar i handläggningen av ärenden, det syns i statistiken.",
    "Vi saknar könsuppdelad statistik i uppföljningen, så vi vet inte var skillnaderna finns.",
    "Handläggningstiderna skiljer sig mellan kvinnor och män utan att någon kan förklara varför.",
    "Chefer efterfrågar inte jämställdhetsanalyser i beslutsunderlagen.",
    "Bedömningarna påverkas av omedvetna föreställningar hos handläggarna, t.ex. om vem som behöver stöd.",
    "Ledningsgruppen har inte tagit ansvar för frågan och statistiken följs inte upp.",
];

/// Seed 002: "Vilka nyckeltal driver förbättringsarbete?"
const SV_KEY_FIGURES: &[&str] = &[
    "Nyckeltal för sjukfrånvaro uppdelat på kön driver förbättringsarbetet hos oss.",
    "Vi följer andelen heltidsanställda kvinnor och män, ett nyckeltal som nämnden har beslutat om.",
    "Brukarundersökningen uppdelad på flickor och pojkar har lett till åtgärder i skolan.",
    "Vi har många nyckeltal men få leder till beslut. Det saknas rutiner för avvikelser.",
    "Sjukfrånvaron bland undersköterskor är vårt viktigaste nyckeltal.",
    "Andelen kvinnor bland chefer följs upp varje år.",
];

const EN_NOTES: &[&str] = &[
    "We discussed recruitment and how job adverts could reach more applicants.",
    "Recruitment panels should always include someone trained in bias awareness.",
    "The leadership group should own the plan, not only HR.",
    "Follow-up of the plan happens once a year, which is too rarely.",
];

fn terms(kws: &[Keyword]) -> Vec<&str> {
    kws.iter().map(|k| k.term.as_str()).collect()
}

#[test]
fn language_is_detected_for_every_fixture_answer() {
    for text in NB_PRACTICE.iter().chain(NB_FORUMS) {
        assert_eq!(detect(text), Some(Lang::Nb), "{text}");
    }
    for text in SV_PROBLEMS.iter().chain(SV_KEY_FIGURES) {
        assert_eq!(detect(text), Some(Lang::Sv), "{text}");
    }
    for text in EN_NOTES {
        assert_eq!(detect(text), Some(Lang::En), "{text}");
    }
    assert_eq!(detect_many(NB_FORUMS), Some(Lang::Nb));
    assert_eq!(detect_many(SV_KEY_FIGURES), Some(Lang::Sv));
}

#[test]
fn short_answers_without_function_words_still_get_a_language() {
    assert_eq!(detect("Rekruttering og ledermøter."), Some(Lang::Nb));
    assert_eq!(detect("Förbättringsarbete och uppföljning"), Some(Lang::Sv));
    assert_eq!(detect("Ledermøtet"), Some(Lang::Nb));
    assert_eq!(detect("Jämställdhet"), Some(Lang::Sv));
    assert_eq!(detect("42"), None);
}

#[test]
fn language_codes_read_and_write() {
    assert_eq!(Lang::from_code("nb-NO"), Some(Lang::Nb));
    assert_eq!(Lang::from_code("no"), Some(Lang::Nb));
    assert_eq!(Lang::from_code("sv_SE"), Some(Lang::Sv));
    assert_eq!(Lang::from_code("de"), None);
    assert_eq!(Lang::Sv.code(), "sv");
}

#[test]
fn norwegian_practice_answers_are_about_recruitment_and_leader_meetings() {
    let kws = keywords(NB_PRACTICE, None, 5);
    let t = terms(&kws);
    assert_eq!(t[0], "rekruttering", "{t:?}");
    assert!(t[..4].contains(&"ledermøter") || t[..4].contains(&"ledermøtene"), "{t:?}");
    assert!(kws.iter().all(|k| !is_stop_word(&k.term, Some(Lang::Nb))));
    assert_eq!(kws[0].score, 1.0);
    // "rekruttering", "rekrutteringen", "Rekruttering": one theme, counted in four answers.
    assert!(kws[0].texts >= 4, "{:?}", kws[0]);
}

#[test]
fn norwegian_forum_answers_name_the_leader_meeting_and_keep_acronyms() {
    let kws = keywords(NB_FORUMS, Some(Lang::Nb), 6);
    let t = terms(&kws);
    assert_eq!(t[0], "ledermøtet", "{t:?}");
    assert!(t.contains(&"LIM"), "{t:?}");
}

#[test]
fn swedish_problem_answers_are_about_statistics_assessments_and_women_and_men() {
    let kws = keywords(SV_PROBLEMS, None, 5);
    let t = terms(&kws);
    assert!(t[..3].contains(&"statistiken"), "{t:?}");
    assert!(t.contains(&"kvinnor"), "{t:?}");
    assert!(t.iter().any(|w| w.starts_with("bedömning")), "{t:?}");
    assert!(!t.contains(&"inte") && !t.contains(&"och"), "{t:?}");
}

#[test]
fn swedish_key_figure_answers_put_nyckeltal_first_unless_the_question_says_it() {
    let kws = keywords(SV_KEY_FIGURES, None, 5);
    assert_eq!(kws[0].term, "nyckeltal", "{:?}", terms(&kws));
    let question = "Vilka nyckeltal driver förbättringsarbete?";
    let kws = keywords_with_context(SV_KEY_FIGURES, None, &[question], 5);
    let t = terms(&kws);
    assert_ne!(t[0], "nyckeltal", "{t:?}");
    assert!(t[..3].contains(&"sjukfrånvaro") || t[..3].contains(&"kvinnor"), "{t:?}");
}

#[test]
fn english_notes_are_about_recruitment() {
    let kws = keywords(EN_NOTES, None, 3);
    assert_eq!(kws[0].term, "recruitment", "{:?}", terms(&kws));
}

#[test]
fn keywords_are_deterministic() {
    let a = keywords(NB_PRACTICE, None, 10);
    let b = keywords(NB_PRACTICE, None, 10);
    assert_eq!(a, b);
}

#[test]
fn empty_input_gives_empty_results() {
    assert!(keywords(&[], None, 5).is_empty());
    assert!(keywords(&["", "  "], Some(Lang::Nb), 5).is_empty());
    let s = summarise(&[], 3);
    assert!(s.sentences.is_empty() && s.keywords.is_empty());
}

#[test]
fn summary_keeps_original_order_and_covers_the_main_theme() {
    let s = summarise(NB_PRACTICE, 2);
    assert_eq!(s.lang, Some(Lang::Nb));
    assert_eq!(s.sentences.len(), 2);
    assert!(s.sentences.iter().any(|x| x.to_lowercase().contains("rekrutter")), "{:?}", s.sentences);
    // Original order: positions in the joined input increase.
    let joined = NB_PRACTICE.join("\n");
    let positions: Vec<usize> = s.sentences.iter().map(|x| joined.find(x.as_str()).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert_eq!(summarise(NB_PRACTICE, 2), s);
}

#[test]
fn summary_never_repeats_a_sentence_and_stops_when_out_of_sentences() {
    let notes = ["Vi trenger bedre rekruttering.", "Vi trenger bedre rekruttering.", "Ledermøter."];
    let s = summarise(&notes, 5);
    assert_eq!(s.sentences, ["Vi trenger bedre rekruttering.", "Ledermøter."]);
}

#[test]
fn representative_answers_mention_the_top_themes() {
    let analysis = Analysis::new(NB_PRACTICE, None, &[]);
    let ranking = analysis.representative_ranking(10);
    assert_eq!(ranking.len(), NB_PRACTICE.len());
    let best = NB_PRACTICE[ranking[0].0].to_lowercase();
    assert!(best.contains("rekrutter"), "{best}");
}
