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
