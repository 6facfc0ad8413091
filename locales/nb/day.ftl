## Møtedager: rom etter tema (#18)
choose-post-topics = Velg et tema ({ $rooms } å velge mellom):
room-picked-brief = **{ $name }** er med. Dette svarte hen før møtet:
err-topics-none = Ingen temaer er oppgitt. Skriv dem skilt med ; (f.eks. Rekruttering; Lønnsgap).
err-topic-empty = Tema { $position } er tomt. Skriv temaene skilt med ; med tekst mellom.
err-topic-long = Tema { $position } har { $chars } tegn; et romnavn og en knapp rommer høyst { $max }. Gjør det kortere.
err-topic-twice = «{ $topic }» er oppgitt to ganger (tema { $first } og { $second }). Gi hvert rom sitt eget tema.
err-topics-many = { $count } temaer er flere rom enn en Discord-server kan ha (høyst { $max }).
err-topics-need-choose = Temaer er for modus velg selv (deltakerne velger rom), ikke «{ $mode }».
kit-e-topics-not-choose = `topics` gjelder bare gruppeopplegg med mode = "choose"
kit-h-topics-not-choose = sett mode = "choose" eller fjern linjen
kit-e-topics-none = `topics` er tom
kit-e-topic-empty = dette temaet er tomt
kit-e-topic-long = dette temaet har { $chars } tegn; et romnavn og en knapp rommer høyst { $max }
kit-e-topic-twice = temaet «{ $topic }» er allerede oppgitt som tema { $first }
kit-e-topics-many = { $count } temaer er flere rom enn en Discord-server kan ha (høyst { $max })
kit-h-topics = én kort tekst per rom, ingen like, f.eks. topics = ["Rekruttering", "Lønnsgap"]
