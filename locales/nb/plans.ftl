## Planer med liv: status, påminnelser, oppfølging på neste møte, vedtak

plan-status-not-started = Ikke startet
plan-status-in-progress = Pågår
plan-status-done = Gjort
plan-status-dropped = Droppet
plan-status-changed = «{ $action }» er nå: **{ $status }**.
plan-drop-title = Hvorfor ble planen droppet?
plan-drop-note = En kort merknad
plan-reminder-before = En påminnelse: planen din for { $unit }, «{ $action }», skal være ferdig { $date }. Hvor står den?
plan-reminder-due = I dag er dagen for planen din for { $unit }: «{ $action }». Hvor står den?

err-plan-unknown = Den planen (nr. { $id }) finnes ikke lenger.
err-plan-not-yours = Bare planens eier og medlemmene i enheten kan endre den.
err-plan-drop-note = Skriv med noen ord hvorfor planen ble droppet. Ingenting ble endret.
err-plan-note-too-long = Merknaden har { $got } tegn; høyst { $max } får plass. Ingenting ble endret.

followup-ask = **{ $unit }:** hva ble det av planene fra { $previous }? Trykk på status for hver.
followup-table-heading = Planer fra sist
followup-table-unit = Enhet
followup-table-no-answer = Ikke svart
followup-decisions-heading = **Vedtak på { $previous }:**

decisions-heading = Vedtak
decision-saved = Vedtaket er registrert.
err-decision-empty = Skriv hva som ble vedtatt: vedtaket er tomt. Ingenting ble lagret.
err-decision-too-long = Vedtaket har { $got } tegn; høyst { $max } får plass. Ingenting ble lagret.
err-decision-no-responsible = Hvert vedtak trenger en ansvarlig. Ingenting ble lagret.

cmd-plan-status-name = status
cmd-plan-status-description = Hvor en plan står: ikke startet, pågår, gjort eller droppet
cmd-plan-status-plan-name = plan
cmd-plan-status-plan-description = Planen (enhetens eller din egen)
cmd-plan-status-status-name = status
cmd-plan-status-status-description = Status nå
cmd-plan-status-status-choice-not-started = Ikke startet
cmd-plan-status-status-choice-in-progress = Pågår
cmd-plan-status-status-choice-done = Gjort
cmd-plan-status-status-choice-dropped = Droppet
cmd-plan-status-note-name = merknad
cmd-plan-status-note-description = Hvorfor den ble droppet (trengs når den droppes)
cmd-decision-name = vedtak
cmd-decision-description = Vedtak fra dagen
cmd-decision-add-name = legg-til
cmd-decision-add-description = Registrer et vedtak: hva, hvem som er ansvarlig, innen når
cmd-decision-add-text-name = tekst
cmd-decision-add-text-description = Hva som ble vedtatt
cmd-decision-add-responsible-name = ansvarlig
cmd-decision-add-responsible-description = Hvem som er ansvarlig (en person, en rolle eller en enhet)
cmd-decision-add-member-name = medlem
cmd-decision-add-member-description = Det ansvarlige medlemmet, som får påminnelser (valgfritt)
cmd-decision-add-due-name = frist
cmd-decision-add-due-description = Innen når, som ÅÅÅÅ-MM-DD (valgfritt)
