## Sammanfattning, export och integritet. Mallarna behåller sina platshållare: koden skickar
## "{title}" osv. och sammanfattningen fyller i dem.

digest-heading = ## Sammanfattning: { $title }
digest-response-line = **Svar:** { $answered } av { $members } medlemmar ({ $percent } %), { $answers } svar
digest-per-unit = Per enhet
digest-all-required = { $n } har svarat på alla obligatoriska
digest-silent-units = Inga svar ännu från
digest-empty-units = Inga medlemmar ännu
digest-by-role = per roll
digest-not-answered = Har inte svarat ännu
digest-and-more = och { $n } till
digest-no-unit = ingen enhet
digest-no-answers = Inga svar ännu.
digest-answer-count = { $n } svar
digest-themes = Teman
digest-theme-counts = { $answers } svar, { $units } enheter
digest-theme-other = Övriga svar: { $n }
digest-themes-overall = Teman över alla frågor
digest-yes = Ja
digest-no = Nej
digest-mean = medel
digest-min = min
digest-median = median
digest-max = max
digest-anonymous = anonymt
digest-hidden-units = Enheter utelämnade (för få anonyma svar för att visas säkert): { $n }
digest-key-figures = Nyckeltal
digest-key-figures-vs = Nyckeltal (förändring sedan { $previous })
# Decimaltecknet i tal.
digest-decimal = ,
digest-overview = Sammanfattning
chart-response-rate = Svarsfrekvens per enhet
chart-answers-per-question = Svar per fråga
chart-no-units = Inga enheter ännu
chart-no-members = inga medlemmar
err-digest-unknown-unit = Mötet har ingen enhet ”{ $unit }”. Enheter: { $units }
export-ready = Export av { $title } ({ $format }).
forget-confirm = Detta raderar dina svar, anteckningar och ditt enhetsmedlemskap på den här servern. Det går inte att ångra. Radera?
forget-button-yes = Ja, radera
forget-button-no = Avbryt
forget-done = Klart: { $count ->
    [one] en post raderades.
   *[other] { $count } poster raderades.
}
forget-cancelled = Inget raderades.
privacy-share-on = Dina svar från före mötet kan nu visas i ditt grupprum.
privacy-share-off = Dina svar från före mötet visas inte längre i grupprum.

cmd-digest-name = sammanfattning
cmd-digest-description = Sammanfattningen av det här mötet (arrangörer)
cmd-digest-unit-name = enhet
cmd-digest-unit-description = Bara den här enheten
cmd-export-name = export
cmd-export-description = Allt mötet gav, som fil (arrangörer)
cmd-export-format-name = format
cmd-export-format-description = csv (kalkylblad) eller md (Markdown)
cmd-forget-me-name = glöm-mig
cmd-forget-me-description = Radera dina svar, anteckningar och ditt medlemskap här
cmd-privacy-name = integritet
cmd-privacy-description = Dina integritetsinställningar
cmd-privacy-share-in-rooms-name = dela-i-rum
cmd-privacy-share-in-rooms-description = Får dina svar visas i ditt grupprum?
cmd-privacy-share-in-rooms-share-name = dela
cmd-privacy-share-in-rooms-share-description = True: visa dem; False: håll dem privata
cmd-export-format-choice-csv = csv (kalkylblad)
cmd-export-format-choice-md = md (Markdown-text)

## Markdown export
export-meeting = möte
export-answers = Svar
export-edited = ändrat { $n }×
export-rooms = Grupprum
export-round = Runda { $n }
export-members = Deltagare
export-question = Fråga
export-plans = Det organisationerna tar med sig hem
export-owner = ansvarig
export-due = senast
export-anonymous = (anonym)
export-evaluation = Utvärdering
export-during = Under mötet
