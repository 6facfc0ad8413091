# Innledere og taletid på et agendapunkt (/agenda speaker, påminnelse om forberedelse).
speaking-floor = 🎤 **{ $name }** har ordet ({ $n } av { $of }), til { $until }.
speaking-questions = ❓ Spørsmål og kommentarer til **{ $name }**, til { $until }.
speaking-warning = ⏳ Ett minutt igjen for **{ $name }** ({ $part }).
speaking-skipped = ⏭ **{ $name }** ble hoppet over.
speaking-extended = ⏱ **{ $name }** får mer tid, til { $until }.
speaking-done = ✅ Alle innlederne har hatt ordet.
speaking-part-talk = innlegg
speaking-part-questions = spørsmål
speaking-status = Nå: **{ $name }** ({ $part }) til { $until }. Venter: { $waiting }
err-speaker-no-timer = Ingen taletid går nå: den starter når agendaen kommer til et punkt med innledere.
err-speaker-busy = Taletiden gikk videre akkurat nå; se i kanalen og prøv igjen.
err-speaker-not-waiting = «{ $who }» er ikke blant talerne som venter.
err-speaker-place = Plass { $place } finnes ikke: { $waiting } talere venter.
err-speaker-extend = Forleng med 1 til { $max } minutter, ikke { $got }.
prepare-reminder = En påminnelse: **{ $name }** innleder på «{ $title }» ({ $meeting }) { $date } kl. { $time }: { $talk } minutter{ $questions ->
        [0] {""}
       *[other] , så { $questions } minutter med spørsmål
    }. Tid for å forberede en kort innledning.
prepare-reminder-nobody = **{ $name }** innleder på «{ $title }» ({ $meeting }) { $date } kl. { $time }: { $talk } + { $questions } minutter. Ingen av deres medlemmer er med i samrad, så ingen fikk en påminnelse.

# /agenda speaker
cmd-agenda-speaker-name = taler
cmd-agenda-speaker-description = Styr taletiden på punktet med innledere
cmd-agenda-speaker-next-name = neste
cmd-agenda-speaker-next-description = Neste del nå: spørsmål til taleren, eller neste taler
cmd-agenda-speaker-extend-name = forleng
cmd-agenda-speaker-extend-description = Flere minutter til delen som går nå
cmd-agenda-speaker-extend-minutes-name = minutter
cmd-agenda-speaker-extend-minutes-description = Minutter (1–60)
cmd-agenda-speaker-skip-name = hopp-over
cmd-agenda-speaker-skip-description = Taleren gir fra seg resten av tiden sin
cmd-agenda-speaker-move-name = flytt
cmd-agenda-speaker-move-description = Flytt en taler som venter til en annen plass i køen
cmd-agenda-speaker-move-who-name = hvem
cmd-agenda-speaker-move-who-description = Taleren, slik kitet navngir dem (en enhet eller et medlem)
cmd-agenda-speaker-move-place-name = plass
cmd-agenda-speaker-move-place-description = Den nye plassen blant dem som venter (1 = neste)
