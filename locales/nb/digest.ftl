## Sammendrag, eksport og personvern. Malene beholder plassholderne sine: koden sender
## "{title}" osv., og sammendraget fyller dem inn.

digest-heading = ## Sammendrag: { $title }
digest-response-line = **Svar:** { $answered } av { $members } medlemmer ({ $percent } %), { $answers } svar
digest-per-unit = Per enhet
digest-all-required = { $n } har svart på alle obligatoriske
digest-silent-units = Ingen svar ennå fra
digest-empty-units = Ingen medlemmer ennå
digest-by-role = per rolle
digest-not-answered = Har ikke svart ennå
digest-and-more = og { $n } til
digest-no-unit = ingen enhet
digest-no-answers = Ingen svar ennå.
digest-answer-count = { $n } svar
digest-themes = Temaer
digest-theme-counts = { $answers } svar, { $units } enheter
digest-theme-other = Andre svar: { $n }
digest-themes-overall = Temaer på tvers av spørsmålene
digest-yes = Ja
digest-no = Nei
digest-mean = snitt
digest-min = min
digest-median = median
digest-max = maks
digest-anonymous = anonymt
digest-hidden-units = Enheter utelatt (for få anonyme svar til å vises trygt): { $n }
digest-key-figures = Nøkkeltall
digest-key-figures-vs = Nøkkeltall (endring siden { $previous })
# Desimaltegnet i tall.
digest-decimal = ,
digest-overview = Oppsummering
chart-response-rate = Svarprosent per enhet
chart-answers-per-question = Svar per spørsmål
chart-no-units = Ingen enheter ennå
chart-no-members = ingen medlemmer
err-digest-unknown-unit = Møtet har ingen enhet «{ $unit }». Enheter: { $units }
export-ready = Eksport av { $title } ({ $format }).
forget-confirm = Dette sletter svarene, notatene og enhetsmedlemskapet ditt på denne serveren. Det kan ikke angres. Slette?
forget-button-yes = Ja, slett
forget-button-no = Avbryt
forget-done = Ferdig: { $count ->
    [one] én oppføring ble slettet.
   *[other] { $count } oppføringer ble slettet.
}
forget-cancelled = Ingenting ble slettet.
privacy-share-on = Svarene du ga før møtet, kan nå vises i grupperommet ditt.
privacy-share-off = Svarene du ga før møtet, vises ikke lenger i grupperom.

cmd-digest-name = sammendrag
cmd-digest-description = Sammendraget for dette møtet (arrangører)
cmd-digest-unit-name = enhet
cmd-digest-unit-description = Bare denne enheten
cmd-export-name = eksport
cmd-export-description = Alt møtet ga, som fil (arrangører)
cmd-export-format-name = format
cmd-export-format-description = csv (regneark) eller md (Markdown)
cmd-forget-me-name = glem-meg
cmd-forget-me-description = Slett svarene, notatene og medlemskapet ditt her
cmd-privacy-name = personvern
cmd-privacy-description = Personverninnstillingene dine
cmd-privacy-share-in-rooms-name = del-i-rom
cmd-privacy-share-in-rooms-description = Kan svarene dine vises i grupperommet ditt?
cmd-privacy-share-in-rooms-share-name = del
cmd-privacy-share-in-rooms-share-description = True: vis dem; False: hold dem private
cmd-export-format-choice-csv = csv (regneark)
cmd-export-format-choice-md = md (Markdown-tekst)

## Markdown export
export-meeting = møte
export-answers = Svar
export-edited = endret { $n }×
export-rooms = Grupperom
export-round = Runde { $n }
export-members = Deltakere
export-question = Spørsmål
export-plans = Det enhetene tar med seg hjem
export-owner = ansvarlig
export-due = frist
export-anonymous = (anonym)
export-evaluation = Evaluering
export-during = Under møtet
