## Møtedagen: agenda, hjemmeplaner, evaluering, oppfølging

# Feil
err-agenda-wrong-kit = Møtet som er lastet, bruker opplegget «{ $loaded }», ikke «{ $given }». Start agendaen til det lastede opplegget.
err-agenda-none = Dette møteopplegget har ingen agenda å kjøre.
err-agenda-over = Dagens agenda er allerede over, så det er ingenting igjen å starte.
err-agenda-started = Agendaen har allerede startet. Se `/agenda status`.
err-agenda-not-started = Agendaen har ikke startet ennå. Start den med `/agenda start`.
err-agenda-paused = Agendaen står allerede på pause. Fortsett med `/agenda resume`.
err-agenda-not-paused = Agendaen står ikke på pause.
err-agenda-nothing-left = Det er ingen punkter igjen på agendaen.
err-agenda-busy = Neste punkt på agendaen kjøres akkurat nå. Prøv igjen om et øyeblikk.
err-agenda-unknown-question = Møtet har ikke noe spørsmål «{ $id }».
err-agenda-not-during = «{ $id }» er ikke et spørsmål for møtedagen. Bare spørsmål med phase = "during" i kitet kan stilles med `/agenda ask`.
err-agenda-delay = En utsettelse må være mellom 1 og { $max } minutter; «{ $got }» er ikke det. Ingenting ble endret.
err-plan-empty-action = Skriv hva enheten skal gjøre: tiltaket er tomt. Ingenting ble lagret.
err-plan-action-too-long = Tiltaket har { $got } tegn; det er plass til { $max }. Ingenting ble lagret.
err-plan-no-owner = Hver plan trenger en ansvarlig: skriv hvem som har ansvaret. Ingenting ble lagret.
err-plan-owner-too-long = Ansvarlig har { $got } tegn; det er plass til { $max }. Ingenting ble lagret.
err-plan-past-date = { $given } har allerede vært. Velg en dato fra i dag av. Ingenting ble lagret.
err-plan-not-your-unit = Bare medlemmer av den enheten og arrangører kan se planene dens.
err-plan-unknown-unit = Det finnes ingen enhet som heter «{ $given }» i dette møtet.

# Agendainnlegg
agenda-kind-plenary = plenum
agenda-kind-presentation = presentasjon
agenda-kind-breakout = smågrupper
agenda-kind-reflection = refleksjon
agenda-kind-evaluation = evaluering
agenda-kind-break = pause
agenda-now = **Nå ({ $start }–{ $end }):** { $title } — { $kind }, { $minutes } min
agenda-next = Neste kl. { $start }: { $title } — { $kind }, { $minutes } min
agenda-evaluation-post = **Evaluering — { $title }.** Fortell oss hvordan dagen var; du kan endre svarene til møtet er avsluttet.
button-evaluate = Evaluer
button-answer-during = Svar
agenda-during-post = **Et spørsmål i dag — { $title }.** Svar med knappen; du kan endre svaret til møtet er slutt.
agenda-asked = Lagt ut i plenum: { $question }
agenda-day-over = Det var dagen: **{ $title }** er over. Takk alle sammen! Husk enhetens hjemmeplan (`/plan`).
agenda-breakout-failed = Smågruppene kunne ikke åpnes: { $reason }
agenda-status-title = **Agenda — { $title }**
agenda-status-paused = (på pause)
agenda-status-shift = { $minutes ->
    [one] Ett minutt etter planen.
   *[other] { $minutes } minutter forskjøvet fra planen.
}
agenda-started = Agendaen har startet: { $items } punkter, det første kl. { $first }.
agenda-paused-reply = Agendaen står på pause. Fortsett med `/agenda resume`.
agenda-resumed = Agendaen fortsetter; resten av dagen er flyttet { $minutes } min.
agenda-delayed = Resten av dagen er flyttet { $minutes } min senere.
agenda-skipped = Gikk videre til neste punkt.

# Hjemmeplaner
plan-due = innen { $date }
plan-saved = Lagret i planen til { $unit }.
plans-heading = Hjemmeplaner
plans-none = { $unit } har ingen hjemmeplan ennå. Legg til med `/plan add`.
plans-of-unit = **Hjemmeplan — { $unit }**

# Oppfølging og evaluering
followup-plans-heading = **Siden { $previous }:** hva ble det av enhetens plan? Fortell oss i svarene (5+5 min per organisasjon i plenum).
followup-key-figures = Nøkkeltall
followup-key-figures-vs = Nøkkeltall (endring siden { $previous })
evaluation-heading = { $people ->
    [one] Evaluering (én person svarte)
   *[other] Evaluering ({ $people } personer svarte)
}
during-heading = { $people ->
    [one] Dagens spørsmål (én person svarte)
   *[other] Dagens spørsmål ({ $people } personer svarte)
}
evaluation-answers = { $count ->
    [one] ett svar
   *[other] { $count } svar
}
evaluation-mean = snitt
evaluation-yes-no = ja { $yes } · nei { $no }
day-digest-title = **Dagen oppsummert — { $title }**
day-digest-responses = Refleksjonssvar: { $answered } av { $members } medlemmer ({ $percent } %).

# Demo av møtedagen
demo-day-start = Møtedagen begynner: agendaen går på en simulert klokke.
demo-day-plans = Hver enhet skriver ned hva den tar med seg hjem.
demo-day-evaluation = Alle fyller ut evalueringen.
demo-day-done = Dagen er over: { $items } agendapunkter, { $rounds } gruppeomganger, { $plans } planer, { $evaluations } evalueringer.

# Slash-kommandoer
cmd-agenda-description = Kjør møtedagens agenda
cmd-agenda-start-description = Kjør agendaen til det lastede møtet i dag
cmd-agenda-status-description = Dagens agenda og hvor langt den har kommet
cmd-agenda-next-description = Avslutt dette punktet nå og start det neste
cmd-agenda-pause-description = Sett agendaen på pause
cmd-agenda-resume-description = Fortsett agendaen; resten av dagen flyttes like mye som pausen
cmd-agenda-delay-description = Flytt resten av dagen senere
cmd-agenda-delay-minutes-description = Minutter (1–180)
cmd-agenda-ask-description = Legg ut et spørsmål for møtedagen i plenum nå
cmd-agenda-ask-question-description = Spørsmålet (blant kitets spørsmål med phase = "during")
cmd-plan-name = plan
cmd-plan-description = Enhetens hjemmeplan
cmd-plan-add-name = legg-til
cmd-plan-add-description = Legg til i enhetens hjemmeplan
cmd-plan-add-action-name = tiltak
cmd-plan-add-action-description = Hva enheten skal gjøre
cmd-plan-add-owner-name = ansvarlig
cmd-plan-add-owner-description = Hvem som har ansvaret
cmd-plan-add-due-name = frist
cmd-plan-add-due-description = Innen når, som ÅÅÅÅ-MM-DD (valgfritt)
cmd-plan-list-name = vis
cmd-plan-list-description = Enhetens hjemmeplan (arrangører: alle enheters)
cmd-plan-list-unit-name = enhet
cmd-plan-list-unit-description = Enheten (bare arrangører)
cmd-agenda-name = agenda
cmd-agenda-start-name = start
cmd-agenda-status-name = status
cmd-agenda-next-name = neste
cmd-agenda-pause-name = pause
cmd-agenda-resume-name = fortsett
cmd-agenda-delay-name = utsett
cmd-agenda-delay-minutes-name = minutter
cmd-agenda-ask-name = spør
cmd-agenda-ask-question-name = spørsmål
