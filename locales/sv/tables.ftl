# En dag i ett rum: grupper vid bord, utan kanaler (`/breakout split channels:false`).
cmd-breakout-split-channels-name = kanaler
cmd-breakout-split-channels-description = Skapa rum på Discord (standard); false: bord i rummet, med bordsplacering
table-name = Bord { $number }
table-plan-title = Bordsplacering, omgång { $round }: { $people } personer vid { $tables } bord
table-plan-table = Bord
table-plan-name = Namn
table-plan-unit = Enhet
table-plan-more = …och { $tables } bord till i den bifogade planen.
split-done-tables = Omgång { $number }: { $rooms } bord för { $people } personer, slutar { $ends }. Bordsplaceringen finns i möteskanalen.
split-done-tables-choose = Omgång { $number }: { $rooms } bord; medlemmarna väljer bord med knapparna i möteskanalen. Omgången slutar { $ends }.
close-done-tables = Borden är avslutade.
err-round-at-tables = Den här omgången är vid bord i rummet, utan kanaler: säg det högt.
export-table-plans = Bordsplaceringar
demo-day-tables = { $item }: blandade bord i rummet, med bordsplacering.
demo-day-decision = Styrgruppen tar fram en gemensam mall för nyckeltalen i alla organisationer.
demo-day-plan-status = Ägarna uppdaterar sina planer med statusknapparna.
demo-day-dropped-note = Uppgick i organisationens nya jämställdhetsplan.
