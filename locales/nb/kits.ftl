## /kit: opplegg som arrangører laster opp, lister, laster ned og sletter
kit-uploaded = Lagret opplegget **{ $title }** (`{ $kit }`) som versjon { $version }. Last det inn med `/meeting load kit:{ $kit }`.
kit-uploaded-overrides = Denne serveren bruker nå sitt eget `{ $kit }` i stedet for opplegget som følger med samrad.
kit-list-title = Opplegg du kan laste inn her:
kit-list-guild = `{ $kit }` — { $title } ({ $language }) · denne serveren, versjon { $version }, lastet opp av { $by } { $when }
kit-list-shipped = `{ $kit }` — { $title } ({ $language }) · følger med samrad
kit-list-empty = Ingen opplegg ennå. Hent et startopplegg med `/kit template` og last det opp med `/kit upload`.
kit-downloaded = Opplegget `{ $kit }`: rediger det og last det opp igjen med `/kit upload`.
kit-template = Et startopplegg på norsk. Rediger det, og last det opp med `/kit upload`. Veiledningen: docs/guide-nb.md
kit-deleted = { $count ->
    [one] Slettet opplegget `{ $kit }` (én versjon). Møter som er lastet inn fra det, beholder sin kopi.
   *[other] Slettet opplegget `{ $kit }` ({ $count } versjoner). Møter som er lastet inn fra det, beholder sin kopi.
}
kit-err-download = Fila kunne ikke hentes fra Discord. Ingenting ble lagret; legg den ved på nytt.
kit-err-too-large = Fila er { $kib } KiB; et opplegg kan være høyst { $max } KiB. Ingenting ble lagret.
kit-err-empty = Fila er tom. Ingenting ble lagret.
kit-err-not-text = Det er ikke et opplegg, men { $what }. Legg ved oppleggets `.toml`-fil (ren tekst). Ingenting ble lagret.
kit-err-not-utf8 = `{ $line }:{ $column }`: fila er ikke UTF-8-tekst (tips: lagre den som UTF-8; de fleste redigeringsprogrammer har det under Lagre som → Koding). Ingenting ble lagret.
kit-err-too-deep = `{ $line }:{ $column }`: fila er nøstet mer enn { $max } nivåer dypt (tips: et opplegg har nøkler på toppnivå og seksjonene [schedule], [[questions]], [[agenda]] og [[breakouts]]). Ingenting ble lagret.
kit-err-not-a-kit = Dette er en TOML-fil, men ikke et møteopplegg: den har ingen av oppleggets nøkler (id, title, language, date, questions). Begynn med `/kit template`. Ingenting ble lagret.
kit-err-invalid = { $count ->
    [one] Opplegget har ett problem; ingenting ble lagret:
   *[other] Opplegget har { $count } problemer; ingenting ble lagret:
}
kit-err-unchanged = Opplegget `{ $kit }` versjon { $version } har allerede nøyaktig denne teksten; ingenting nytt ble lagret.
kit-err-unknown = Det finnes ikke noe opplegg `{ $kit }` her. Opplegg: { $known }
kit-err-shipped = `{ $kit }` følger med samrad og kan ikke slettes. Last opp ditt eget opplegg med samme id for å bruke det i stedet.
kit-err-stale = Det lagrede opplegget `{ $kit }` består ikke lenger kontrollene. Last det ned, rett disse linjene og last det opp igjen:
kit-what-png = et PNG-bilde
kit-what-jpeg = et JPEG-bilde
kit-what-gif = et GIF-bilde
kit-what-pdf = et PDF-dokument
kit-what-zip = et ZIP-arkiv (eller et Word/Excel-dokument)
kit-what-gzip = et komprimert arkiv
kit-what-binary = en binærfil

## /kit: navn og beskrivelser
cmd-kit-name = opplegg
cmd-kit-description = Serverens møteopplegg: last opp, list, last ned, mal, slett
cmd-kit-upload-name = last-opp
cmd-kit-upload-description = Last opp et møteopplegg (.toml) for denne serveren
cmd-kit-upload-file-name = fil
cmd-kit-upload-file-description = Oppleggets .toml-fil
cmd-kit-list-name = liste
cmd-kit-list-description = Oppleggene du kan laste inn her
cmd-kit-download-name = last-ned
cmd-kit-download-description = Hent oppleggets .toml-fil for å redigere og laste den opp igjen
cmd-kit-download-kit-name = opplegg
cmd-kit-download-kit-description = Opplegget
cmd-kit-template-name = mal
cmd-kit-template-description = Et kommentert startopplegg som består kontrollene
cmd-kit-template-language-name = språk
cmd-kit-template-language-description = Oppleggets språk (standard: ditt)
cmd-kit-delete-name = slett
cmd-kit-delete-description = Slett et av serverens opplegg (alle versjoner)
cmd-kit-delete-kit-name = opplegg
cmd-kit-delete-kit-description = Opplegget
purpose-heading = **Formålet med dagen**

## Meetings without units
err-no-units = Dette møtet har ingen enheter: alle svarer for seg selv. Trykk bare **Svar** (eller bruk `/svar`).
err-split-needs-units = «{ $mode }» setter folk sammen etter enhet, og dette møtet har ingen enheter. Bruk random, roles eller choose.

# Kit errors told through the catalogues (`/kit upload` replies in the organiser's language;
# `samrad check` prints the English). Keys, ids and TOML's own detail stay as written.
kit-hint = (tips: { $hint })
kit-e-toml-syntax = TOML-syntaksfeil: { $detail }
kit-h-toml-syntax = sjekk anførselstegn, klammer og `=` her; tekst og klokkeslett må stå i anførselstegn, f.eks. start = "09:30"
kit-e-toml-value = { $detail }
kit-h-invalid-type = tekst står i anførselstegn, hele tall og true/false uten, lister i [ ]
kit-h-see-format = se docs/kit-format.md for nøklene et kit kan ha
kit-e-unknown-key = ukjent nøkkel `{ $key }` { $place }
kit-place-top = på øverste nivå
kit-place-section = i { $section }
kit-h-did-you-mean = mente du `{ $close }`?
kit-h-known-keys = kjente nøkler { $place }: { $keys }
kit-e-ask-unknown = agendapunktet stiller et ukjent spørsmål `{ $id }`
kit-h-ask-add-question = legg til en [[questions]]-blokk med denne id-en og phase = "during"
kit-e-ask-not-during = spørsmålet `{ $id }` stilles under møtet, men er ikke et spørsmål for møtedagen
kit-h-ask-not-during = legg til phase = "during" på spørsmålet
kit-e-ask-twice = spørsmålet `{ $id }` stilles allerede på linje { $line }
kit-h-ask-twice = still hvert spørsmål ved ett agendapunkt; `/agenda ask` kan legge det ut igjen
kit-e-invalid = opplegget er ugyldig
kit-h-keyword-english = skriv `{ $meant }` (nøkkelordene i opplegget er engelske)
kit-h-one-of = bruk ett av: { $ids }
kit-e-missing-key = mangler den påkrevde nøkkelen `{ $key }` { $place }
kit-place-question = i spørsmål nr. { $n }
kit-place-plan = i gruppeplan nr. { $n }
kit-place-agenda = i agendapunkt nr. { $n }
kit-h-key-id = f.eks. id = "larandetraff-2"
kit-h-key-title = navnet på møtet
kit-h-key-language = nb, sv eller en
kit-h-key-date = møtedagen, f.eks. date = 2027-03-15
kit-e-empty-title = tittelen er tom
kit-e-empty-purpose = formålslinjen er tom
kit-e-empty-question-text = spørsmålsteksten er tom
kit-e-empty-help = hjelpeteksten er tom
kit-e-empty-plan-title = tittelen på gruppeplanen er tom
kit-e-empty-agenda-title = tittelen på agendapunktet er tom
kit-h-empty = skriv litt tekst mellom anførselstegnene
kit-e-slug-kit = ugyldig id for opplegget: `{ $value }`
kit-e-slug-previous = ugyldig id for forrige opplegg: `{ $value }`
kit-e-slug-plan = ugyldig id for gruppeplanen: `{ $value }`
kit-h-slug = bruk 1 til { $max } tegn av a-z, 0-9, '-' og '_' (ikke æ, ø, å, ä, ö), f.eks. `larandetraff-2`
kit-e-language = språket `{ $value }` støttes ikke
kit-e-previous-self = et opplegg kan ikke følge etter seg selv
kit-h-previous-self = `previous` er id-en til opplegget for forrige møte
kit-e-timezone = ukjent tidssone `{ $value }`
kit-h-timezone = bruk et IANA-navn som Europe/Oslo eller Europe/Stockholm
kit-e-date = ugyldig dato { $value }
kit-h-date = skriv møtedagen som år-måned-dag, f.eks. date = 2027-03-15
kit-e-duplicate-unit = enheten `{ $name }` står to ganger (allerede som `{ $first }` på linje { $line })
kit-e-duplicate-role = rollen `{ $name }` står to ganger (allerede som `{ $first }` på linje { $line })
kit-h-duplicate-name = store og små bokstaver regnes som like i navn; skriv hvert navn én gang
kit-e-unit-name = ugyldig enhetsnavn `{ $value }`
kit-e-role-name = ugyldig rollenavn `{ $value }`
kit-h-name-length = navn har 1 til 100 tegn
kit-e-unit-answers-no-units = `unit_answers` samler ett svar per enhet, og dette opplegget har ingen `units`
kit-h-unit-answers-no-units = legg til units = ["..."] øverst, eller fjern unit_answers
kit-e-unit-answers-anonymous = spørsmålet `{ $id }` er anonymt, og et enhetssvar vises alltid med enheten sin
kit-h-unit-answers-anonymous = sett anonymous = false på spørsmålet, eller fjern unit_answers
kit-e-mode-needs-units = gruppemodusen `{ $mode }` setter folk sammen etter enhet, og dette opplegget har ingen `units`
kit-h-mode-needs-units = legg til units = ["..."] øverst, eller bruk random, roles eller choose

## Kit errors: questions
kit-h-question-id = en kort id som `q1`
kit-h-question-text = spørsmålet slik medlemmene skal lese det
kit-e-question-id = ugyldig spørsmåls-id `{ $value }`
kit-h-question-id-chars = bruk bare a-z, 0-9, '-' og '_', høyst { $max } tegn, f.eks. `q1` eller `nokkeltal-lon`
kit-e-duplicate-question = spørsmåls-id-en `{ $id }` er brukt før (første gang på linje { $line })
kit-h-duplicate-question = gi hvert spørsmål sin egen id
kit-e-phase = ukjent fase `{ $value }`
kit-e-question-kind = ukjent spørsmålstype `{ $value }`
kit-e-only-scale = `{ $key }` gjelder bare skalaspørsmål
kit-h-only-scale = fjern den, eller sett kind = "scale"
kit-e-only-choice = `options` gjelder bare flervalgsspørsmål
kit-h-only-choice = fjern den, eller sett kind = "choice"
kit-e-scale-range = { $value } er utenfor gyldig område
kit-h-scale-range = skalaer er små hele tall, f.eks. 1 til 5
kit-e-scale-order = skalaens min ({ $min }) må være mindre enn max ({ $max })
kit-h-scale-order = f.eks. min = 1, max = 5
kit-e-scale-steps = en skala fra { $min } til { $max } har { $steps } trinn; høyst { $most } får plass
kit-h-scale-steps = nedtrekksmenyer i Discord har plass til { $most } valg; bruk en kortere skala eller et tallspørsmål
kit-e-choice-options = et flervalgsspørsmål trenger `options`
kit-h-choice-options = f.eks. options = ["Ja", "Delvis", "Nei"]
kit-e-option-length = et valg må ha 1 til { $most } tegn
kit-h-option-length = Discord viser valgene i en nedtrekksmeny
kit-e-duplicate-option = valget `{ $option }` står to ganger
kit-h-duplicate-option = skriv hvert valg én gang
kit-e-choice-few = et flervalgsspørsmål trenger minst 2 valg (har { $count })
kit-h-choice-few = bruk yes_no for ett ja/nei-spørsmål, eller legg til valg
kit-e-choice-many = { $count } valg er for mange; høyst { $most } får plass
kit-h-choice-many = nedtrekksmenyer i Discord har plass til { $most } valg

## Kit errors: schedule and times
kit-e-time = ugyldig klokkeslett { $value }
kit-h-time = skriv et 24-timers klokkeslett i anførselstegn, f.eks. "09:30"
kit-when = { $days ->
    [0] møtedagen kl. { $time }
    [one] 1 dag før kl. { $time }
   *[other] { $days } dager før kl. { $time }
}
kit-e-days = { $value } er ikke et antall dager
kit-h-days = et helt tall fra 0 (møtedagen) til { $most }
kit-e-opens-after-deadline = svarene åpner ({ $open }) etter fristen ({ $deadline })
kit-h-opens-after-deadline = open_days_before må være større enn deadline_days_before
kit-e-reminder-outside = påminnelsen { $reminder } er ikke mellom åpningen ({ $open }) og fristen ({ $deadline })
kit-h-reminder-outside = verdiene i reminders_days_before må være under { $open } og minst { $deadline }
kit-e-cron = ugyldig remind_cron `{ $value }`: { $detail }
kit-h-cron = fem felt: minutt time dag-i-måneden måned ukedag, f.eks. "0 9 * * MON"
kit-e-cron-never = remind_cron `{ $value }` slår aldri til mellom åpningen ({ $open }) og fristen ({ $deadline })
kit-h-cron-never = velg et mønster som treffer en dag mens svarene er åpne, eller fjern det

## Kit errors: breakout plans and the agenda
kit-h-plan-id = en kort id som `smagrupper`
kit-h-plan-title = hva gruppene skal gjøre
kit-h-plan-minutes = hvor lenge grupperommene er åpne
kit-e-duplicate-plan = gruppeplan-id-en `{ $id }` er brukt før (første gang på linje { $line })
kit-h-duplicate-plan = gi hver plan sin egen id
kit-e-mode = ukjent gruppemodus `{ $value }`
kit-e-room-size = romstørrelsen { $value } er for liten
kit-h-room-size = et rom trenger minst 2 personer; utelat `size` for å la modusen bestemme
kit-e-plan-question = gruppeplanen viser til et ukjent spørsmål `{ $id }`
kit-h-no-questions = opplegget har ingen [[questions]]
kit-h-question-ids = spørsmåls-id-er i opplegget: { $ids }
kit-e-minutes = { $value } minutter er ikke en varighet
kit-h-minutes = et helt antall minutter fra 1, f.eks. minutes = 30
kit-e-overlap = agendapunktet `{ $title }` ({ $start }–{ $end }) overlapper `{ $other }` ({ $other_start }–{ $other_end }, linje { $line })
kit-h-overlap = start det når det andre slutter, eller gjør det andre kortere
kit-h-agenda-title = hva som skjer, f.eks. title = "Lunsj"
kit-h-agenda-start = f.eks. start = "09:30"
kit-h-agenda-minutes = hvor lenge det varer, f.eks. minutes = 30 (eller oppgi end = "10:00")
kit-e-agenda-kind = ukjent type agendapunkt `{ $value }`
kit-e-end-mismatch = `end` ({ $end }) stemmer ikke med start + minutes ({ $minutes })
kit-h-end-mismatch = oppgi enten `minutes` eller `end`
kit-e-end-before-start = agendapunktet slutter ({ $end }) før det starter, eller etter midnatt
kit-h-end-before-start = agendapunkter slutter på møtedagen, etter at de har startet
kit-e-past-midnight = agendapunktet som starter { $start } og varer { $minutes } minutter, går til midnatt eller forbi
kit-h-past-midnight = agendapunkter slutter på møtedagen; sjekk start og minutes
kit-e-only-breakout = `breakout` gjelder bare agendapunkter med kind = "breakout"
kit-h-only-breakout = sett kind = "breakout" eller fjern linjen
kit-e-plan-longer = gruppeplanen `{ $plan }` tar { $plan_minutes } minutter, men dette agendapunktet har { $minutes }
kit-h-plan-longer = gjør punktet lengre eller planens minutes kortere
kit-e-missing-plan = agendapunktet viser til en gruppeplan som mangler: `{ $id }`
kit-h-add-plan = legg til en [[breakouts]]-plan med denne id-en
kit-h-plan-ids = gruppeplaner i opplegget: { $ids }

# Rooms by topic (choose plans' `topics`)
kit-e-topics-not-choose = `topics` gjelder bare gruppeopplegg med mode = "choose"
kit-h-topics-not-choose = sett mode = "choose" eller fjern linjen
kit-e-topics-none = `topics` er tom
kit-e-topic-empty = dette temaet er tomt
kit-e-topic-long = dette temaet har { $chars } tegn; et romnavn og en knapp rommer høyst { $max }
kit-e-topic-twice = temaet «{ $topic }» er allerede oppgitt som tema { $first }
kit-e-topics-many = { $count } temaer er flere rom enn en Discord-server kan ha (høyst { $max })
kit-h-topics = én kort tekst per rom, ingen like, f.eks. topics = ["Rekruttering", "Lønnsgap"]

## Innledere på et agendapunkt (taletid)
kit-e-slot-without-presenters = `speaker_minutes`, `questions_minutes` og `prepare_days_before` krever `presenters`
kit-h-presenters = presenters = "units" (hver enhet), eller en liste som presenters = ["KHM", "@Ella Ghosh"] (enheter, eller medlemmer etter @)
kit-e-presenters-kind = en pause eller et gruppearbeid har ingen innledere
kit-h-presenters-kind = bruk kind = "presentation" eller "plenary"
kit-e-slot-minutes = { $value } er ikke tillatt her
kit-h-slot-minutes = et helt tall fra { $least } til { $most }
kit-e-presenters-overrun = { $count } innledere × ({ $talk } + { $questions } minutter) tar { $total } minutter, og punktet har { $minutes }
kit-h-presenters-overrun = gjør punktet lengre, taletiden kortere eller listen over innledere kortere
kit-e-presenters-no-units = presenters = "units" krever kitets `units`
kit-e-presenters-shape = `presenters` er "units" eller en liste med navn
kit-e-presenter-empty = navnet på en innleder er tomt
kit-e-presenter-unknown = innleder `{ $name }` er ikke en enhet i dette kitet
kit-h-presenter-unit = enheter i dette kitet: { $units }; et medlem skrives med @, f.eks. "@Ella Ghosh"
kit-e-presenter-twice = `{ $name }` innleder to ganger på dette punktet
kit-h-presenter-twice = før opp hver innleder én gang; flytt talere underveis med /agenda speaker move
