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
    • Arrangører: `/møte innstillinger` velger roller og kanaler, `/møte last` laster inn et møteopplegg, `/møte status` viser hvem som har svart, `/møte avslutt` avslutter møtet.

## Svarskjemaet
modal-title = { $title } ({ $page }/{ $pages })
pick-yes = Ja
pick-no = Nei
button-next-page = Neste side ({ $page }/{ $pages })
button-more-questions = Flere spørsmål
flow-done = Det var alle spørsmålene. Du kan endre svarene dine fram til fristen.
flow-no-questions = Det er ingen spørsmål å svare på nå.
cmd-language-name = språk
cmd-language-description = Språket samrad bruker i private svar til deg
cmd-language-set-name = velg
cmd-language-set-description = Velg språket ditt
cmd-language-set-language-name = språk
cmd-language-set-language-description = norsk, svenska, English, eller Discords eget
