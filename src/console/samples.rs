//! Made-up but realistic answers for the demo, in the kit's language: the kind of thing the
//! seed meetings' members write about their unit's equality and diversity work. Questions of
//! the shipped kits have their own answers (so the digest's themes are about the question);
//! any other free-text question gets the language's general answers.

use crate::i18n::Lang;

/// Answers written for one question of a shipped kit: (kit id, question id, answers).
const BY_QUESTION: &[(&str, &str, &[&str])] = &[
    (
        "uio-koordineringsgruppe",
        "idealer",
        &[
            "Likeverd og like muligheter i rekruttering er idealet vi styrer etter.",
            "Vi styrer etter UiOs tiltaksplan, men akademisk frihet brukes ofte som argument mot tiltak.",
            "Mangfold i studentgruppen er det viktigste idealet for oss, særlig sosial bakgrunn.",
            "Et inkluderende arbeidsmiljø der alle blir hørt er idealet; det står i strategien vår.",
            "Like muligheter i rekruttering og lønn, og nulltoleranse for trakassering.",
        ],
    ),
    (
        "uio-koordineringsgruppe",
        "planverk",
        &[
            "Strategi 2030 nevner mangfold i én setning; årsplanen har ingen egne tiltak.",
            "Årsplanen har tre konkrete tiltak for rekruttering, men de mangler ansvarlig og frist.",
            "Likestilling står tydelig i strategien, mindre tydelig i instituttenes årsplaner.",
            "Vi har en egen handlingsplan for likestilling, men den er ikke koblet til budsjettet.",
        ],
    ),
    (
        "uio-koordineringsgruppe",
        "sammenhenger",
        &[
            "Temaet tas opp i ledermøtet to ganger i året, oftest av HR-sjefen.",
            "Det er likestillingsutvalget som tematiserer det; instituttlederne sjelden.",
            "I ansettelsesutvalgene, når sammensetningen av komiteer diskuteres.",
            "Studentrepresentantene tar det opp i programrådene, ellers lite.",
            "Verneombud og tillitsvalgte løfter det i arbeidsmiljøutvalget.",
        ],
    ),
    (
        "uio-koordineringsgruppe",
        "status",
        &[
            "Planen er vedtatt, men oppfølgingen er svak og ingen måler effekten.",
            "Vi er i gang med en ny plan; arbeidsgruppen leverer før sommeren.",
            "Status er god på rekruttering, dårlig på lønn og karriereløp for midlertidige.",
            "Arbeidet står stille etter at likestillingsrådgiveren sluttet.",
            "Vi har fått ny ledelse som prioriterer arbeidet høyere enn før.",
        ],
    ),
    (
        "uio-koordineringsgruppe",
        "praksis",
        &[
            "Mentorprogrammet for midlertidig ansatte virker godt, og det står ikke engang i planen.",
            "Vi bruker kjønnsbalanserte komiteer og bredere utlysninger i rekruttering.",
            "Oppfølgingen er svak. Vi rapporterer tiltak, men måler sjelden om de virker.",
            "Tillitsvalgte og verneombud deltar i trekantmøtene, og det har gjort arbeidet mer forankret.",
            "En ansatt har meldt fra om trakassering uten at saken ble fulgt opp; varslingsrutinen må bli kjent.",
        ],
    ),
    (
        "uio-koordineringsgruppe",
        "tiltak",
        &[
            "Mentorordningen for nye forskere virker best, særlig for kvinner i midlertidige stillinger.",
            "Kjønnsbalanserte komiteer har endret hvem som blir invitert til intervju.",
            "Lederopplæring om ubevisste fordommer har gitt bedre samtaler i ansettelser.",
            "Tiltak som har en ansvarlig leder og en frist virker; resten blir liggende.",
        ],
    ),
    (
        "uio-koordineringsgruppe",
        "gjeldende-plan",
        &[
            "Handlingsplan for likestilling og mangfold 2024–2027, vedtatt i fakultetsstyret.",
            "Tiltaksplanen ligger på fakultetets nettsider; den revideres i høst.",
            "Vi følger UiOs sentrale plan og har ingen egen lokal plan ennå.",
        ],
    ),
    (
        "bydel-likestilling",
        "hvor-er-vi",
        &[
            "Vi har kartlagt lønn og deltid, og neste steg er målrettede tiltak mot ufrivillig deltid.",
            "Kartleggingen er gjort, men den helhetlige planleggingen mangler fortsatt.",
            "Vi har fått på plass faste trekantmøter; nå vil vi bruke medarbeiderkartleggingen bedre.",
            "Tiltakene er spredt og lite målrettet. Vi trenger hjelp fra bydelsadministrasjonen.",
            "Flere ansatte med minoritetsbakgrunn er rekruttert til ledere; det vil vi fortsette med.",
        ],
    ),
    (
        "larandetraff-2",
        "framsteg",
        &[
            "Vi har infört könsuppdelad statistik i alla verksamhetsrapporter sedan förra träffen.",
            "Ledningsgruppen har fått en utbildning i jämställdhetsintegrering och en utpekad ansvarig.",
            "Vi har kommit igång med uppföljningen men analysen saknas fortfarande.",
            "Små framsteg: styrdokumenten är uppdaterade men verksamheten märker inget än.",
        ],
    ),
    (
        "larandetraff-2",
        "nyckeltal",
        &[
            "Sjukfrånvaro och lönegap för kvinnor och män i vård och omsorg.",
            "Andelen kvinnor och män bland chefer, och beviljade insatser per kön.",
            "Vi har prioriterat nyckeltal om hemtjänstens beviljade timmar per kön.",
            "Nyckeltal om ofrivillig deltid, eftersom den främst drabbar kvinnor.",
        ],
    ),
    (
        "larandetraff-2",
        "storsta-problem",
        &[
            "Lönegapet i kvinnodominerade yrken är det största problemet.",
            "Ofrivillig deltid och hög sjukfrånvaro bland kvinnor i omsorgen.",
            "Pojkar får mer stöd i skolan medan flickors psykiska ohälsa uppmärksammas för sent.",
            "Bedömningar av hjälpbehov där omedvetna föreställningar om kön styr.",
        ],
    ),
];

/// The answers a demo member may give to `question` of kit `kit`: written for it, or the
/// language's general answers.
pub fn answers_for(kit: &str, question: &str, lang: Lang) -> &'static [&'static str] {
    BY_QUESTION.iter().find(|(k, q, _)| *k == kit && *q == question).map_or_else(|| answers(lang), |(_, _, a)| *a)
}

pub fn answers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nb => &[
            "Vi har en lokal handlingsplan, men rekruttering er fortsatt det området der vi ser minst endring.",
            "Likestilling tas opp i ledermøtene to ganger i året, ellers er det mest HR som driver arbeidet.",
            "Planen er under utarbeidelse. Vi mangler tydelig ansvarsplassering mellom instituttledere og fakultetet.",
            "Mentorprogrammet for midlertidig ansatte virker godt, og det står ikke engang i planen.",
            "Vi bruker mangfoldsperspektivet i rekruttering: kjønnsbalanserte komiteer og bredere utlysninger.",
            "Oppfølgingen er svak. Vi rapporterer tiltak, men måler sjelden om de virker.",
            "Arbeidsmiljøundersøkelsen viser at ikke alle føler seg inkludert; det bør få konsekvenser for planen.",
            "Tillitsvalgte og verneombud deltar i trekantmøtene, og det har gjort arbeidet mer forankret.",
        ],
        Lang::Sv => &[
            "Jämställdhetsintegreringen syns i styrdokumenten men sällan i uppföljningen av verksamheten.",
            "Vi har könsuppdelad statistik men inga nyckeltal som driver förbättringsarbetet.",
            "Cheferna saknar mandat och tid för att genomföra förbättringar i sina verksamheter.",
            "Mentororganisationens arbete med uppföljning och analys är ett bra exempel att ta med hem.",
            "Ojämställdhet uppstår i bedömningar av hjälpbehov, där omedvetna föreställningar styr.",
            "Förtroendevalda efterfrågar resultat, men nyckeltalen når sällan fram till besluten.",
            "Vi vill prioritera lönegapet och sjukfrånvaron bland kvinnor i vård och omsorg.",
            "Ledningsgruppen behöver en utpekad chef som bär och bevakar frågorna.",
        ],
        Lang::En => &[
            "Our plan names recruitment as the priority, but follow-up of the measures is weak.",
            "Equality is discussed in management meetings twice a year; otherwise HR carries the work.",
            "The mentoring programme for temporary staff works well although it is not in the plan.",
            "We lack clear responsibility between department heads and the faculty.",
            "Gender-balanced hiring committees have changed who gets invited to interview.",
            "The staff survey shows that not everyone feels included, which should shape the plan.",
            "Union representatives take part in the planning meetings, which anchors the work.",
            "We report measures but rarely measure whether they work.",
        ],
    }
}

/// Made-up members for the demo: (name, role index).
pub const PEOPLE: [&str; 16] = [
    "Ingrid", "Ola", "Kari", "Ahmed", "Sofia", "Lars", "Maja", "Erik", "Nora", "Johan", "Fatima", "Per", "Elin",
    "Jonas", "Hanna", "Omar",
];
