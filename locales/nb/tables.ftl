# En dag i ett rom: grupper ved bord, uten kanaler (`/breakout split channels:false`).
cmd-breakout-split-channels-name = kanaler
cmd-breakout-split-channels-description = Lag rom på Discord (standard); false: bord i rommet, med bordplan
table-name = Bord { $number }
table-plan-title = Bordplan, runde { $round }: { $people } personer ved { $tables } bord
table-plan-table = Bord
table-plan-name = Navn
table-plan-unit = Enhet
table-plan-more = …og { $tables } bord til i den vedlagte planen.
split-done-tables = Runde { $number }: { $rooms } bord for { $people } personer, slutter { $ends }. Bordplanen er i møtekanalen.
split-done-tables-choose = Runde { $number }: { $rooms } bord; medlemmene velger bord med knappene i møtekanalen. Runden slutter { $ends }.
close-done-tables = Bordene er avsluttet.
err-round-at-tables = Denne runden er ved bord i rommet, uten kanaler: si det høyt.
export-table-plans = Bordplaner
demo-day-tables = { $item }: blandede bord i rommet, med bordplan.
demo-day-decision = Styringsgruppen lager en felles mal for nøkkeltallene til alle organisasjonene.
demo-day-plan-status = Eierne oppdaterer planene sine med statusknappene.
demo-day-dropped-note = Slått sammen med organisasjonens nye likestillingsplan.
