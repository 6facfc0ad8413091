## Planer som lever: status, påminnelser, uppföljning på nästa möte, beslut

plan-status-not-started = Inte påbörjad
plan-status-in-progress = Pågår
plan-status-done = Klar
plan-status-dropped = Struken
plan-status-changed = ”{ $action }” är nu: **{ $status }**.
plan-drop-title = Varför ströks planen?
plan-drop-note = En kort kommentar
plan-reminder-before = En påminnelse: din plan för { $unit }, ”{ $action }”, ska vara klar { $date }. Hur går det?
plan-reminder-due = I dag är dagen för din plan för { $unit }: ”{ $action }”. Hur går det?

err-plan-unknown = Den planen (nr { $id }) finns inte längre.
err-plan-not-yours = Bara planens ägare och enhetens medlemmar kan ändra den.
err-plan-drop-note = Skriv med några ord varför planen ströks. Inget ändrades.
err-plan-note-too-long = Kommentaren har { $got } tecken; högst { $max } får plats. Inget ändrades.

followup-ask = **{ $unit }:** vad blev det av era planer från { $previous }? Tryck på status för var och en.
followup-table-heading = Planer från förra gången
followup-table-unit = Enhet
followup-table-no-answer = Inget svar
followup-decisions-heading = **Beslut på { $previous }:**

decisions-heading = Beslut
decision-saved = Beslutet är registrerat.
err-decision-empty = Skriv vad som beslutades: beslutet är tomt. Inget sparades.
err-decision-too-long = Beslutet har { $got } tecken; högst { $max } får plats. Inget sparades.
err-decision-no-responsible = Varje beslut behöver en ansvarig. Inget sparades.

cmd-plan-status-name = status
cmd-plan-status-description = Hur en plan står: inte påbörjad, pågår, klar eller struken
cmd-plan-status-plan-name = plan
cmd-plan-status-plan-description = Planen (enhetens eller din egen)
cmd-plan-status-status-name = status
cmd-plan-status-status-description = Status nu
cmd-plan-status-status-choice-not-started = Inte påbörjad
cmd-plan-status-status-choice-in-progress = Pågår
cmd-plan-status-status-choice-done = Klar
cmd-plan-status-status-choice-dropped = Struken
cmd-plan-status-note-name = kommentar
cmd-plan-status-note-description = Varför den ströks (behövs när den stryks)
cmd-decision-name = beslut
cmd-decision-description = Beslut under dagen
cmd-decision-add-name = lagg-till
cmd-decision-add-description = Registrera ett beslut: vad, vem som är ansvarig, till när
cmd-decision-add-text-name = text
cmd-decision-add-text-description = Vad som beslutades
cmd-decision-add-responsible-name = ansvarig
cmd-decision-add-responsible-description = Vem som är ansvarig (en person, en roll eller en enhet)
cmd-decision-add-member-name = medlem
cmd-decision-add-member-description = Den ansvariga medlemmen, som får påminnelser (valfritt)
cmd-decision-add-due-name = senast
cmd-decision-add-due-description = Till när, som ÅÅÅÅ-MM-DD (valfritt)
