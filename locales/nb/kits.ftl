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
