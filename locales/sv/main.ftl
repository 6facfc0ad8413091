## Felmeddelanden (visas bara för den som agerade)
err-no-meeting = Inget möte är inläst här ännu. En arrangör kan läsa in ett med `/meeting load`.
err-unknown-unit = Det finns ingen enhet som heter ”{ $given }”. Enheterna i mötet: { $known }.
err-unknown-role = Det finns ingen roll som heter ”{ $given }”. Rollerna i mötet: { $known }.
err-not-organiser = Bara arrangörer kan göra det.
err-not-facilitator = Bara samtalsledare och arrangörer kan göra det.
err-bad-input = Det är inte giltigt: { $detail }
err-internal = Något gick fel hos oss. Inget du skrev har gått förlorat; försök igen om en stund.
err-meeting-running = Mötet ”{ $title }” pågår fortfarande. Avsluta det med `/meeting end` innan du läser in ett nytt.
err-not-open-yet = Det går inte att svara ännu.
err-answers-closed = Svarstiden har gått ut: svar kan inte längre lämnas eller ändras.
err-no-unit = Gå med i din enhet först med `/unit join`, så att dina svar räknas för den.
err-unknown-question = Formuläret är inaktuellt (frågan ”{ $id }” finns inte i mötet). Öppna det igen med `/answer`.

## Mötesstatus
status-title = **{ $title }** — { $state } (möte { $id })
state-scheduled = planerat
state-open = öppet för svar
state-closed = svarstiden har gått ut
state-ended = avslutat
status-deadline = Sista svarsdag: { $when }
status-missing-units = Enheter utan svar ännu: { $units }
status-no-members = – inga medlemmar
status-empty-units = Enheter utan medlemmar: { $units }
status-without-unit = { $count ->
    [one] En medlem har inte gått med i någon enhet.
   *[other] { $count } medlemmar har inte gått med i någon enhet.
}

## Svar
answers-saved = { $count ->
    [one] Ditt svar är sparat.
   *[other] { $count } svar är sparade.
}
answers-nothing-new = Inget ändrades: dina svar är som förut.
answers-refused = Inte sparat — fråga { $id }: { $reason }. Din text:
answer-empty = svaret är tomt
answer-too-long = svaret har { $got } tecken, högst { $max } får plats
answer-not-yes-no = svara ja eller nej
answer-out-of-scale = välj ett heltal från { $min } till { $max }
answer-not-option = välj ett av: { $options }
answer-not-number = ”{ $got }” är inte ett tal
answers-none-yet = Du har inte svarat på några frågor ännu.
answers-mine-title = **Dina svar — { $title }**
answers-edited = { $count ->
    [one] ändrat en gång
   *[other] ändrat { $count } gånger
}

## Schemalagda inlägg
open-post = **{ $title }** — frågorna inför nästa träff är öppna. Diskutera dem i er enhet och svara här; du kan ändra dina svar fram till sista svarsdag.
open-post-deadline = Sista svarsdag: { $when }
button-answer = Svara
deadline-post = Svarstiden för **{ $title }** har gått ut. Tack för era svar!
reminder-dm = Hej { $name }! En påminnelse: frågorna inför **{ $title }** väntar fortfarande på dina svar.
reminder-channel = { $count ->
    [one] En påminnelse till en medlem som inte har svarat ännu:
   *[other] En påminnelse till { $count } medlemmar som inte har svarat ännu:
}

## Sammanfattning
digest-title = **Sammanfattning — { $title }**
digest-missing-members = Saknas fortfarande: { $names }

## Demo
demo-loaded = Läste in ”{ $title }”: { $questions } frågor, { $jobs } schemalagda steg.
demo-members = { $members } medlemmar gick med i { $units } enheter.
demo-step-open = Det öppnar för svar
demo-step-answers = Medlemmarna svarar
demo-edit = { $name } ändrar ett svar (det gamla sparas som en tidigare version):
demo-step-remind = Påminnelse (bara till dem som inte har svarat)
demo-step-status = Status för arrangörerna
demo-step-deadline = Sista svarsdag
demo-step-digest = Sammanfattning
demo-done = Demomötet är slut.

## Grupprum
err-round-running = En grupprunda pågår redan. Avsluta den med `/breakout close` eller använd `/breakout reshuffle`.
err-no-round = Ingen grupprunda pågår.
err-split = Rummen kan inte skapas: { $detail }
err-guild-full = { $rooms } rum behöver { $needed } kanaler och servern har bara { $free } lediga (Discord tillåter 500). Inget skapades. Välj en större rumsstorlek, dela utan röst, eller ta bort gamla rum med /breakout cleanup.
err-unknown-plan = Mötesunderlaget har ingen gruppplan ”{ $plan }”.
err-unknown-room = Det finns inget rum { $room } i den här rundan.
err-not-a-room = Anteckningar skrivs i ett grupprums kanal.
err-empty-note = Anteckningen är tom.
err-rooms-full = Alla rum är fulla.
err-room-full = Rum { $room } blev precis fullt; välj ett annat.
err-room-retention = Rum kan sparas i 0–365 dagar, inte { $days }.
err-chat = Discord godtog inte ändringen: { $detail }. Inget halvfärdigt lämnades kvar.
room-name = rum-{ $number }
round-category = Grupprunda { $number }
round-category-part = Grupprunda { $number } ({ $part }/{ $parts })
choose-post = Välj ett rum ({ $rooms } att välja mellan):
choose-post-more = Fler rum ({ $first }–{ $last }):
room-brief = Välkomna! Ni har { $minutes } minuter (slut { $ends }). Skriv anteckningar med `/note`; en rapportör kan skriva rummets sammanfattning med `/note summary:True`.
room-answer-by = **{ $name }** ({ $unit }):
broadcast = 📣 { $name }: { $text }
room-one-minute = En minut kvar — dags att enas om vad ni tar med tillbaka till plenum.
summary-post = **{ $room }** ({ $members })
summary-no-notes = (inga anteckningar skrevs i det här rummet)
summary-keywords = Nyckelord: { $words }
demo-step-split = Grupprum: { $mode }
demo-broadcast = Fem minuter kvar, välj någon som redovisar i plenum.
demo-broadcast-reached = Samtalsledarens meddelande nådde { $rooms } rum.

## Språk
err-unknown-language = samrad kan inte ”{ $code }”; välj norsk, svenska eller English.
language-set = Från och med nu skriver samrad till dig på svenska.
language-cleared = samrad följer språket i din Discord-klient igen.
