//! Made-up but realistic answers for the demo, in the kit's language: the kind of thing the
//! seed meetings' members write about their unit's equality and diversity work.

use crate::i18n::Lang;

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
