//! What the theme finder counts: for each answer, the set of its features — content-word
//! stems, stems of the parts of nb/sv compounds ("varslingsrutiner" also counts as "varsling"
//! when that word is used elsewhere), and two-word phrases of adjacent content words
//! ("seksuell trakassering") — with posting lists from feature to answers.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::super::lang::Lang;
use super::super::tokens::{is_stop_word, tokenize, StemCache};
use super::concerns::is_concern_word;

/// A feature is a stem (by stem id) or a phrase of two stems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Feature {
    Stem(u32),
    Phrase(u32, u32),
}

/// One distinct lowercase word of the answers.
#[derive(Debug)]
pub(super) struct Word {
    pub lower: String,
    pub stem: u32,
    pub content: bool,
    pub concern: bool,
    /// Stems of the compound's parts that are words in their own right (nb/sv only).
    pub parts: Vec<u32>,
    /// How often it was written with a capital after the first letter ("HR", "UiO"), and how often not.
    pub acronym_form: Option<String>,
    pub acronym_count: u32,
    pub plain_count: u32,
}

/// One word occurrence in an answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct Occurrence {
    pub word: u32,
    pub start: u32,
    pub end: u32,
    /// Only a space or hyphen separates it from the previous word: a phrase can span both.
    pub joined: bool,
}

#[derive(Debug)]
pub(super) struct Features {
    pub words: Vec<Word>,
    pub ids: HashMap<Feature, u32>,
    pub features: Vec<Feature>,
    /// Distinct feature ids of each answer, sorted.
    pub docs: Vec<Vec<u32>>,
    /// Answers of each feature, ascending.
    pub postings: Vec<Vec<u32>>,
    /// Word occurrences of each answer (content and stop words).
    pub occurrences: Vec<Vec<Occurrence>>,
    /// Content words per answer (for length normalisation).
    pub lengths: Vec<usize>,
    /// Features built from the question's own words: every answer repeats them.
    pub context: Vec<bool>,
    pub concern: Vec<bool>,
    /// Stems every answer in equality work uses ("kvinner", "gender"): never a theme alone.
    pub background: Vec<bool>,
    /// Length of the shortest written word of each stem feature (how well it reads).
    pub written_len: Vec<usize>,
}

/// The background of every answer in equality, diversity and inclusion work: who (women,
/// men, staff) and what the work is called. They make phrases ("gender pay gap") but never
/// a theme of their own, as "enheten" never does.
fn background_words(lang: Option<Lang>) -> &'static [&'static str] {
    match lang {
        Some(Lang::Nb) => &[
            "kvinner",
            "kvinne",
            "kvinnelige",
            "menn",
            "mann",
            "mannlige",
            "kjønn",
            "kjønnene",
            "likestilling",
            "mangfold",
            "inkludering",
            "arbeid",
            "arbeidet",
            "ansatte",
            "ansatt",
            "medarbeidere",
            "problem",
            "utfordring",
            "utfordringer",
            "personer",
            "folk",
        ],
        Some(Lang::Sv) => &[
            "kvinnor",
            "kvinna",
            "kvinnliga",
            "män",
            "manliga",
            "kön",
            "könen",
            "jämställdhet",
            "mångfald",
            "inkludering",
            "arbete",
            "arbetet",
            "anställda",
            "medarbetare",
            "problem",
            "utmaning",
            "utmaningar",
            "personer",
            "folk",
        ],
        Some(Lang::En) => &[
            "women",
            "woman",
            "men",
            "man",
            "male",
            "female",
            "gender",
            "equality",
            "diversity",
            "inclusion",
            "edi",
            "work",
            "staff",
            "employees",
            "people",
            "problem",
            "issue",
            "issues",
            "challenge",
            "challenges",
        ],
        None => &[],
    }
}

/// Shortest part of a compound we split off: shorter parts ("tak", "lag") match by accident.
const MIN_PART: usize = 4;
/// Words shorter than this are not split.
const MIN_COMPOUND: usize = 8;

fn content(text: &str, lower: &str, lang: Option<Lang>) -> bool {
    if !text.chars().any(char::is_alphabetic) {
        return false;
    }
    let len = text.chars().count();
    let long_enough = len >= 3 || (len == 2 && text.chars().all(char::is_uppercase));
    long_enough && !is_stop_word(lower, lang)
}

fn separator_joins(between: &str) -> bool {
    !between.is_empty() && between.chars().all(|c| c == ' ' || c == '-' || c == '\u{2011}')
}

impl Features {
    pub fn new(texts: &[&str], lang: Option<Lang>, context_texts: &[&str]) -> Self {
        let mut stems = StemCache::new(lang);
        let mut words: Vec<Word> = Vec::new();
        let mut word_ids: HashMap<String, u32> = HashMap::new();
        let mut occurrences = Vec::with_capacity(texts.len());
        for text in texts {
            let mut doc = Vec::new();
            let mut prev_end: Option<usize> = None;
            for token in tokenize(text) {
                let id = match word_ids.get(token.text) {
                    Some(&id) => id,
                    None => {
                        let lower = token.lower();
                        let id = match word_ids.get(&lower) {
                            Some(&id) => id,
                            None => {
                                let id = words.len() as u32;
                                let is_content = content(token.text, &lower, lang);
                                words.push(Word {
                                    stem: stems.stem_id(&lower),
                                    content: is_content,
                                    concern: is_content && is_concern_word(&lower),
                                    lower: lower.clone(),
                                    parts: Vec::new(),
                                    acronym_form: None,
                                    acronym_count: 0,
                                    plain_count: 0,
                                });
                                word_ids.insert(lower, id);
                                id
                            }
                        };
                        word_ids.insert(token.text.to_owned(), id);
                        id
                    }
                };
                let word = &mut words[id as usize];
                if token.is_acronym_like() {
                    word.acronym_count += 1;
                    word.acronym_form.get_or_insert_with(|| token.text.to_owned());
                } else {
                    word.plain_count += 1;
                }
                let end = token.start + token.text.len();
                let joined = prev_end.is_some_and(|p| separator_joins(&text[p..token.start]));
                doc.push(Occurrence { word: id, start: token.start as u32, end: end as u32, joined });
                prev_end = Some(end);
            }
            occurrences.push(doc);
        }
        if matches!(lang, Some(Lang::Nb | Lang::Sv)) {
            split_compounds(&mut words, &mut stems);
        }

        let mut ids: HashMap<Feature, u32> = HashMap::new();
        let mut features: Vec<Feature> = Vec::new();
        let mut intern = |f: Feature, features: &mut Vec<Feature>| -> u32 {
            *ids.entry(f).or_insert_with(|| {
                features.push(f);
                features.len() as u32 - 1
            })
        };
        let mut docs = Vec::with_capacity(texts.len());
        let mut lengths = Vec::with_capacity(texts.len());
        for doc in &occurrences {
            let mut set = Vec::new();
            let mut len = 0;
            let mut prev: Option<u32> = None;
            for occ in doc {
                let w = &words[occ.word as usize];
                if !w.content {
                    prev = None;
                    continue;
                }
                len += 1;
                set.push(intern(Feature::Stem(w.stem), &mut features));
                for &p in &w.parts {
                    set.push(intern(Feature::Stem(p), &mut features));
                }
                if let (Some(a), true) = (prev, occ.joined) {
                    if a != w.stem {
                        set.push(intern(Feature::Phrase(a, w.stem), &mut features));
                    }
                }
                prev = Some(w.stem);
            }
            set.sort_unstable();
            set.dedup();
            docs.push(set);
            lengths.push(len);
        }
        let mut postings = vec![Vec::new(); features.len()];
        for (d, set) in docs.iter().enumerate() {
            for &f in set {
                postings[f as usize].push(d as u32);
            }
        }

        let mut context = vec![false; features.len()];
        for text in context_texts {
            for token in tokenize(text) {
                let lower = token.lower();
                if content(token.text, &lower, lang) {
                    if let Some(&f) = ids.get(&Feature::Stem(stems.stem_id(&lower))) {
                        context[f as usize] = true;
                    }
                }
            }
        }
        let mut concern_stem: HashMap<u32, bool> = HashMap::new();
        for w in &words {
            if w.concern {
                concern_stem.insert(w.stem, true);
            }
        }
        let concern = features
            .iter()
            .map(|f| match f {
                Feature::Stem(s) => concern_stem.contains_key(s),
                Feature::Phrase(a, b) => concern_stem.contains_key(a) || concern_stem.contains_key(b),
            })
            .collect();
        let background_stems: HashSet<u32> = background_words(lang).iter().map(|w| stems.stem_id(w)).collect();
        let background =
            features.iter().map(|f| matches!(f, Feature::Stem(s) if background_stems.contains(s))).collect();
        let mut shortest: HashMap<u32, usize> = HashMap::new();
        for w in &words {
            let len = w.lower.chars().count();
            let e = shortest.entry(w.stem).or_insert(len);
            *e = (*e).min(len);
        }
        let written_len = features
            .iter()
            .map(|f| if let Feature::Stem(s) = f { shortest.get(s).copied().unwrap_or(0) } else { 0 })
            .collect();
        Self { words, ids, features, docs, postings, occurrences, lengths, context, concern, background, written_len }
    }
}

/// Finds, for each long content word, the parts that are words used elsewhere in the answers:
/// "likestillingsarbeid" → "likestilling" + "arbeid". The linking -s- and -e- of nb/sv
/// compounds is dropped from the first part. Parts must be content words themselves.
fn split_compounds(words: &mut [Word], stems: &mut StemCache) {
    let mut known: HashMap<String, u32> = HashMap::new();
    for w in words.iter().filter(|w| w.content) {
        known.insert(w.lower.clone(), w.stem);
    }
    // A part is a written word; a first part of 6+ letters may also share its stem with one
    // ("utlysnings|tekstene" for "utlysninger"). Shorter stems match by accident
    // ("like|stilling" is not about "stillinger").
    let known_stems: HashSet<u32> = known.values().copied().collect();
    let mut lookup_head = |part: &str| -> Option<u32> {
        if let Some(&s) = known.get(part) {
            return (part.chars().count() >= MIN_PART).then_some(s);
        }
        if part.chars().count() < 6 {
            return None;
        }
        let s = stems.stem_id(part);
        known_stems.contains(&s).then_some(s)
    };
    let lookup_tail =
        |part: &str| -> Option<u32> { (part.chars().count() >= MIN_PART).then(|| known.get(part).copied()).flatten() };
    for w in words.iter_mut().filter(|w| w.content && w.lower.chars().count() >= MIN_COMPOUND) {
        let bounds: Vec<usize> = w.lower.char_indices().map(|(i, _)| i).skip(MIN_PART).collect();
        let mut parts = Vec::new();
        // The longest known head wins: "kjønnsbalansen" → "balansen", not "sen".
        for &cut in &bounds {
            let (head, tail) = w.lower.split_at(cut);
            if tail.chars().count() < MIN_PART {
                break;
            }
            let Some(tail_stem) = lookup_tail(tail) else { continue };
            let head_stem = lookup_head(head)
                .or_else(|| head.strip_suffix('s').and_then(&mut lookup_head))
                .or_else(|| head.strip_suffix('e').and_then(&mut lookup_head));
            parts.push(tail_stem);
            if let Some(h) = head_stem {
                parts.push(h);
            }
            break;
        }
        // Only a known first part ("varslings|saker" where "saker" is unknown): still a part.
        if parts.is_empty() {
            for &cut in bounds.iter().rev() {
                let (head, tail) = w.lower.split_at(cut);
                if tail.chars().count() < MIN_PART - 1 {
                    continue;
                }
                let head_stem = lookup_head(head)
                    .or_else(|| head.strip_suffix('s').and_then(&mut lookup_head))
                    .or_else(|| head.strip_suffix('e').and_then(&mut lookup_head));
                if let Some(h) = head_stem {
                    parts.push(h);
                    break;
                }
            }
        }
        parts.retain(|&p| p != w.stem);
        parts.sort_unstable();
        parts.dedup();
        w.parts = parts;
    }
}
