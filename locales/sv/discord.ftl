## Slash commands: names and descriptions (Discord: names lowercase, ≤32; descriptions ≤100)
cmd-meeting-name = möte
cmd-meeting-description = Ladda, följ och avsluta ett möte
cmd-meeting-load-name = ladda
cmd-meeting-load-description = Ladda ett mötesupplägg; frågorna publiceras i den här kanalen
cmd-meeting-load-kit-name = upplägg
cmd-meeting-load-kit-description = Mötesupplägget
cmd-meeting-load-date-name = datum
cmd-meeting-load-date-description = Mötesdatum som ÅÅÅÅ-MM-DD (standard: datumet i upplägget)
cmd-meeting-status-name = status
cmd-meeting-status-description = Svarsfrekvens per enhet
cmd-meeting-end-name = avsluta
cmd-meeting-end-description = Avsluta mötet och ställ in schemalagda inlägg
cmd-meeting-config-name = inställningar
cmd-meeting-config-description = Välj arrangörs- och facilitatorroll, kanaler och språk
cmd-meeting-config-organiser-role-name = arrangörsroll
cmd-meeting-config-organiser-role-description = Rollen för dem som arrangerar mötena
cmd-meeting-config-facilitator-role-name = facilitatorroll
cmd-meeting-config-facilitator-role-description = Rollen för dem som leder grupparbetet
cmd-meeting-config-plenary-channel-name = plenumkanal
cmd-meeting-config-plenary-channel-description = Kanalen för plenum
cmd-meeting-config-organiser-channel-name = arrangörskanal
cmd-meeting-config-organiser-channel-description = Stängd kanal för arrangörerna (sammanfattningar)
cmd-meeting-config-locale-name = språk
cmd-meeting-config-locale-description = Serverns språk för samrad
cmd-unit-name = enhet
cmd-unit-description = Din enhet (fakultet, kommun, myndighet)
cmd-unit-join-name = gå-med
cmd-unit-join-description = Gå med i en enhet
cmd-unit-join-name-name = namn
cmd-unit-join-name-description = Enheten
cmd-unit-join-member-name = medlem
cmd-unit-join-member-description = En annan person (endast arrangörer)
cmd-unit-leave-name = lämna
cmd-unit-leave-description = Lämna din enhet
cmd-unit-list-name = lista
cmd-unit-list-description = Enheterna och deras medlemmar
cmd-role-name = roll
cmd-role-description = Din roll i mötet
cmd-role-set-name = välj
cmd-role-set-description = Välj en roll
cmd-role-set-role-name = roll
cmd-role-set-role-description = Rollen
cmd-role-set-member-name = medlem
cmd-role-set-member-description = En annan person (endast arrangörer)
cmd-answer-name = svara
cmd-answer-description = Svara på frågorna före mötet
cmd-answer-mine-name = mina
cmd-answer-mine-description = Visa dina egna svar i stället
cmd-evaluate-name = utvärdera
cmd-evaluate-description = Utvärdera dagens möte
cmd-help-name = hjälp
cmd-help-description = Vad samrad gör och hur du använder den

## Fel
err-guild-only = samrads kommandon fungerar på en server, inte i direktmeddelanden.
err-bad-date = ”{ $given }” är inget datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.
err-kit = Kunde inte ladda mötesupplägget ”{ $kit }”: { $detail }

## Svar på kommandon
meeting-loaded = Laddade **{ $title }** med { $questions } frågor och { $jobs } schemalagda inlägg. Frågorna publiceras i den här kanalen när svarstiden öppnar.
meeting-ended = Mötet är avslutat; schemalagda inlägg är inställda.
config-none = inte valt
config-saved = Inställningarna är sparade.
    Arrangörsroll: { $organiser }
    Facilitatorroll: { $facilitator }
    Plenumkanal: { $plenary }
    Plenumröst: { $voice }
    Arrangörskanal: { $organisers }
    Språk: { $locale }
unit-joined = Du är nu med i **{ $unit }**.
unit-joined-other = { $name } är nu med i **{ $unit }**.
unit-left = Du har lämnat **{ $unit }**.
unit-left-none = Du var inte med i någon enhet.
unit-list-title = **Enheter och medlemmar**
unit-list-nobody = ingen ännu
role-set = Din roll är nu **{ $role }**.
role-set-other = { $name } har nu rollen **{ $role }**.
help-text = **samrad** hjälper gruppen att reflektera före mötet och arbeta i grupprum.
    • `/enhet gå-med` — gå med i din enhet (fakultet, kommun, myndighet); `/roll välj` — välj din roll.
    • `/svara` — svara på frågorna före deadline; du kan ändra svaren fram till dess. `/svara mina:true` visar vad du skrev.
    • `/utvärdera` — utvärdera mötet när det slutar (eller knappen Utvärdera på utvärderingsinlägget).
    • Arrangörer: `/möte inställningar` väljer roller och kanaler, `/möte ladda` laddar ett mötesupplägg, `/möte status` visar vem som har svarat, `/möte avsluta` avslutar mötet.

## Svarsformuläret
modal-title = { $title } ({ $page }/{ $pages })
pick-yes = Ja
pick-no = Nej
button-next-page = Nästa sida ({ $page }/{ $pages })
button-more-questions = Fler frågor
flow-done = Det var alla frågor. Du kan ändra dina svar fram till deadline.
flow-no-questions = Det finns inga frågor att svara på just nu.
flow-done-evaluation = Det var hela utvärderingen. Tack! Du kan ändra dina svar tills mötet är slut.
flow-done-during = Det var alla frågor som ställts i dag hittills. Du kan ändra dina svar tills mötet är slut.
flow-previous-plans = Förra gången ({ $previous }) planerade { $unit } detta. Berätta i svaren vad det blev av det:
cmd-language-name = språk
cmd-language-description = Språket samrad använder i privata svar till dig
cmd-language-set-name = välj
cmd-language-set-description = Välj ditt språk
cmd-language-set-language-name = språk
cmd-language-set-language-description = norsk, svenska eller English; tomt för Discords eget

## Breakouts
cmd-meeting-config-plenary-voice-name = plenumröst
cmd-meeting-config-plenary-voice-description = Röstkanalen för plenum (de som är där är närvarande i grupparbetet)
cmd-breakout-name = grupprum
cmd-breakout-description = Grupprum: dela in, skicka meddelande, förläng, flytta, avsluta
cmd-breakout-split-name = dela
cmd-breakout-split-description = Dela in de närvarande i slutna grupprum
cmd-breakout-split-mode-name = läge
cmd-breakout-split-mode-description = Hur folk delas in
cmd-breakout-split-mode-choice-random = slumpvis
cmd-breakout-split-mode-choice-roles = roller
cmd-breakout-split-mode-choice-units = blandade enheter
cmd-breakout-split-mode-choice-same-unit = samma enhet
cmd-breakout-split-mode-choice-pairs = kritiska vänner
cmd-breakout-split-mode-choice-choose = välj själv
cmd-breakout-split-size-name = storlek
cmd-breakout-split-size-description = Personer per rum
cmd-breakout-split-rooms-name = rum
cmd-breakout-split-rooms-description = Antal rum (i stället för storlek)
cmd-breakout-split-minutes-name = minuter
cmd-breakout-split-minutes-description = Minuter i rummen
cmd-breakout-split-voice-name = röst
cmd-breakout-split-voice-description = Även en röstkanal per rum; de som är i röst flyttas
cmd-breakout-split-plan-name = upplägg
cmd-breakout-split-plan-description = Ett av mötesuppläggets gruppupplägg
cmd-breakout-split-topics-name = teman
cmd-breakout-split-topics-description = Bara för välj själv: ett rum per tema, åtskilda med ; (t.ex. Rekrytering; Lönegap)
cmd-breakout-broadcast-name = meddela
cmd-breakout-broadcast-description = Skicka ett meddelande till alla rum
cmd-breakout-broadcast-text-name = text
cmd-breakout-broadcast-text-description = Meddelandet
cmd-breakout-extend-name = förläng
cmd-breakout-extend-description = Ge rummen mer tid
cmd-breakout-extend-minutes-name = minuter
cmd-breakout-extend-minutes-description = Extra minuter
cmd-breakout-move-name = flytta
cmd-breakout-move-description = Flytta en medlem till ett annat rum
cmd-breakout-move-member-name = medlem
cmd-breakout-move-member-description = Vem som ska flyttas
cmd-breakout-move-room-name = rum
cmd-breakout-move-room-description = Rumsnummer
cmd-breakout-join-name = gå-med
cmd-breakout-join-description = Gå med i ett rum efter att det har börjat
cmd-breakout-reshuffle-name = blanda-om
cmd-breakout-reshuffle-description = Avsluta rummen och dela in på nytt så att folk träffar nya
cmd-breakout-reshuffle-minutes-name = minuter
cmd-breakout-reshuffle-minutes-description = Minuter i de nya rummen
cmd-breakout-reshuffle-voice-name = röst
cmd-breakout-reshuffle-voice-description = Även en röstkanal per rum
cmd-breakout-close-name = avsluta
cmd-breakout-close-description = Avsluta rummen; sammanfattningarna går till plenum
cmd-note-name = anteckning
cmd-note-description = Skriv en anteckning till grupprummets sammanfattning
cmd-note-text-name = text
cmd-note-text-description = Anteckningen
cmd-note-summary-name = sammanfattning
cmd-note-summary-description = Som rapportör: detta är rummets sammanfattning
split-progress = Skapar rum … { $done }/{ $total } rum
split-done = Omgång { $number }: { $rooms } rum för { $people } personer, slutar { $ends }.
split-done-choose = Omgång { $number }: { $rooms } rum är öppna; medlemmarna väljer rum med knapparna i plenum. Omgången slutar { $ends }.
broadcast-done = Skickat till { $rooms } rum.
extend-done = Rummen slutar nu { $ends }.
move-done = { $name } är nu i { $room }.
join-done = Du är i { $room }: { $channel }
close-done = Rummen är avslutade; { $rooms } sammanfattningar har lagts ut i plenum.
close-progress = Avslutar rum … { $done }/{ $total } rum tömda
note-saved = Din anteckning är sparad för { $room }.
note-summary-saved = Sparad som sammanfattningen för { $room }.
err-discord-limit = Discords gräns är nådd ({ $detail }). Välj färre rum eller städa bort gamla kanaler och försök igen.

## Commands that cannot run (discord/errors.rs)
err-arg-expected = ”{ $given }” är inte giltigt som { $option } i { $command }: det tar { $expected }.
err-arg-invalid = ”{ $given }” är inte giltigt som { $option } i { $command }.
err-arg-invalid-value = ”{ $given }” är inte ett giltigt värde för { $command }.
err-arg-unreadable = samrad kunde inte läsa alternativen i { $command }. Kontrollera dem och försök igen.
err-arg-missing = { $command } behöver alternativet { $option }.
err-command-out-of-date = Discord skickade { $command } i en äldre form än samrad känner till. Ladda om Discord (Ctrl+R) och försök igen.
err-subcommand-required = Välj ett av underkommandona till { $command }.
err-cooldown = Vänta { $seconds } s innan du använder { $command } igen.
err-user-permissions = Du har inte de behörigheter som { $command } kräver.
err-bot-permissions = samrad saknar en behörighet här: { $permissions }. Be en arrangör att ge den.
err-not-allowed = Du får inte använda { $command } här.
arg-kind-text = text
arg-kind-integer = ett heltal
arg-kind-number = ett tal
arg-kind-yes-no = ja eller nej
arg-kind-member = en medlem
arg-kind-channel = en kanal
arg-kind-role = en roll
arg-kind-attachment = en fil
arg-one-of = ett av { $choices }
