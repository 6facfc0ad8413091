## Møtedager: rom etter tema (#18)
choose-post-topics = Velg et tema ({ $rooms } å velge mellom):
room-picked-brief = **{ $name }** er med. Dette svarte hen før møtet:
err-topics-none = Ingen temaer er oppgitt. Skriv dem skilt med ; (f.eks. Rekruttering; Lønnsgap).
err-topic-empty = Tema { $position } er tomt. Skriv temaene skilt med ; med tekst mellom.
err-topic-long = Tema { $position } har { $chars } tegn; et romnavn og en knapp rommer høyst { $max }. Gjør det kortere.
err-topic-twice = «{ $topic }» er oppgitt to ganger (tema { $first } og { $second }). Gi hvert rom sitt eget tema.
err-topics-many = { $count } temaer er flere rom enn en Discord-server kan ha (høyst { $max }).
err-topics-need-choose = Temaer er for modus velg selv (deltakerne velger rom), ikke «{ $mode }».
