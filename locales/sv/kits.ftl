## /kit: upplägg som arrangörer laddar upp, listar, laddar ner och tar bort
kit-uploaded = Sparade upplägget **{ $title }** (`{ $kit }`) som version { $version }. Ladda det med `/meeting load kit:{ $kit }`.
kit-uploaded-overrides = Den här servern använder nu sitt eget `{ $kit }` i stället för upplägget som följer med samrad.
kit-list-title = Upplägg du kan ladda här:
kit-list-guild = `{ $kit }` — { $title } ({ $language }) · den här servern, version { $version }, uppladdat av { $by } { $when }
kit-list-shipped = `{ $kit }` — { $title } ({ $language }) · följer med samrad
kit-list-empty = Inga upplägg ännu. Hämta ett startupplägg med `/kit template` och ladda upp det med `/kit upload`.
kit-downloaded = Upplägget `{ $kit }`: redigera det och ladda upp det igen med `/kit upload`.
kit-template = Ett startupplägg på svenska. Redigera det och ladda upp det med `/kit upload`. Guiden: docs/guide-sv.md
kit-deleted = { $count ->
    [one] Tog bort upplägget `{ $kit }` (en version). Möten som laddats från det behåller sin kopia.
   *[other] Tog bort upplägget `{ $kit }` ({ $count } versioner). Möten som laddats från det behåller sin kopia.
}
kit-err-download = Filen kunde inte hämtas från Discord. Inget sparades; bifoga den igen.
kit-err-too-large = Filen är { $kib } KiB; ett upplägg får vara högst { $max } KiB. Inget sparades.
kit-err-empty = Filen är tom. Inget sparades.
kit-err-not-text = Det är inget upplägg utan { $what }. Bifoga uppläggets `.toml`-fil (ren text). Inget sparades.
kit-err-not-utf8 = `{ $line }:{ $column }`: filen är inte UTF-8-text (tips: spara den som UTF-8; de flesta redigerare har det under Spara som → Kodning). Inget sparades.
kit-err-too-deep = `{ $line }:{ $column }`: filen är nästlad mer än { $max } nivåer djupt (tips: ett upplägg har nycklar på toppnivå och avsnitten [schedule], [[questions]], [[agenda]] och [[breakouts]]). Inget sparades.
kit-err-not-a-kit = Det här är en TOML-fil men inget mötesupplägg: den har ingen av uppläggets nycklar (id, title, language, date, questions). Börja med `/kit template`. Inget sparades.
kit-err-invalid = { $count ->
    [one] Upplägget har ett problem; inget sparades:
   *[other] Upplägget har { $count } problem; inget sparades:
}
kit-err-unchanged = Upplägget `{ $kit }` version { $version } har redan exakt den här texten; inget nytt sparades.
kit-err-unknown = Det finns inget upplägg `{ $kit }` här. Upplägg: { $known }
kit-err-shipped = `{ $kit }` följer med samrad och kan inte tas bort. Ladda upp ett eget upplägg med samma id för att använda det i stället.
kit-err-stale = Det sparade upplägget `{ $kit }` klarar inte längre kontrollerna. Ladda ner det, rätta de här raderna och ladda upp det igen:
kit-what-png = en PNG-bild
kit-what-jpeg = en JPEG-bild
kit-what-gif = en GIF-bild
kit-what-pdf = ett PDF-dokument
kit-what-zip = ett ZIP-arkiv (eller ett Word/Excel-dokument)
kit-what-gzip = ett komprimerat arkiv
kit-what-binary = en binär fil

## /kit: namn och beskrivningar
cmd-kit-name = upplägg
cmd-kit-description = Serverns mötesupplägg: ladda upp, lista, ladda ner, mall, ta bort
cmd-kit-upload-name = ladda-upp
cmd-kit-upload-description = Ladda upp ett mötesupplägg (.toml) för den här servern
cmd-kit-upload-file-name = fil
cmd-kit-upload-file-description = Uppläggets .toml-fil
cmd-kit-list-name = lista
cmd-kit-list-description = Uppläggen du kan ladda här
cmd-kit-download-name = ladda-ner
cmd-kit-download-description = Hämta uppläggets .toml-fil för att redigera och ladda upp den igen
cmd-kit-download-kit-name = upplägg
cmd-kit-download-kit-description = Upplägget
cmd-kit-template-name = mall
cmd-kit-template-description = Ett kommenterat startupplägg som klarar kontrollerna
cmd-kit-template-language-name = språk
cmd-kit-template-language-description = Uppläggets språk (standard: ditt)
cmd-kit-delete-name = ta-bort
cmd-kit-delete-description = Ta bort ett av serverns upplägg (alla versioner)
cmd-kit-delete-kit-name = upplägg
cmd-kit-delete-kit-description = Upplägget
purpose-heading = **Syftet med dagen**

## Meetings without units
err-no-units = Det här mötet har inga enheter: alla svarar för sig själva. Tryck bara på **Svara** (eller använd `/svara`).
err-split-needs-units = ”{ $mode }” sätter ihop folk efter enhet, och det här mötet har inga enheter. Använd random, roles eller choose.

# Kit errors told through the catalogues (`/kit upload` replies in the organiser's language;
# `samrad check` prints the English). Keys, ids and TOML's own detail stay as written.
kit-hint = (tips: { $hint })
kit-e-toml-syntax = TOML-syntaxfel: { $detail }
kit-h-toml-syntax = kontrollera citattecken, hakparenteser och `=` här; text och klockslag ska stå inom citattecken, t.ex. start = "09:30"
kit-e-toml-value = { $detail }
kit-h-invalid-type = text står inom citattecken, heltal och true/false utan, listor inom [ ]
kit-h-see-format = se docs/kit-format.md för de nycklar ett kit kan ha
kit-e-unknown-key = okänd nyckel `{ $key }` { $place }
kit-place-top = på översta nivån
kit-place-section = i { $section }
kit-h-did-you-mean = menade du `{ $close }`?
kit-h-known-keys = kända nycklar { $place }: { $keys }
kit-e-ask-unknown = agendapunkten ställer en okänd fråga `{ $id }`
kit-h-ask-add-question = lägg till ett [[questions]]-block med detta id och phase = "during"
kit-e-ask-not-during = frågan `{ $id }` ställs under mötet men är inte en fråga för mötesdagen
kit-h-ask-not-during = lägg till phase = "during" på frågan
kit-e-ask-twice = frågan `{ $id }` ställs redan på rad { $line }
kit-h-ask-twice = ställ varje fråga vid en agendapunkt; `/agenda ask` kan publicera den igen
kit-e-invalid = upplägget är ogiltigt
kit-h-keyword-english = skriv `{ $meant }` (nyckelorden i upplägget är engelska)
kit-h-one-of = använd ett av: { $ids }
kit-e-missing-key = den obligatoriska nyckeln `{ $key }` saknas { $place }
kit-place-question = i fråga nr { $n }
kit-place-plan = i gruppplan nr { $n }
kit-place-agenda = i agendapunkt nr { $n }
kit-h-key-id = t.ex. id = "larandetraff-2"
kit-h-key-title = mötets namn
kit-h-key-language = nb, sv eller en
kit-h-key-date = mötesdagen, t.ex. date = 2027-03-15
kit-e-empty-title = titeln är tom
kit-e-empty-purpose = syftesraden är tom
kit-e-empty-question-text = frågetexten är tom
kit-e-empty-help = hjälptexten är tom
kit-e-empty-plan-title = gruppplanens titel är tom
kit-e-empty-agenda-title = agendapunktets titel är tom
kit-h-empty = skriv lite text mellan citattecknen
kit-e-slug-kit = ogiltigt id för upplägget: `{ $value }`
kit-e-slug-previous = ogiltigt id för föregående upplägg: `{ $value }`
kit-e-slug-plan = ogiltigt id för gruppplanen: `{ $value }`
kit-h-slug = använd 1 till { $max } tecken av a-z, 0-9, '-' och '_' (inte æ, ø, å, ä, ö), t.ex. `larandetraff-2`
kit-e-language = språket `{ $value }` stöds inte
kit-e-previous-self = ett upplägg kan inte följa efter sig självt
kit-h-previous-self = `previous` är id:t för upplägget till föregående möte
kit-e-timezone = okänd tidszon `{ $value }`
kit-h-timezone = använd ett IANA-namn som Europe/Stockholm eller Europe/Oslo
kit-e-date = ogiltigt datum { $value }
kit-h-date = skriv mötesdagen som år-månad-dag, t.ex. date = 2027-03-15
kit-e-duplicate-unit = enheten `{ $name }` står två gånger (redan som `{ $first }` på rad { $line })
kit-e-duplicate-role = rollen `{ $name }` står två gånger (redan som `{ $first }` på rad { $line })
kit-h-duplicate-name = stora och små bokstäver räknas som lika i namn; skriv varje namn en gång
kit-e-unit-name = ogiltigt enhetsnamn `{ $value }`
kit-e-role-name = ogiltigt rollnamn `{ $value }`
kit-h-name-length = namn har 1 till 100 tecken
kit-e-unit-answers-no-units = `unit_answers` samlar ett svar per enhet, och det här upplägget har inga `units`
kit-h-unit-answers-no-units = lägg till units = ["..."] överst, eller ta bort unit_answers
kit-e-unit-answers-anonymous = frågan `{ $id }` är anonym, och ett enhetssvar visas alltid med sin enhet
kit-h-unit-answers-anonymous = sätt anonymous = false på frågan, eller ta bort unit_answers
kit-e-mode-needs-units = gruppläget `{ $mode }` placerar folk efter enhet, och det här upplägget har inga `units`
kit-h-mode-needs-units = lägg till units = ["..."] överst, eller använd random, roles eller choose

## Kit errors: questions
kit-h-question-id = ett kort id som `q1`
kit-h-question-text = frågan så som medlemmarna ska läsa den
kit-e-question-id = ogiltigt fråge-id `{ $value }`
kit-h-question-id-chars = använd bara a-z, 0-9, '-' och '_', högst { $max } tecken, t.ex. `q1` eller `nokkeltal-lon`
kit-e-duplicate-question = fråge-id:t `{ $id }` används redan (första gången på rad { $line })
kit-h-duplicate-question = ge varje fråga ett eget id
kit-e-phase = okänd fas `{ $value }`
kit-e-question-kind = okänd frågetyp `{ $value }`
kit-e-only-scale = `{ $key }` gäller bara skalfrågor
kit-h-only-scale = ta bort den, eller sätt kind = "scale"
kit-e-only-choice = `options` gäller bara flervalsfrågor
kit-h-only-choice = ta bort den, eller sätt kind = "choice"
kit-e-scale-range = { $value } ligger utanför tillåtet intervall
kit-h-scale-range = skalor är små heltal, t.ex. 1 till 5
kit-e-scale-order = skalans min ({ $min }) måste vara mindre än max ({ $max })
kit-h-scale-order = t.ex. min = 1, max = 5
kit-e-scale-steps = en skala från { $min } till { $max } har { $steps } steg; högst { $most } får plats
kit-h-scale-steps = rullgardinsmenyer i Discord rymmer { $most } alternativ; använd en kortare skala eller en sifferfråga
kit-e-choice-options = en flervalsfråga behöver `options`
kit-h-choice-options = t.ex. options = ["Ja", "Delvis", "Nej"]
kit-e-option-length = ett alternativ måste ha 1 till { $most } tecken
kit-h-option-length = Discord visar alternativen i en rullgardinsmeny
kit-e-duplicate-option = alternativet `{ $option }` står två gånger
kit-h-duplicate-option = skriv varje alternativ en gång
kit-e-choice-few = en flervalsfråga behöver minst 2 alternativ (har { $count })
kit-h-choice-few = använd yes_no för en enkel ja/nej-fråga, eller lägg till alternativ
kit-e-choice-many = { $count } alternativ är för många; högst { $most } får plats
kit-h-choice-many = rullgardinsmenyer i Discord rymmer { $most } alternativ

## Kit errors: schedule and times
kit-e-time = ogiltig tid { $value }
kit-h-time = skriv en 24-timmarstid inom citattecken, t.ex. "09:30"
kit-when = { $days ->
    [0] mötesdagen kl. { $time }
    [one] 1 dag före kl. { $time }
   *[other] { $days } dagar före kl. { $time }
}
kit-e-days = { $value } är inte ett antal dagar
kit-h-days = ett heltal från 0 (mötesdagen) till { $most }
kit-e-opens-after-deadline = svaren öppnar ({ $open }) efter sista dagen ({ $deadline })
kit-h-opens-after-deadline = open_days_before måste vara större än deadline_days_before
kit-e-reminder-outside = påminnelsen { $reminder } ligger inte mellan öppningen ({ $open }) och sista dagen ({ $deadline })
kit-h-reminder-outside = värdena i reminders_days_before måste vara under { $open } och minst { $deadline }
kit-e-cron = ogiltigt remind_cron `{ $value }`: { $detail }
kit-h-cron = fem fält: minut timme dag-i-månaden månad veckodag, t.ex. "0 9 * * MON"
kit-e-cron-never = remind_cron `{ $value }` slår aldrig till mellan öppningen ({ $open }) och sista dagen ({ $deadline })
kit-h-cron-never = välj ett mönster som träffar en dag medan svaren är öppna, eller ta bort det

## Kit errors: breakout plans and the agenda
kit-h-plan-id = ett kort id som `smagrupper`
kit-h-plan-title = vad grupperna ska göra
kit-h-plan-minutes = hur länge grupprummen är öppna
kit-e-duplicate-plan = gruppplanens id `{ $id }` används redan (första gången på rad { $line })
kit-h-duplicate-plan = ge varje plan ett eget id
kit-e-mode = okänt gruppläge `{ $value }`
kit-e-room-size = rumsstorleken { $value } är för liten
kit-h-room-size = ett rum behöver minst 2 personer; utelämna `size` så bestämmer läget
kit-e-plan-question = gruppplanen hänvisar till en okänd fråga `{ $id }`
kit-h-no-questions = upplägget har inga [[questions]]
kit-h-question-ids = fråge-id:n i upplägget: { $ids }
kit-e-minutes = { $value } minuter är ingen varaktighet
kit-h-minutes = ett helt antal minuter från 1, t.ex. minutes = 30
kit-e-overlap = agendapunkten `{ $title }` ({ $start }–{ $end }) överlappar `{ $other }` ({ $other_start }–{ $other_end }, rad { $line })
kit-h-overlap = börja den när den andra slutar, eller korta den andra
kit-h-agenda-title = vad som händer, t.ex. title = "Lunch"
kit-h-agenda-start = t.ex. start = "09:30"
kit-h-agenda-minutes = hur länge den pågår, t.ex. minutes = 30 (eller ange end = "10:00")
kit-e-agenda-kind = okänd typ av agendapunkt `{ $value }`
kit-e-end-mismatch = `end` ({ $end }) stämmer inte med start + minutes ({ $minutes })
kit-h-end-mismatch = ange antingen `minutes` eller `end`
kit-e-end-before-start = agendapunkten slutar ({ $end }) innan den börjar, eller efter midnatt
kit-h-end-before-start = agendapunkter slutar på mötesdagen, efter att de har börjat
kit-e-past-midnight = agendapunkten som börjar { $start } och pågår { $minutes } minuter går till midnatt eller förbi
kit-h-past-midnight = agendapunkter slutar på mötesdagen; kontrollera start och minutes
kit-e-only-breakout = `breakout` gäller bara agendapunkter med kind = "breakout"
kit-h-only-breakout = sätt kind = "breakout" eller ta bort raden
kit-e-plan-longer = gruppplanen `{ $plan }` tar { $plan_minutes } minuter men den här agendapunkten har { $minutes }
kit-h-plan-longer = gör punkten längre eller planens minutes kortare
kit-e-missing-plan = agendapunkten hänvisar till en gruppplan som saknas: `{ $id }`
kit-h-add-plan = lägg till en [[breakouts]]-plan med detta id
kit-h-plan-ids = gruppplaner i upplägget: { $ids }

# Rooms by topic (choose plans' `topics`)
kit-e-topics-not-choose = `topics` gäller bara gruppupplägg med mode = "choose"
kit-h-topics-not-choose = sätt mode = "choose" eller ta bort raden
kit-e-topics-none = `topics` är tom
kit-e-topic-empty = det här temat är tomt
kit-e-topic-long = det här temat har { $chars } tecken; ett rumsnamn och en knapp rymmer högst { $max }
kit-e-topic-twice = temat ”{ $topic }” har redan angetts som tema { $first }
kit-e-topics-many = { $count } teman är fler rum än en Discord-server kan ha (högst { $max })
kit-h-topics = en kort text per rum, inga lika, t.ex. topics = ["Rekrytering", "Lönegap"]

## Presentatörer på en punkt i agendan (taltid)
kit-e-slot-without-presenters = `speaker_minutes`, `questions_minutes` och `prepare_days_before` kräver `presenters`
kit-h-presenters = presenters = "units" (varje enhet), eller en lista som presenters = ["KHM", "@Ella Ghosh"] (enheter, eller medlemmar efter @)
kit-e-presenters-kind = en paus eller ett grupparbete har inga presentatörer
kit-h-presenters-kind = använd kind = "presentation" eller "plenary"
kit-e-slot-minutes = { $value } är inte tillåtet här
kit-h-slot-minutes = ett heltal från { $least } till { $most }
kit-e-presenters-overrun = { $count } presentatörer × ({ $talk } + { $questions } minuter) tar { $total } minuter, och punkten har { $minutes }
kit-h-presenters-overrun = gör punkten längre, taltiden kortare eller listan över presentatörer kortare
kit-e-presenters-no-units = presenters = "units" kräver kitets `units`
kit-e-presenters-shape = `presenters` är "units" eller en lista med namn
kit-e-presenter-empty = en presentatörs namn är tomt
kit-e-presenter-unknown = presentatör `{ $name }` är inte en enhet i detta kit
kit-h-presenter-unit = enheter i detta kit: { $units }; en medlem skrivs med @, t.ex. "@Ella Ghosh"
kit-e-presenter-twice = `{ $name }` presenterar två gånger på denna punkt
kit-h-presenter-twice = ange varje presentatör en gång; flytta talare under dagen med /agenda speaker move
