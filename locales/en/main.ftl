## Errors (shown privately to the person who acted)
err-no-meeting = No meeting is loaded here yet. An organiser can load one with `/meeting load`.
err-unknown-unit = There is no unit called “{ $given }”. Units in this meeting: { $known }.
err-unknown-role = There is no role called “{ $given }”. Roles in this meeting: { $known }.
err-not-organiser = Only organisers can do that.
err-not-facilitator = Only facilitators and organisers can do that.
err-bad-input = That input is not valid: { $detail }
err-internal = Something went wrong on our side. Nothing you entered was lost; please try again in a moment.
err-meeting-running = The meeting “{ $title }” is still running. End it with `/meeting end` before loading another.
err-not-open-yet = Answering has not opened yet.
err-answers-closed = Answering is closed: the deadline has passed, so answers can no longer be given or changed.
err-no-unit = Join your unit first with `/unit join`, so your answers count for it.
err-unknown-question = This form is out of date (question “{ $id }” is not in the meeting). Open it again with `/answer`.

## Meeting status
status-title = **{ $title }** — { $state } (meeting { $id })
state-scheduled = scheduled
state-open = open for answers
state-closed = answering closed
state-ended = ended
status-deadline = Deadline: { $when }
status-missing-units = Units with no answers yet: { $units }
status-no-members = – no members
status-empty-units = Units without members: { $units }
status-without-unit = { $count ->
    [one] One member has not joined a unit.
   *[other] { $count } members have not joined a unit.
}

## Answers
answers-saved = { $count ->
    [one] Saved your answer.
   *[other] Saved { $count } answers.
}
answers-nothing-new = Nothing changed: your answers are as they were.
answers-refused = Not saved — question { $id }: { $reason }. Your text:
answer-empty = the answer is empty
answer-too-long = the answer has { $got } characters, at most { $max } fit
answer-not-yes-no = answer yes or no
answer-out-of-scale = choose a whole number from { $min } to { $max }
answer-not-option = choose one of: { $options }
answer-not-number = “{ $got }” is not a number
answers-none-yet = You have not answered any questions yet.
answers-mine-title = **Your answers — { $title }**
answers-edited = { $count ->
    [one] edited once
   *[other] edited { $count } times
}

## Scheduled posts
open-post = **{ $title }** — the questions for our next meeting are open. Talk them over in your unit and answer here; you can change your answers until the deadline.
open-post-deadline = Deadline: { $when }
button-answer = Answer
deadline-post = Answering for **{ $title }** is now closed. Thank you for your answers!
reminder-dm = Hi { $name }! A reminder: the questions for **{ $title }** are still waiting for your answers.
reminder-channel = { $count ->
    [one] A reminder to one member who has not answered yet:
   *[other] A reminder to { $count } members who have not answered yet:
}

## Digest
digest-title = **Digest — { $title }**
digest-missing-members = Still missing: { $names }

## Demo narration
demo-loaded = Loaded “{ $title }”: { $questions } questions, { $jobs } scheduled steps.
demo-members = { $members } members joined { $units } units.
demo-step-open = Answering opens
demo-step-answers = Members answer
demo-edit = { $name } changes an answer (the old one is kept as a revision):
demo-step-remind = Reminder (only to those who have not answered)
demo-step-status = Status for the organisers
demo-step-deadline = Deadline
demo-step-digest = Digest
demo-done = The demo meeting is over.

## Breakouts
err-round-running = A breakout round is already running. Close it with `/breakout close` or use `/breakout reshuffle`.
err-no-round = No breakout round is running.
err-split = These rooms cannot be made: { $detail }
err-guild-full = { $rooms } rooms need { $needed } channels and the server has only { $free } free (Discord allows 500). Nothing was created. Choose a larger room size, split without voice, or delete old rooms with /breakout cleanup.
err-unknown-plan = The kit has no breakout plan “{ $plan }”.
err-unknown-room = There is no room { $room } in this round.
err-not-a-room = Notes are written inside a breakout room's channel.
err-empty-note = The note is empty.
err-rooms-full = Every room is full.
err-room-full = Room { $room } just became full; pick another.
err-room-retention = Rooms can be kept 0–365 days, not { $days }.
err-chat = Discord did not accept the change: { $detail }. Nothing half-made was left behind.
room-name = room-{ $number }
round-category = Breakout round { $number }
round-category-part = Breakout round { $number } ({ $part }/{ $parts })
choose-post = Pick a room ({ $rooms } to choose from):
choose-post-more = More rooms ({ $first }–{ $last }):
room-brief = Welcome! You have { $minutes } minutes (ends { $ends }). Write notes with `/note`; a rapporteur can write the room's summary with `/note summary:True`.
room-answer-by = **{ $name }** ({ $unit }):
broadcast = 📣 { $name }: { $text }
room-one-minute = One minute left — time to agree on what you bring back to plenary.
summary-post = **{ $room }** ({ $members })
summary-no-notes = (no notes were written in this room)
summary-keywords = Key words: { $words }
demo-step-split = Breakout: { $mode }
demo-broadcast = Five minutes left, please pick someone to report back.
demo-broadcast-reached = The facilitator's message reached { $rooms } rooms.

## Language
err-unknown-language = samrad does not speak “{ $code }”; choose norsk, svenska or English.
language-set = From now on samrad writes to you in English.
language-cleared = samrad follows your Discord client's language again.
