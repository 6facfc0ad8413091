## Plans with a life: status, reminders, the next meeting's follow-up, decisions

plan-status-not-started = Not started
plan-status-in-progress = In progress
plan-status-done = Done
plan-status-dropped = Dropped
plan-status-changed = “{ $action }” is now: **{ $status }**.
plan-drop-title = Why was the plan dropped?
plan-drop-note = A short note
plan-reminder-before = A reminder: your plan for { $unit }, “{ $action }”, is due on { $date }. Where does it stand?
plan-reminder-due = Today is the day for your plan for { $unit }: “{ $action }”. Where does it stand?

err-plan-unknown = That plan (no. { $id }) no longer exists.
err-plan-not-yours = Only the plan's owner and the members of its unit can change it.
err-plan-drop-note = Say in a few words why the plan was dropped. Nothing was changed.
err-plan-note-too-long = The note has { $got } characters; at most { $max } fit. Nothing was changed.

followup-ask = **{ $unit }:** what became of your plans from { $previous }? Press the status of each.
followup-table-heading = Plans from last time
followup-table-unit = Unit
followup-table-no-answer = No answer
followup-decisions-heading = **Decisions at { $previous }:**

decisions-heading = Decisions
decision-saved = Decision recorded.
err-decision-empty = Write what was decided: the decision is empty. Nothing was saved.
err-decision-too-long = The decision has { $got } characters; at most { $max } fit. Nothing was saved.
err-decision-no-responsible = Every decision needs someone responsible. Nothing was saved.

cmd-plan-status-name = status
cmd-plan-status-description = Where a plan stands: not started, in progress, done or dropped
cmd-plan-status-plan-name = plan
cmd-plan-status-plan-description = The plan (your unit's or your own)
cmd-plan-status-status-name = status
cmd-plan-status-status-description = Its status now
cmd-plan-status-status-choice-not-started = Not started
cmd-plan-status-status-choice-in-progress = In progress
cmd-plan-status-status-choice-done = Done
cmd-plan-status-status-choice-dropped = Dropped
cmd-plan-status-note-name = note
cmd-plan-status-note-description = Why it was dropped (needed when dropping)
cmd-decision-name = decision
cmd-decision-description = Decisions taken during the day
cmd-decision-add-name = add
cmd-decision-add-description = Record a decision: what, who is responsible, by when
cmd-decision-add-text-name = text
cmd-decision-add-text-description = What was decided
cmd-decision-add-responsible-name = responsible
cmd-decision-add-responsible-description = Who is responsible (a person, a role or a unit)
cmd-decision-add-member-name = member
cmd-decision-add-member-description = The responsible member, who gets reminders (optional)
cmd-decision-add-due-name = due
cmd-decision-add-due-description = By when, as YYYY-MM-DD (optional)
