## Mötesdagen: agenda, hemmaplaner, utvärdering, uppföljning

# Fel
err-agenda-wrong-kit = Mötet som är laddat använder upplägget ”{ $loaded }”, inte ”{ $given }”. Starta agendan för det laddade upplägget.
err-agenda-none = Det här mötesupplägget har ingen agenda att köra.
err-agenda-over = Dagens agenda är redan slut, så det finns inget kvar att starta.
err-agenda-started = Agendan har redan startat. Se `/agenda status`.
err-agenda-not-started = Agendan har inte startat än. Starta den med `/agenda start`.
err-agenda-paused = Agendan är redan pausad. Fortsätt med `/agenda resume`.
err-agenda-not-paused = Agendan är inte pausad.
err-agenda-nothing-left = Det finns inga punkter kvar på agendan.
err-agenda-busy = Nästa punkt på agendan körs just nu. Försök igen om en stund.
err-agenda-unknown-question = Mötet har ingen fråga ”{ $id }”.
err-agenda-not-during = ”{ $id }” är inte en fråga för mötesdagen. Bara frågor med phase = "during" i kitet kan ställas med `/agenda ask`.
err-agenda-delay = En försening måste vara mellan 1 och { $max } minuter; ”{ $got }” är det inte. Inget ändrades.
err-plan-empty-action = Skriv vad organisationen ska göra: åtgärden är tom. Inget sparades.
err-plan-action-too-long = Åtgärden har { $got } tecken; det får plats { $max }. Inget sparades.
err-plan-no-owner = Varje plan behöver en ansvarig: skriv vem som ansvarar. Inget sparades.
err-plan-owner-too-long = Ansvarig har { $got } tecken; det får plats { $max }. Inget sparades.
err-plan-past-date = { $given } har redan varit. Välj ett datum från och med i dag. Inget sparades.
err-plan-not-your-unit = Bara medlemmar i den organisationen och arrangörer kan se dess planer.
err-plan-unknown-unit = Det finns ingen organisation som heter ”{ $given }” i det här mötet.

# Agendainlägg
agenda-kind-plenary = plenum
agenda-kind-presentation = presentation
agenda-kind-breakout = smågrupper
agenda-kind-reflection = reflektion
agenda-kind-evaluation = utvärdering
agenda-kind-break = paus
agenda-now = **Nu ({ $start }–{ $end }):** { $title } — { $kind }, { $minutes } min
agenda-next = Nästa kl. { $start }: { $title } — { $kind }, { $minutes } min
agenda-evaluation-post = **Utvärdering — { $title }.** Berätta hur dagen var; du kan ändra dina svar tills mötet är avslutat.
button-evaluate = Utvärdera
button-answer-during = Svara
agenda-during-post = **En fråga i dag — { $title }.** Svara med knappen; du kan ändra ditt svar tills mötet är slut.
agenda-asked = Publicerad i plenum: { $question }
agenda-day-over = Det var dagen: **{ $title }** är slut. Tack alla! Glöm inte organisationens hemmaplan (`/plan`).
agenda-breakout-failed = Smågrupperna kunde inte öppnas: { $reason }
agenda-status-title = **Agenda — { $title }**
agenda-status-paused = (pausad)
agenda-status-shift = { $minutes ->
    [one] En minut efter planen.
   *[other] { $minutes } minuter förskjutet från planen.
}
agenda-started = Agendan har startat: { $items } punkter, den första kl. { $first }.
agenda-paused-reply = Agendan är pausad. Fortsätt med `/agenda resume`.
agenda-resumed = Agendan fortsätter; resten av dagen flyttades { $minutes } min.
agenda-delayed = Resten av dagen flyttades { $minutes } min senare.
agenda-skipped = Gick vidare till nästa punkt.

# Hemmaplaner
plan-due = senast { $date }
plan-saved = Sparat i planen för { $unit }.
plans-heading = Hemmaplaner
plans-none = { $unit } har ingen hemmaplan än. Lägg till en med `/plan add`.
plans-of-unit = **Hemmaplan — { $unit }**

# Uppföljning och utvärdering
followup-plans-heading = **Sedan { $previous }:** vad blev det av er plan? Berätta i era svar (5+5 min per organisation i plenum).
followup-key-figures = Nyckeltal
followup-key-figures-vs = Nyckeltal (förändring sedan { $previous })
evaluation-heading = { $people ->
    [one] Utvärdering (en person svarade)
   *[other] Utvärdering ({ $people } personer svarade)
}
during-heading = { $people ->
    [one] Dagens frågor (en person svarade)
   *[other] Dagens frågor ({ $people } personer svarade)
}
evaluation-answers = { $count ->
    [one] ett svar
   *[other] { $count } svar
}
evaluation-mean = medel
evaluation-yes-no = ja { $yes } · nej { $no }
day-digest-title = **Dagen i sammanfattning — { $title }**
day-digest-responses = Reflektionssvar: { $answered } av { $members } medlemmar ({ $percent } %).

# Demo av mötesdagen
demo-day-start = Mötesdagen börjar: agendan körs på en simulerad klocka.
demo-day-plans = Varje organisation skriver ner vad den tar med sig hem.
demo-day-evaluation = Alla fyller i utvärderingen.
demo-day-done = Dagen är slut: { $items } agendapunkter, { $rounds } grupprundor, { $plans } planer, { $evaluations } utvärderingar.

# Slash-kommandon
cmd-agenda-description = Kör mötesdagens agenda
cmd-agenda-start-description = Kör det laddade mötets agenda i dag
cmd-agenda-status-description = Dagens agenda och hur långt den har kommit
cmd-agenda-next-description = Avsluta punkten nu och starta nästa
cmd-agenda-pause-description = Pausa agendan
cmd-agenda-resume-description = Fortsätt agendan; resten av dagen flyttas lika mycket som pausen
cmd-agenda-delay-description = Flytta resten av dagen senare
cmd-agenda-delay-minutes-description = Minuter (1–180)
cmd-agenda-ask-description = Ställ en fråga för mötesdagen i plenum nu
cmd-agenda-ask-question-description = Frågan (bland kitets frågor med phase = "during")
cmd-plan-name = plan
cmd-plan-description = Organisationens hemmaplan
cmd-plan-add-name = lagg-till
cmd-plan-add-description = Lägg till i organisationens hemmaplan
cmd-plan-add-action-name = atgard
cmd-plan-add-action-description = Vad organisationen ska göra
cmd-plan-add-owner-name = ansvarig
cmd-plan-add-owner-description = Vem som ansvarar
cmd-plan-add-due-name = senast
cmd-plan-add-due-description = Senast när, som ÅÅÅÅ-MM-DD (valfritt)
cmd-plan-list-name = visa
cmd-plan-list-description = Organisationens hemmaplan (arrangörer: alla organisationers)
cmd-plan-list-unit-name = organisation
cmd-plan-list-unit-description = Organisationen (bara arrangörer)
cmd-agenda-name = agenda
cmd-agenda-start-name = starta
cmd-agenda-status-name = status
cmd-agenda-next-name = nasta
cmd-agenda-pause-name = pausa
cmd-agenda-resume-name = fortsatt
cmd-agenda-delay-name = forsena
cmd-agenda-delay-minutes-name = minuter
cmd-agenda-ask-name = fråga
cmd-agenda-ask-question-name = fråga
