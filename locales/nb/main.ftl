## Feilmeldinger (vises bare for den som handlet)
err-no-meeting = Ingen møte er lastet inn her ennå. En arrangør kan laste inn et med `/meeting load`.
err-unknown-unit = Det finnes ingen enhet som heter «{ $given }». Enhetene i dette møtet: { $known }.
err-unknown-role = Det finnes ingen rolle som heter «{ $given }». Rollene i dette møtet: { $known }.
err-not-organiser = Bare arrangører kan gjøre det.
err-not-facilitator = Bare fasilitatorer og arrangører kan gjøre det.
err-bad-input = Det er ikke gyldig: { $detail }
err-internal = Noe gikk galt hos oss. Ingenting du skrev gikk tapt; prøv igjen om litt.
err-meeting-running = Møtet «{ $title }» pågår fortsatt. Avslutt det med `/meeting end` før du laster inn et nytt.
err-not-open-yet = Det er ikke åpnet for svar ennå.
err-answers-closed = Svarfristen er ute: svar kan ikke lenger gis eller endres.
err-no-unit = Bli med i enheten din først med `/unit join`, så svarene dine teller for den.
err-unknown-question = Skjemaet er utdatert (spørsmål «{ $id }» finnes ikke i møtet). Åpne det på nytt med `/answer`.

## Møtestatus
status-title = **{ $title }** — { $state } (møte { $id })
state-scheduled = planlagt
state-open = åpent for svar
state-closed = svarfristen er ute
state-ended = avsluttet
status-deadline = Svarfrist: { $when }
status-missing-units = Enheter uten svar ennå: { $units }
status-no-members = – ingen medlemmer
status-empty-units = Enheter uten medlemmer: { $units }
status-without-unit = { $count ->
    [one] Ett medlem har ikke blitt med i en enhet.
   *[other] { $count } medlemmer har ikke blitt med i en enhet.
}

## Svar
answers-saved = { $count ->
    [one] Svaret ditt er lagret.
   *[other] { $count } svar er lagret.
}
answers-nothing-new = Ingenting er endret: svarene dine er som før.
answers-refused = Ikke lagret — spørsmål { $id }: { $reason }. Teksten din:
answer-empty = svaret er tomt
answer-too-long = svaret har { $got } tegn, maks { $max } får plass
answer-not-yes-no = svar ja eller nei
answer-out-of-scale = velg et helt tall fra { $min } til { $max }
answer-not-option = velg ett av: { $options }
answer-not-number = «{ $got }» er ikke et tall
answers-none-yet = Du har ikke svart på noen spørsmål ennå.
answers-mine-title = **Dine svar — { $title }**
answers-edited = { $count ->
    [one] endret én gang
   *[other] endret { $count } ganger
}

## Planlagte innlegg
open-post = **{ $title }** — spørsmålene til neste møte er åpne. Drøft dem i enheten deres og svar her; du kan endre svarene fram til fristen.
open-post-deadline = Svarfrist: { $when }
button-answer = Svar
deadline-post = Svarfristen for **{ $title }** er ute. Takk for svarene!
reminder-dm = Hei { $name }! En påminnelse: spørsmålene til **{ $title }** venter fortsatt på svarene dine.
reminder-channel = { $count ->
    [one] En påminnelse til ett medlem som ikke har svart ennå:
   *[other] En påminnelse til { $count } medlemmer som ikke har svart ennå:
}

## Oppsummering
digest-title = **Oppsummering — { $title }**
digest-missing-members = Mangler fortsatt: { $names }

## Demo
demo-loaded = Lastet inn «{ $title }»: { $questions } spørsmål, { $jobs } planlagte steg.
demo-members = { $members } medlemmer ble med i { $units } enheter.
demo-step-open = Det åpnes for svar
demo-step-answers = Medlemmene svarer
demo-edit = { $name } endrer et svar (det gamle tas vare på som en tidligere versjon):
demo-step-remind = Påminnelse (bare til dem som ikke har svart)
demo-step-status = Status for arrangørene
demo-step-deadline = Svarfrist
demo-step-digest = Oppsummering
demo-done = Demomøtet er ferdig.

## Grupperom
err-round-running = En grupperunde pågår allerede. Avslutt den med `/breakout close` eller bruk `/breakout reshuffle`.
err-no-round = Ingen grupperunde pågår.
err-split = Rommene kan ikke lages: { $detail }
err-guild-full = { $rooms } rom trenger { $needed } kanaler, og serveren har bare { $free } ledige (Discord tillater 500). Ingenting ble opprettet. Velg en større romstørrelse, del uten tale, eller slett gamle rom med /breakout cleanup.
err-unknown-plan = Møtesettet har ingen gruppeplan «{ $plan }».
err-unknown-room = Det finnes ikke noe rom { $room } i denne runden.
err-not-a-room = Notater skrives i kanalen til et grupperom.
err-empty-note = Notatet er tomt.
err-rooms-full = Alle rommene er fulle.
err-room-full = Rom { $room } ble akkurat fullt; velg et annet.
err-room-retention = Rom kan beholdes i 0–365 dager, ikke { $days }.
err-chat = Discord godtok ikke endringen: { $detail }. Ingenting halvferdig ble liggende igjen.
room-name = rom-{ $number }
round-category = Grupperunde { $number }
round-category-part = Grupperunde { $number } ({ $part }/{ $parts })
choose-post = Velg et rom ({ $rooms } å velge mellom):
choose-post-more = Flere rom ({ $first }–{ $last }):
room-brief = Velkommen! Dere har { $minutes } minutter (slutt { $ends }). Skriv notater med `/note`; en referent kan skrive rommets oppsummering med `/note summary:True`.
room-answer-by = **{ $name }** ({ $unit }):
broadcast = 📣 { $name }: { $text }
room-one-minute = Ett minutt igjen — bli enige om hva dere tar med tilbake til plenum.
summary-post = **{ $room }** ({ $members })
summary-no-notes = (ingen notater ble skrevet i dette rommet)
summary-keywords = Stikkord: { $words }
demo-step-split = Grupperom: { $mode }
demo-broadcast = Fem minutter igjen, velg en som legger fram i plenum.
demo-broadcast-reached = Fasilitatorens melding nådde { $rooms } rom.

## Språk
err-unknown-language = samrad kan ikke «{ $code }»; velg norsk, svenska eller English.
language-set = Fra nå av skriver samrad til deg på norsk.
language-cleared = samrad følger språket i Discord-klienten din igjen.
