# A day in one room: breakouts at tables, without channels (`/breakout split channels:false`).
cmd-breakout-split-channels-name = channels
cmd-breakout-split-channels-description = Create rooms on Discord (default); false: tables in the room, with a table plan
table-name = Table { $number }
table-plan-title = Table plan, round { $round }: { $people } people at { $tables } tables
table-plan-table = Table
table-plan-name = Name
table-plan-unit = Unit
table-plan-more = …and { $tables } more tables in the attached plan.
split-done-tables = Round { $number }: { $rooms } tables for { $people } people, ending { $ends }. The table plan is in the meeting channel.
split-done-tables-choose = Round { $number }: { $rooms } tables; members pick one with the buttons in the meeting channel. The round ends { $ends }.
close-done-tables = The tables are closed.
err-round-at-tables = This round is at tables in the room, without channels: say it out loud.
export-table-plans = Table plans
demo-day-tables = { $item }: mixed tables in the room, with a table plan.
demo-day-decision = The steering group writes a shared template for the key figures of every organisation.
demo-day-plan-status = The owners update their plans with the status buttons.
demo-day-dropped-note = Merged into the organisation's new equality plan.
