# Presenters and the speaking timer of an agenda item (/agenda speaker, preparation reminders).
speaking-floor = 🎤 **{ $name }** has the floor ({ $n } of { $of }), until { $until }.
speaking-questions = ❓ Questions and comments to **{ $name }**, until { $until }.
speaking-warning = ⏳ One minute left for **{ $name }** ({ $part }).
speaking-skipped = ⏭ **{ $name }** was skipped.
speaking-extended = ⏱ **{ $name }** gets more time, until { $until }.
speaking-done = ✅ Every presenter has spoken.
speaking-part-talk = presentation
speaking-part-questions = questions
speaking-status = Now: **{ $name }** ({ $part }) until { $until }. Waiting: { $waiting }
err-speaker-no-timer = No speaking timer is running: it starts when the agenda reaches an item with presenters.
err-speaker-busy = The timer moved on just now; look at the channel and try again.
err-speaker-not-waiting = “{ $who }” is not among the speakers still waiting.
err-speaker-place = Place { $place } does not exist: { $waiting } speakers are waiting.
err-speaker-extend = Extend by 1 to { $max } minutes, not { $got }.
prepare-reminder = A reminder: **{ $name }** presents at “{ $title }” ({ $meeting }) on { $date } at { $time }: { $talk } minutes{ $questions ->
        [0] {""}
       *[other] , then { $questions } minutes of questions
    }. Time to prepare a short briefing.
prepare-reminder-nobody = **{ $name }** presents at “{ $title }” ({ $meeting }) on { $date } at { $time }: { $talk } + { $questions } minutes. No member of theirs has joined samrad, so nobody got a reminder.

# /agenda speaker
cmd-agenda-speaker-name = speaker
cmd-agenda-speaker-description = Steer the speaking timer of the item with presenters
cmd-agenda-speaker-next-name = next
cmd-agenda-speaker-next-description = The next part now: the speaker's questions, or the next speaker
cmd-agenda-speaker-extend-name = extend
cmd-agenda-speaker-extend-description = More minutes for the part running now
cmd-agenda-speaker-extend-minutes-name = minutes
cmd-agenda-speaker-extend-minutes-description = Minutes (1–60)
cmd-agenda-speaker-skip-name = skip
cmd-agenda-speaker-skip-description = The speaker gives up the rest of their slot
cmd-agenda-speaker-move-name = move
cmd-agenda-speaker-move-description = Move a waiting speaker to another place in the queue
cmd-agenda-speaker-move-who-name = who
cmd-agenda-speaker-move-who-description = The speaker, as the kit names them (a unit, or a member)
cmd-agenda-speaker-move-place-name = place
cmd-agenda-speaker-move-place-description = The new place among those waiting (1 = next)
