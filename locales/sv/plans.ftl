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
