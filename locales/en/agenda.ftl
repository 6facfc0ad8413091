## The meeting day: agenda runner, take-home plans, evaluation, follow-up

# Errors
err-agenda-wrong-kit = The loaded meeting uses the kit “{ $loaded }”, not “{ $given }”. Start the agenda of the loaded kit.
err-agenda-none = This meeting kit has no agenda to run.
err-agenda-over = The day's agenda is already over, so there is nothing left to start.
err-agenda-started = The agenda has already started. See `/agenda status`.
err-agenda-not-started = The agenda has not started yet. Start it with `/agenda start`.
err-agenda-paused = The agenda is already paused. Continue with `/agenda resume`.
err-agenda-not-paused = The agenda is not paused.
err-agenda-nothing-left = There is no agenda item left.
err-agenda-busy = The next agenda item is being run right now. Try again in a moment.
err-agenda-unknown-question = The meeting has no question “{ $id }”.
err-agenda-not-during = “{ $id }” is not a question of the meeting day. Only questions with phase = "during" in the kit can be asked with `/agenda ask`.
err-agenda-delay = A delay must be between 1 and { $max } minutes; “{ $got }” is not. Nothing was changed.
err-plan-empty-action = Write what your unit will do: the action is empty. Nothing was saved.
err-plan-action-too-long = The action has { $got } characters; at most { $max } fit. Nothing was saved.
err-plan-no-owner = Every plan needs an owner: write who is responsible. Nothing was saved.
err-plan-owner-too-long = The owner has { $got } characters; at most { $max } fit. Nothing was saved.
err-plan-past-date = { $given } has already passed. Choose a date from today on. Nothing was saved.
err-plan-not-your-unit = Only members of that unit and organisers can see its plans.
err-plan-unknown-unit = There is no unit called “{ $given }” in this meeting.

# Agenda posts
agenda-kind-plenary = plenary
agenda-kind-presentation = presentation
agenda-kind-breakout = small groups
agenda-kind-reflection = reflection
agenda-kind-evaluation = evaluation
agenda-kind-break = break
agenda-now = **Now ({ $start }–{ $end }):** { $title } — { $kind }, { $minutes } min
agenda-next = Next at { $start }: { $title } — { $kind }, { $minutes } min
agenda-evaluation-post = **Evaluation — { $title }.** Please tell us how the day went; you can change your answers until the meeting ends.
button-evaluate = Evaluate
button-answer-during = Answer
agenda-during-post = **A question for today — { $title }.** Answer with the button; you can change your answer until the meeting ends.
agenda-asked = Posted in plenary: { $question }
agenda-day-over = That was the day: **{ $title }** is over. Thank you all! Remember your unit's take-home plan (`/plan`).
agenda-breakout-failed = The small groups could not be opened: { $reason }
agenda-status-title = **Agenda — { $title }**
agenda-status-paused = (paused)
agenda-status-shift = { $minutes ->
    [one] Running one minute behind plan.
   *[other] Running { $minutes } minutes against plan.
}
agenda-started = The agenda has started: { $items } items, the first at { $first }.
agenda-paused-reply = The agenda is paused. Continue with `/agenda resume`.
agenda-resumed = The agenda continues; the rest of the day moved { $minutes } min.
agenda-delayed = The rest of the day moved { $minutes } min later.
agenda-skipped = Moved on to the next item.

# Take-home plans
plan-due = by { $date }
plan-saved = Saved to the plan of { $unit }.
plans-heading = Take-home plans
plans-none = { $unit } has no take-home plan yet. Add one with `/plan add`.
plans-of-unit = **Take-home plan — { $unit }**

# Follow-up and evaluation
followup-plans-heading = **Since { $previous }:** what came of your unit's plan? Tell us in your answers (5+5 min per organisation in plenary).
followup-key-figures = Key figures
followup-key-figures-vs = Key figures (change since { $previous })
evaluation-heading = { $people ->
    [one] Evaluation (one person answered)
   *[other] Evaluation ({ $people } people answered)
}
during-heading = { $people ->
    [one] Questions of the day (one person answered)
   *[other] Questions of the day ({ $people } people answered)
}
evaluation-answers = { $count ->
    [one] one answer
   *[other] { $count } answers
}
evaluation-mean = mean
evaluation-yes-no = yes { $yes } · no { $no }
day-digest-title = **The day in summary — { $title }**
day-digest-responses = Reflection answers: { $answered } of { $members } members ({ $percent } %).

# Demo of the meeting day
demo-day-start = The meeting day begins: the agenda runs on a simulated clock.
demo-day-plans = Each unit writes down what it takes home.
demo-day-evaluation = Everyone fills in the evaluation.
demo-day-done = The day is over: { $items } agenda items, { $rounds } breakout rounds, { $plans } plans, { $evaluations } evaluations.

# Slash commands
cmd-agenda-description = Run the meeting day's agenda
cmd-agenda-start-description = Run the loaded meeting's agenda today
cmd-agenda-status-description = The day's agenda and where it stands
cmd-agenda-next-description = End the current item now and start the next one
cmd-agenda-pause-description = Hold the agenda
cmd-agenda-resume-description = Continue the agenda; the rest of the day moves by the pause
cmd-agenda-delay-description = Move the rest of the day later
cmd-agenda-delay-minutes-description = Minutes (1–180)
cmd-agenda-ask-description = Post a question of the meeting day in plenary now
cmd-agenda-ask-question-description = The question (from the kit's questions with phase = "during")
cmd-plan-description = Your unit's take-home plan
cmd-plan-add-description = Add to your unit's take-home plan
cmd-plan-add-action-description = What your unit will do
cmd-plan-add-owner-description = Who is responsible
cmd-plan-add-due-description = By when, as YYYY-MM-DD (optional)
cmd-plan-list-description = Your unit's take-home plan (organisers: any unit's)
cmd-plan-list-unit-description = The unit (organisers only)
cmd-plan-name = plan
cmd-plan-add-name = add
cmd-plan-add-action-name = action
cmd-plan-add-owner-name = owner
cmd-plan-add-due-name = due
cmd-plan-list-name = list
cmd-plan-list-unit-name = unit
cmd-agenda-name = agenda
cmd-agenda-start-name = start
cmd-agenda-status-name = status
cmd-agenda-next-name = next
cmd-agenda-pause-name = pause
cmd-agenda-resume-name = resume
cmd-agenda-delay-name = delay
cmd-agenda-delay-minutes-name = minutes
cmd-agenda-ask-name = ask
cmd-agenda-ask-question-name = question
