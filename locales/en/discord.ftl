## Slash commands: names and descriptions (Discord: names lowercase, ≤32; descriptions ≤100)
cmd-meeting-name = meeting
cmd-meeting-description = Load, follow and end a meeting
cmd-meeting-load-name = load
cmd-meeting-load-description = Load a meeting kit; questions are posted in this channel
cmd-meeting-load-kit-name = kit
cmd-meeting-load-kit-description = The meeting kit
cmd-meeting-load-date-name = date
cmd-meeting-load-date-description = Meeting date as YYYY-MM-DD (default: the kit's date)
cmd-meeting-status-name = status
cmd-meeting-status-description = Response rate per unit
cmd-meeting-end-name = end
cmd-meeting-end-description = End the meeting and cancel scheduled posts
cmd-meeting-config-name = config
cmd-meeting-config-description = Set organiser and facilitator roles, channels and language
cmd-meeting-config-organiser-role-name = organiser_role
cmd-meeting-config-organiser-role-description = Role whose members organise meetings
cmd-meeting-config-facilitator-role-name = facilitator_role
cmd-meeting-config-facilitator-role-description = Role whose members facilitate breakouts
cmd-meeting-config-plenary-channel-name = plenary_channel
cmd-meeting-config-plenary-channel-description = Channel for the plenary
cmd-meeting-config-organiser-channel-name = organiser_channel
cmd-meeting-config-organiser-channel-description = Private channel for organisers (digests)
cmd-meeting-config-locale-name = locale
cmd-meeting-config-locale-description = The server's language for samrad
cmd-unit-name = unit
cmd-unit-description = Your unit (faculty, municipality, agency)
cmd-unit-join-name = join
cmd-unit-join-description = Join a unit
cmd-unit-join-name-name = name
cmd-unit-join-name-description = The unit
cmd-unit-join-member-name = member
cmd-unit-join-member-description = Someone else (organisers only)
cmd-unit-leave-name = leave
cmd-unit-leave-description = Leave your unit
cmd-unit-list-name = list
cmd-unit-list-description = Units and their members
cmd-role-name = role
cmd-role-description = Your role in the meeting
cmd-role-set-name = set
cmd-role-set-description = Take a role
cmd-role-set-role-name = role
cmd-role-set-role-description = The role
cmd-role-set-member-name = member
cmd-role-set-member-description = Someone else (organisers only)
cmd-answer-name = answer
cmd-answer-description = Answer the questions before the meeting
cmd-answer-mine-name = mine
cmd-answer-mine-description = Show your own answers instead
cmd-evaluate-name = evaluate
cmd-evaluate-description = Evaluate today's meeting
cmd-help-name = help
cmd-help-description = What samrad does and how to use it

## Errors
err-guild-only = samrad's commands work in a server, not in direct messages.
err-bad-date = “{ $given }” is not a date. Write it as YYYY-MM-DD, for example 2026-03-14.
err-kit = Could not load the meeting kit “{ $kit }”: { $detail }

## Replies to commands
meeting-loaded = Loaded **{ $title }** with { $questions } questions and { $jobs } scheduled posts. The questions will be posted in this channel when answering opens.
meeting-ended = The meeting is ended; scheduled posts are cancelled.
config-none = not set
config-saved = Settings saved.
    Organiser role: { $organiser }
    Facilitator role: { $facilitator }
    Plenary channel: { $plenary }
    Plenary voice: { $voice }
    Organiser channel: { $organisers }
    Language: { $locale }
unit-joined = You are now in **{ $unit }**.
unit-joined-other = { $name } is now in **{ $unit }**.
unit-left = You left **{ $unit }**.
unit-left-none = You were not in a unit.
unit-list-title = **Units and members**
unit-list-nobody = nobody yet
role-set = Your role is now **{ $role }**.
role-set-other = { $name } now has the role **{ $role }**.
help-text = **samrad** helps your group reflect before a meeting and work in breakout rooms.
    • `/unit join` — join your unit (faculty, municipality, agency); `/role set` — take your role.
    • `/answer` — answer the questions before the deadline; you can change your answers until then. `/answer mine:true` shows what you wrote.
    • `/evaluate` — evaluate the meeting at its end (or the Evaluate button on the evaluation post).
    • Organisers: `/meeting config` sets roles and channels, `/meeting load` loads a meeting kit, `/meeting status` shows who has answered, `/meeting end` ends the meeting.

## The answer flow
modal-title = { $title } ({ $page }/{ $pages })
pick-yes = Yes
pick-no = No
button-next-page = Next page ({ $page }/{ $pages })
button-more-questions = More questions
flow-done = That was all the questions. You can change your answers until the deadline.
flow-no-questions = There are no questions to answer right now.
flow-done-evaluation = That was the whole evaluation. Thank you! You can change your answers until the meeting ends.
flow-done-during = That was all the questions asked so far today. You can change your answers until the meeting ends.
flow-previous-plans = Last time ({ $previous }), { $unit } planned this. Say in your answers what came of it:
cmd-language-name = language
cmd-language-description = Your language for samrad's private replies
cmd-language-set-name = set
cmd-language-set-description = Choose your language
cmd-language-set-language-name = language
cmd-language-set-language-description = norsk, svenska or English; leave empty for Discord's own

## Breakouts
cmd-meeting-config-plenary-voice-name = plenary_voice
cmd-meeting-config-plenary-voice-description = Voice channel of the plenary (who is there is present for breakouts)
cmd-breakout-name = breakout
cmd-breakout-description = Breakout rooms: split, broadcast, extend, move, close
cmd-breakout-split-name = split
cmd-breakout-split-description = Split the people present into private breakout rooms
cmd-breakout-split-mode-name = mode
cmd-breakout-split-mode-description = How to group people
cmd-breakout-split-mode-choice-random = random
cmd-breakout-split-mode-choice-roles = roles
cmd-breakout-split-mode-choice-units = units
cmd-breakout-split-mode-choice-same-unit = same-unit
cmd-breakout-split-mode-choice-pairs = pairs
cmd-breakout-split-mode-choice-choose = choose
cmd-breakout-split-size-name = size
cmd-breakout-split-size-description = People per room
cmd-breakout-split-rooms-name = rooms
cmd-breakout-split-rooms-description = Number of rooms (instead of a size)
cmd-breakout-split-minutes-name = minutes
cmd-breakout-split-minutes-description = Minutes in the rooms
cmd-breakout-split-voice-name = voice
cmd-breakout-split-voice-description = Also a voice channel per room; people in voice are moved
cmd-breakout-split-plan-name = plan
cmd-breakout-split-plan-description = One of the meeting kit's breakout plans
cmd-breakout-split-topics-name = topics
cmd-breakout-split-topics-description = Only with mode choose: one room per topic, separated by ; (e.g. Recruitment; Pay gap)
cmd-breakout-broadcast-name = broadcast
cmd-breakout-broadcast-description = Send a message to every room
cmd-breakout-broadcast-text-name = text
cmd-breakout-broadcast-text-description = The message
cmd-breakout-extend-name = extend
cmd-breakout-extend-description = Give the rooms more time
cmd-breakout-extend-minutes-name = minutes
cmd-breakout-extend-minutes-description = Extra minutes
cmd-breakout-move-name = move
cmd-breakout-move-description = Move a member to another room
cmd-breakout-move-member-name = member
cmd-breakout-move-member-description = Who to move
cmd-breakout-move-room-name = room
cmd-breakout-move-room-description = Room number
cmd-breakout-join-name = join
cmd-breakout-join-description = Join a room late
cmd-breakout-reshuffle-name = reshuffle
cmd-breakout-reshuffle-description = Close the rooms and split again so people meet new people
cmd-breakout-reshuffle-minutes-name = minutes
cmd-breakout-reshuffle-minutes-description = Minutes in the new rooms
cmd-breakout-reshuffle-voice-name = voice
cmd-breakout-reshuffle-voice-description = Also a voice channel per room
cmd-breakout-close-name = close
cmd-breakout-close-description = Close the rooms; summaries go to plenary
cmd-note-name = note
cmd-note-description = Write a note for your breakout room's summary
cmd-note-text-name = text
cmd-note-text-description = The note
cmd-note-summary-name = summary
cmd-note-summary-description = As rapporteur: this is the room's summary
split-progress = Creating rooms… { $done }/{ $total } rooms
split-done = Round { $number }: { $rooms } rooms for { $people } people, ending { $ends }.
split-done-choose = Round { $number }: { $rooms } rooms are open; members pick one with the buttons in plenary. The round ends { $ends }.
broadcast-done = Sent to { $rooms } rooms.
extend-done = The rooms now end { $ends }.
move-done = { $name } is now in { $room }.
join-done = You are in { $room }: { $channel }
close-done = The rooms are closed; { $rooms } summaries were posted to plenary.
close-progress = Closing rooms… { $done }/{ $total } rooms emptied
note-saved = Your note is saved for { $room }.
note-summary-saved = Saved as { $room }'s summary.
err-discord-limit = Discord limit reached ({ $detail }). Choose fewer rooms or clean up old channels, then try again.

## Commands that cannot run (discord/errors.rs)
err-arg-expected = “{ $given }” is not a valid { $option } for { $command }: it takes { $expected }.
err-arg-invalid = “{ $given }” is not a valid { $option } for { $command }.
err-arg-invalid-value = “{ $given }” is not a valid value for { $command }.
err-arg-unreadable = samrad could not read the options of { $command }. Check them and try again.
err-arg-missing = { $command } needs the option { $option }.
err-command-out-of-date = Discord sent { $command } in an older form than samrad knows. Reload Discord (Ctrl+R) and try again.
err-subcommand-required = Choose one of the subcommands of { $command }.
err-cooldown = Wait { $seconds } s before using { $command } again.
err-user-permissions = You do not have the permissions { $command } needs.
err-bot-permissions = samrad lacks a permission here: { $permissions }. Ask an organiser to grant it.
err-not-allowed = You may not use { $command } here.
arg-kind-text = text
arg-kind-integer = a whole number
arg-kind-number = a number
arg-kind-yes-no = yes or no
arg-kind-member = a member
arg-kind-channel = a channel
arg-kind-role = a role
arg-kind-attachment = a file
arg-one-of = one of { $choices }
