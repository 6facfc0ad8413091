## Slash commands: names and descriptions (Discord: names lowercase, ≤32; descriptions ≤100)
cmd-meeting-name = møte
cmd-meeting-description = Last inn, følg og avslutt et møte
cmd-meeting-load-name = last
cmd-meeting-load-description = Last inn et møteopplegg; spørsmålene legges ut i denne kanalen
cmd-meeting-load-kit-name = opplegg
cmd-meeting-load-kit-description = Møteopplegget
cmd-meeting-load-date-name = dato
cmd-meeting-load-date-description = Møtedato som ÅÅÅÅ-MM-DD (standard: datoen i opplegget)
cmd-meeting-status-name = status
cmd-meeting-status-description = Svarprosent per enhet
cmd-meeting-end-name = avslutt
cmd-meeting-end-description = Avslutt møtet og avbryt planlagte innlegg
cmd-meeting-config-name = innstillinger
cmd-meeting-config-description = Velg arrangør- og fasilitatorrolle, kanaler og språk
cmd-meeting-config-organiser-role-name = arrangørrolle
cmd-meeting-config-organiser-role-description = Rollen til dem som arrangerer møtene
cmd-meeting-config-facilitator-role-name = fasilitatorrolle
cmd-meeting-config-facilitator-role-description = Rollen til dem som leder gruppearbeidet
cmd-meeting-config-plenary-channel-name = plenumskanal
cmd-meeting-config-plenary-channel-description = Kanalen for plenum
cmd-meeting-config-organiser-channel-name = arrangørkanal
cmd-meeting-config-organiser-channel-description = Lukket kanal for arrangørene (oppsummeringer)
cmd-meeting-config-locale-name = språk
cmd-meeting-config-locale-description = Serverens språk for samrad
cmd-unit-name = enhet
cmd-unit-description = Enheten din (fakultet, kommune, etat)
cmd-unit-join-name = bli-med
cmd-unit-join-description = Bli med i en enhet
cmd-unit-join-name-name = navn
cmd-unit-join-name-description = Enheten
cmd-unit-join-member-name = medlem
cmd-unit-join-member-description = En annen person (bare arrangører)
cmd-unit-leave-name = forlat
cmd-unit-leave-description = Forlat enheten din
cmd-unit-list-name = liste
cmd-unit-list-description = Enhetene og medlemmene deres
cmd-role-name = rolle
cmd-role-description = Rollen din i møtet
cmd-role-set-name = velg
cmd-role-set-description = Velg en rolle
cmd-role-set-role-name = rolle
cmd-role-set-role-description = Rollen
cmd-role-set-member-name = medlem
cmd-role-set-member-description = En annen person (bare arrangører)
cmd-answer-name = svar
cmd-answer-description = Svar på spørsmålene før møtet
cmd-answer-mine-name = mine
cmd-answer-mine-description = Vis dine egne svar i stedet
cmd-evaluate-name = evaluer
cmd-evaluate-description = Evaluer dagens møte
cmd-help-name = hjelp
cmd-help-description = Hva samrad gjør og hvordan du bruker den

## Feil
err-guild-only = samrads kommandoer virker på en server, ikke i direktemeldinger.
err-bad-date = «{ $given }» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-03-14.
err-kit = Kunne ikke laste inn møteopplegget «{ $kit }»: { $detail }

## Svar på kommandoer
meeting-loaded = Lastet inn **{ $title }** med { $questions } spørsmål og { $jobs } planlagte innlegg. Spørsmålene legges ut i denne kanalen når svarfristen åpner.
meeting-ended = Møtet er avsluttet; planlagte innlegg er avbrutt.
config-none = ikke valgt
config-saved = Innstillingene er lagret.
    Arrangørrolle: { $organiser }
    Fasilitatorrolle: { $facilitator }
    Plenumskanal: { $plenary }
    Plenumstale: { $voice }
    Arrangørkanal: { $organisers }
    Språk: { $locale }
unit-joined = Du er nå med i **{ $unit }**.
unit-joined-other = { $name } er nå med i **{ $unit }**.
unit-left = Du har forlatt **{ $unit }**.
unit-left-none = Du var ikke med i noen enhet.
unit-list-title = **Enheter og medlemmer**
unit-list-nobody = ingen ennå
role-set = Rollen din er nå **{ $role }**.
role-set-other = { $name } har nå rollen **{ $role }**.
help-text = **samrad** hjelper gruppa med å reflektere før møtet og jobbe i grupperom.
    • `/enhet bli-med` — bli med i enheten din (fakultet, kommune, etat); `/rolle velg` — velg rollen din.
    • `/svar` — svar på spørsmålene før fristen; du kan endre svarene fram til da. `/svar mine:true` viser hva du skrev.
    • `/evaluer` — evaluer møtet når det slutter (eller knappen Evaluer på evalueringsinnlegget).
    • Arrangører: `/møte innstillinger` velger roller og kanaler, `/møte last` laster inn et møteopplegg, `/møte status` viser hvem som har svart, `/møte avslutt` avslutter møtet.

## Svarskjemaet
modal-title = { $title } ({ $page }/{ $pages })
pick-yes = Ja
pick-no = Nei
button-next-page = Neste side ({ $page }/{ $pages })
button-more-questions = Flere spørsmål
flow-done = Det var alle spørsmålene. Du kan endre svarene dine fram til fristen.
flow-no-questions = Det er ingen spørsmål å svare på nå.
flow-done-evaluation = Det var hele evalueringen. Takk! Du kan endre svarene dine til møtet er slutt.
flow-done-during = Det var alle spørsmålene som er stilt i dag så langt. Du kan endre svarene dine til møtet er slutt.
flow-previous-plans = Forrige gang ({ $previous }) planla { $unit } dette. Fortell i svarene hva det ble til:
cmd-language-name = språk
cmd-language-description = Språket samrad bruker i private svar til deg
cmd-language-set-name = velg
cmd-language-set-description = Velg språket ditt
cmd-language-set-language-name = språk
cmd-language-set-language-description = norsk, svenska eller English; tomt for Discords eget

## Breakouts
cmd-meeting-config-plenary-voice-name = plenumstale
cmd-meeting-config-plenary-voice-description = Talekanalen for plenum (de som er der, er til stede i gruppearbeid)
cmd-breakout-name = grupperom
cmd-breakout-description = Grupperom: del inn, send beskjed, forleng, flytt, avslutt
cmd-breakout-split-name = del
cmd-breakout-split-description = Del de som er til stede inn i lukkede grupperom
cmd-breakout-split-mode-name = modus
cmd-breakout-split-mode-description = Hvordan folk deles inn
cmd-breakout-split-mode-choice-random = tilfeldig
cmd-breakout-split-mode-choice-roles = roller
cmd-breakout-split-mode-choice-units = blandede enheter
cmd-breakout-split-mode-choice-same-unit = samme enhet
cmd-breakout-split-mode-choice-pairs = kritiske venner
cmd-breakout-split-mode-choice-choose = velg selv
cmd-breakout-split-size-name = størrelse
cmd-breakout-split-size-description = Personer per rom
cmd-breakout-split-rooms-name = rom
cmd-breakout-split-rooms-description = Antall rom (i stedet for størrelse)
cmd-breakout-split-minutes-name = minutter
cmd-breakout-split-minutes-description = Minutter i rommene
cmd-breakout-split-voice-name = tale
cmd-breakout-split-voice-description = Også en talekanal per rom; de som er i tale, flyttes
cmd-breakout-split-plan-name = opplegg
cmd-breakout-split-plan-description = Et av møteoppleggets gruppeopplegg
cmd-breakout-split-topics-name = temaer
cmd-breakout-split-topics-description = Bare for velg selv: ett rom per tema, skilt med ; (f.eks. Rekruttering; Lønnsgap)
cmd-breakout-broadcast-name = beskjed
cmd-breakout-broadcast-description = Send en beskjed til alle rommene
cmd-breakout-broadcast-text-name = tekst
cmd-breakout-broadcast-text-description = Beskjeden
cmd-breakout-extend-name = forleng
cmd-breakout-extend-description = Gi rommene mer tid
cmd-breakout-extend-minutes-name = minutter
cmd-breakout-extend-minutes-description = Ekstra minutter
cmd-breakout-move-name = flytt
cmd-breakout-move-description = Flytt et medlem til et annet rom
cmd-breakout-move-member-name = medlem
cmd-breakout-move-member-description = Hvem som skal flyttes
cmd-breakout-move-room-name = rom
cmd-breakout-move-room-description = Romnummer
cmd-breakout-join-name = bli-med
cmd-breakout-join-description = Bli med i et rom etter at det har startet
cmd-breakout-reshuffle-name = stokk-om
cmd-breakout-reshuffle-description = Avslutt rommene og del inn på nytt, så folk møter nye folk
cmd-breakout-reshuffle-minutes-name = minutter
cmd-breakout-reshuffle-minutes-description = Minutter i de nye rommene
cmd-breakout-reshuffle-voice-name = tale
cmd-breakout-reshuffle-voice-description = Også en talekanal per rom
cmd-breakout-close-name = avslutt
cmd-breakout-close-description = Avslutt rommene; oppsummeringene går til plenum
cmd-note-name = notat
cmd-note-description = Skriv et notat til oppsummeringen fra grupperommet
cmd-note-text-name = tekst
cmd-note-text-description = Notatet
cmd-note-summary-name = oppsummering
cmd-note-summary-description = Som referent: dette er rommets oppsummering
split-progress = Lager rom … { $done }/{ $total } rom
split-done = Runde { $number }: { $rooms } rom for { $people } personer, slutter { $ends }.
split-done-choose = Runde { $number }: { $rooms } rom er åpne; medlemmene velger rom med knappene i plenum. Runden slutter { $ends }.
broadcast-done = Sendt til { $rooms } rom.
extend-done = Rommene slutter nå { $ends }.
move-done = { $name } er nå i { $room }.
join-done = Du er i { $room }: { $channel }
close-done = Rommene er avsluttet; { $rooms } oppsummeringer er lagt ut i plenum.
close-progress = Avslutter rom … { $done }/{ $total } rom tømt
note-saved = Notatet ditt er lagret for { $room }.
note-summary-saved = Lagret som oppsummeringen for { $room }.
err-discord-limit = Discord-grensen er nådd ({ $detail }). Velg færre rom eller rydd bort gamle kanaler, og prøv igjen.

## Commands that cannot run (discord/errors.rs)
err-arg-expected = «{ $given }» er ikke gyldig som { $option } i { $command }: den tar { $expected }.
err-arg-invalid = «{ $given }» er ikke gyldig som { $option } i { $command }.
err-arg-invalid-value = «{ $given }» er ikke en gyldig verdi for { $command }.
err-arg-unreadable = samrad kunne ikke lese valgene i { $command }. Sjekk dem og prøv igjen.
err-arg-missing = { $command } trenger valget { $option }.
err-command-out-of-date = Discord sendte { $command } i en eldre form enn samrad kjenner. Last inn Discord på nytt (Ctrl+R) og prøv igjen.
err-subcommand-required = Velg en av underkommandoene til { $command }.
err-cooldown = Vent { $seconds } s før du bruker { $command } igjen.
err-user-permissions = Du har ikke tillatelsene { $command } krever.
err-bot-permissions = samrad mangler en tillatelse her: { $permissions }. Be en arrangør om å gi den.
err-not-allowed = Du kan ikke bruke { $command } her.
arg-kind-text = tekst
arg-kind-integer = et heltall
arg-kind-number = et tall
arg-kind-yes-no = ja eller nei
arg-kind-member = et medlem
arg-kind-channel = en kanal
arg-kind-role = en rolle
arg-kind-attachment = en fil
arg-one-of = en av { $choices }
