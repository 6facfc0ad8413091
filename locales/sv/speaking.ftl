# Presentatörer och taltid på en punkt i agendan (/agenda speaker, påminnelse om förberedelse).
speaking-floor = 🎤 **{ $name }** har ordet ({ $n } av { $of }), till { $until }.
speaking-questions = ❓ Frågor och återkoppling till **{ $name }**, till { $until }.
speaking-warning = ⏳ En minut kvar för **{ $name }** ({ $part }).
speaking-skipped = ⏭ **{ $name }** hoppades över.
speaking-extended = ⏱ **{ $name }** får mer tid, till { $until }.
speaking-done = ✅ Alla presentatörer har haft ordet.
speaking-part-talk = presentation
speaking-part-questions = frågor
speaking-status = Nu: **{ $name }** ({ $part }) till { $until }. Väntar: { $waiting }
err-speaker-no-timer = Ingen taltid pågår: den startar när agendan når en punkt med presentatörer.
err-speaker-busy = Taltiden gick vidare just nu; titta i kanalen och försök igen.
err-speaker-not-waiting = ”{ $who }” är inte bland talarna som väntar.
err-speaker-place = Plats { $place } finns inte: { $waiting } talare väntar.
err-speaker-extend = Förläng med 1 till { $max } minuter, inte { $got }.
prepare-reminder = En påminnelse: **{ $name }** presenterar på ”{ $title }” ({ $meeting }) { $date } kl. { $time }: { $talk } minuter{ $questions ->
        [0] {""}
       *[other] , sedan { $questions } minuter frågor
    }. Dags att förbereda en kort dragning.
prepare-reminder-nobody = **{ $name }** presenterar på ”{ $title }” ({ $meeting }) { $date } kl. { $time }: { $talk } + { $questions } minuter. Ingen av deras medlemmar är med i samrad, så ingen fick en påminnelse.

# /agenda speaker
cmd-agenda-speaker-name = talare
cmd-agenda-speaker-description = Styr taltiden på punkten med presentatörer
cmd-agenda-speaker-next-name = nasta
cmd-agenda-speaker-next-description = Nästa del nu: frågor till talaren, eller nästa talare
cmd-agenda-speaker-extend-name = forlang
cmd-agenda-speaker-extend-description = Fler minuter till delen som pågår nu
cmd-agenda-speaker-extend-minutes-name = minuter
cmd-agenda-speaker-extend-minutes-description = Minuter (1–60)
cmd-agenda-speaker-skip-name = hoppa-over
cmd-agenda-speaker-skip-description = Talaren avstår resten av sin tid
cmd-agenda-speaker-move-name = flytta
cmd-agenda-speaker-move-description = Flytta en väntande talare till en annan plats i kön
cmd-agenda-speaker-move-who-name = vem
cmd-agenda-speaker-move-who-description = Talaren, som kitet namnger dem (en enhet eller en medlem)
cmd-agenda-speaker-move-place-name = plats
cmd-agenda-speaker-move-place-description = Den nya platsen bland de väntande (1 = nästa)
