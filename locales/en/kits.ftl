## /kit: kits organisers upload, list, download and delete
kit-uploaded = Stored kit **{ $title }** (`{ $kit }`) as version { $version }. Load it with `/meeting load kit:{ $kit }`.
kit-uploaded-overrides = This server now uses its own `{ $kit }` instead of the kit shipped with samrad.
kit-list-title = Kits you can load here:
kit-list-guild = `{ $kit }` — { $title } ({ $language }) · this server, version { $version }, uploaded by { $by } { $when }
kit-list-shipped = `{ $kit }` — { $title } ({ $language }) · shipped with samrad
kit-list-empty = No kits yet. Get a starter with `/kit template` and upload it with `/kit upload`.
kit-downloaded = Kit `{ $kit }`: edit it and upload it again with `/kit upload`.
kit-template = A starter kit in English. Edit it, then upload it with `/kit upload`. The guide: docs/guide-en.md
kit-deleted = { $count ->
    [one] Deleted kit `{ $kit }` (one version). Meetings loaded from it keep their copy.
   *[other] Deleted kit `{ $kit }` ({ $count } versions). Meetings loaded from it keep their copy.
}
kit-err-download = The file could not be fetched from Discord. Nothing was stored; please attach it again.
kit-err-too-large = The file is { $kib } KiB; a kit may be at most { $max } KiB. Nothing was stored.
kit-err-empty = The file is empty. Nothing was stored.
kit-err-not-text = That is not a kit but a { $what }. Attach the kit's `.toml` file (plain text). Nothing was stored.
kit-err-not-utf8 = `{ $line }:{ $column }`: the file is not UTF-8 text (hint: save it as UTF-8; most editors have it under Save as → Encoding). Nothing was stored.
kit-err-too-deep = `{ $line }:{ $column }`: the file is nested more than { $max } levels deep (hint: a kit has top-level keys and the sections [schedule], [[questions]], [[agenda]] and [[breakouts]]). Nothing was stored.
kit-err-not-a-kit = This is a TOML file, but not a meeting kit: it has none of a kit's keys (id, title, language, date, questions). Start from `/kit template`. Nothing was stored.
kit-err-invalid = { $count ->
    [one] The kit has one problem; nothing was stored:
   *[other] The kit has { $count } problems; nothing was stored:
}
kit-err-unchanged = Kit `{ $kit }` version { $version } already has exactly this text; nothing new was stored.
kit-err-unknown = There is no kit `{ $kit }` here. Kits: { $known }
kit-err-shipped = `{ $kit }` is shipped with samrad and cannot be deleted. Upload your own kit with that id to use it instead.
kit-err-stale = The stored kit `{ $kit }` no longer passes the checks. Download it, fix these lines and upload it again:
kit-what-png = PNG image
kit-what-jpeg = JPEG image
kit-what-gif = GIF image
kit-what-pdf = PDF document
kit-what-zip = ZIP archive (or a Word/Excel document)
kit-what-gzip = compressed archive
kit-what-binary = binary file

## /kit command names and descriptions
cmd-kit-name = kit
cmd-kit-description = Meeting kits of this server: upload, list, download, template, delete
cmd-kit-upload-name = upload
cmd-kit-upload-description = Upload a meeting kit (.toml) for this server
cmd-kit-upload-file-name = file
cmd-kit-upload-file-description = The kit's .toml file
cmd-kit-list-name = list
cmd-kit-list-description = The kits you can load here
cmd-kit-download-name = download
cmd-kit-download-description = Get a kit's .toml file to edit and upload again
cmd-kit-download-kit-name = kit
cmd-kit-download-kit-description = The kit
cmd-kit-template-name = template
cmd-kit-template-description = A commented starter kit that passes the checks
cmd-kit-template-language-name = language
cmd-kit-template-language-description = The kit's language (default: yours)
cmd-kit-delete-name = delete
cmd-kit-delete-description = Delete one of this server's kits (every version)
cmd-kit-delete-kit-name = kit
cmd-kit-delete-kit-description = The kit
purpose-heading = **Purpose of the day**

## Meetings without units
err-no-units = This meeting has no units: everyone answers for themselves. Just press **Answer** (or use `/answer`).
err-split-needs-units = “{ $mode }” seats people by unit, and this meeting has no units. Use random, roles or choose.

# Kit errors told through the catalogues (`/kit upload` replies in the organiser's language;
# `samrad check` prints the English). Keys, ids and TOML's own detail stay as written.
kit-hint = (hint: { $hint })
kit-e-toml-syntax = TOML syntax error: { $detail }
kit-h-toml-syntax = check quotes, brackets and `=` here; text and times need quotes, e.g. start = "09:30"
kit-e-toml-value = { $detail }
kit-h-invalid-type = text goes in quotes, whole numbers and true/false without, lists in [ ]
kit-h-see-format = see docs/kit-format.md for the keys a kit may have
kit-e-unknown-key = unknown key `{ $key }` { $place }
kit-place-top = at the top level
kit-place-section = in { $section }
kit-h-did-you-mean = did you mean `{ $close }`?
kit-h-known-keys = known keys { $place }: { $keys }
kit-e-ask-unknown = agenda item asks unknown question `{ $id }`
kit-h-ask-add-question = add a [[questions]] block with this id and phase = "during"
kit-e-ask-not-during = question `{ $id }` is asked during the meeting but is not a meeting-day question
kit-h-ask-not-during = add phase = "during" to the question
kit-e-ask-twice = question `{ $id }` is already asked on line { $line }
kit-h-ask-twice = ask each question at one agenda item; `/agenda ask` can post it again
kit-e-invalid = the kit is invalid
kit-h-keyword-english = write `{ $meant }` (the kit's keywords are English)
kit-h-one-of = use one of: { $ids }
kit-e-missing-key = missing required key `{ $key }` { $place }
kit-place-question = in question #{ $n }
kit-place-plan = in breakout plan #{ $n }
kit-place-agenda = in agenda item #{ $n }
kit-h-key-id = e.g. id = "larandetraff-2"
kit-h-key-title = the meeting's name
kit-h-key-language = nb, sv or en
kit-h-key-date = the meeting day, e.g. date = 2027-03-15
kit-e-empty-title = the title is empty
kit-e-empty-purpose = the purpose line is empty
kit-e-empty-question-text = the question text is empty
kit-e-empty-help = the help text is empty
kit-e-empty-plan-title = the breakout title is empty
kit-e-empty-agenda-title = the agenda title is empty
kit-h-empty = write some text between the quotes
kit-e-slug-kit = invalid kit id `{ $value }`
kit-e-slug-previous = invalid previous kit id `{ $value }`
kit-e-slug-plan = invalid breakout plan id `{ $value }`
kit-h-slug = use 1 to { $max } characters of a-z, 0-9, '-' and '_' (no æ, ø, å, ä, ö), e.g. `larandetraff-2`
kit-e-language = language `{ $value }` is not supported
kit-e-previous-self = a kit cannot follow itself
kit-h-previous-self = `previous` names the id of the kit of the previous meeting
kit-e-timezone = unknown timezone `{ $value }`
kit-h-timezone = use an IANA name such as Europe/Oslo or Europe/Stockholm
kit-e-date = bad date { $value }
kit-h-date = write the meeting day as year-month-day, e.g. date = 2027-03-15
kit-e-duplicate-unit = duplicate unit `{ $name }` (already listed as `{ $first }` on line { $line })
kit-e-duplicate-role = duplicate role `{ $name }` (already listed as `{ $first }` on line { $line })
kit-h-duplicate-name = names are compared without regard to case; list each once
kit-e-unit-name = invalid unit name `{ $value }`
kit-e-role-name = invalid role name `{ $value }`
kit-h-name-length = names are 1 to 100 characters
kit-e-unit-answers-no-units = `unit_answers` collects one answer per unit, and this kit has no `units`
kit-h-unit-answers-no-units = add units = ["..."] at the top, or leave out unit_answers
kit-e-unit-answers-anonymous = question `{ $id }` is anonymous, and a unit answer is always shown with its unit
kit-h-unit-answers-anonymous = set anonymous = false on the question, or leave out unit_answers
kit-e-mode-needs-units = breakout mode `{ $mode }` seats people by unit, and this kit has no `units`
kit-h-mode-needs-units = add units = ["..."] at the top, or use random, roles or choose

## Kit errors: questions
kit-h-question-id = a short id such as `q1`
kit-h-question-text = the question as members will read it
kit-e-question-id = invalid question id `{ $value }`
kit-h-question-id-chars = use a-z, 0-9, '-' and '_' only, at most { $max } characters, e.g. `q1` or `nokkeltal-lon`
kit-e-duplicate-question = duplicate question id `{ $id }` (first used on line { $line })
kit-h-duplicate-question = give every question its own id
kit-e-phase = unknown phase `{ $value }`
kit-e-question-kind = unknown question kind `{ $value }`
kit-e-only-scale = `{ $key }` only applies to scale questions
kit-h-only-scale = remove it, or set kind = "scale"
kit-e-only-choice = `options` only applies to choice questions
kit-h-only-choice = remove it, or set kind = "choice"
kit-e-scale-range = { $value } is out of range
kit-h-scale-range = scales are small whole numbers, e.g. 1 to 5
kit-e-scale-order = scale min ({ $min }) must be less than max ({ $max })
kit-h-scale-order = e.g. min = 1, max = 5
kit-e-scale-steps = a scale from { $min } to { $max } has { $steps } steps; at most { $most } fit
kit-h-scale-steps = Discord select menus hold { $most } options; use a shorter scale or a number question
kit-e-choice-options = a choice question needs `options`
kit-h-choice-options = e.g. options = ["Yes", "Partly", "No"]
kit-e-option-length = an option must have 1 to { $most } characters
kit-h-option-length = Discord shows options in a select menu
kit-e-duplicate-option = duplicate option `{ $option }`
kit-h-duplicate-option = list each option once
kit-e-choice-few = a choice question needs at least 2 options (got { $count })
kit-h-choice-few = use yes_no for a single yes/no, or add options
kit-e-choice-many = { $count } options is too many; at most { $most } fit
kit-h-choice-many = Discord select menus hold { $most } options

## Kit errors: schedule and times
kit-e-time = bad time { $value }
kit-h-time = write a 24-hour time in quotes, e.g. "09:30"
kit-when = { $days ->
    [0] the meeting day at { $time }
    [one] 1 day before at { $time }
   *[other] { $days } days before at { $time }
}
kit-e-days = { $value } is not a number of days
kit-h-days = a whole number from 0 (the meeting day) to { $most }
kit-e-opens-after-deadline = answering opens ({ $open }) after the deadline ({ $deadline })
kit-h-opens-after-deadline = open_days_before must be larger than deadline_days_before
kit-e-reminder-outside = reminder { $reminder } is not between opening ({ $open }) and the deadline ({ $deadline })
kit-h-reminder-outside = reminders_days_before values must be below { $open } and at least { $deadline }
kit-e-cron = invalid remind_cron `{ $value }`: { $detail }
kit-h-cron = five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * MON"
kit-e-cron-never = remind_cron `{ $value }` never fires between opening ({ $open }) and the deadline ({ $deadline })
kit-h-cron-never = pick a pattern that matches a day in the answering window, or remove it

## Kit errors: breakout plans and the agenda
kit-h-plan-id = a short id such as `smagrupper`
kit-h-plan-title = what the rooms are for
kit-h-plan-minutes = how long the rooms stay open
kit-e-duplicate-plan = duplicate breakout plan id `{ $id }` (first used on line { $line })
kit-h-duplicate-plan = give every plan its own id
kit-e-mode = unknown breakout mode `{ $value }`
kit-e-room-size = room size { $value } is too small
kit-h-room-size = a room needs at least 2 people; leave `size` out to let the mode decide
kit-e-plan-question = breakout plan refers to unknown question `{ $id }`
kit-h-no-questions = the kit has no [[questions]]
kit-h-question-ids = question ids in this kit: { $ids }
kit-e-minutes = { $value } minutes is not a duration
kit-h-minutes = a whole number of minutes from 1, e.g. minutes = 30
kit-e-overlap = agenda item `{ $title }` ({ $start }–{ $end }) overlaps `{ $other }` ({ $other_start }–{ $other_end }, line { $line })
kit-h-overlap = start it when the other one ends, or shorten the other one
kit-h-agenda-title = what happens, e.g. title = "Lunch"
kit-h-agenda-start = e.g. start = "09:30"
kit-h-agenda-minutes = how long it takes, e.g. minutes = 30 (or give end = "10:00")
kit-e-agenda-kind = unknown agenda kind `{ $value }`
kit-e-end-mismatch = `end` ({ $end }) does not match start + minutes ({ $minutes })
kit-h-end-mismatch = give either `minutes` or `end`
kit-e-end-before-start = agenda item ends ({ $end }) before it starts, or past midnight
kit-h-end-before-start = agenda items end on the meeting day, after they start
kit-e-past-midnight = agenda item starting { $start } with { $minutes } minutes runs to midnight or past it
kit-h-past-midnight = agenda items end on the meeting day; check start and minutes
kit-e-only-breakout = `breakout` only applies to agenda items with kind = "breakout"
kit-h-only-breakout = set kind = "breakout" or remove the line
kit-e-plan-longer = breakout plan `{ $plan }` takes { $plan_minutes } minutes but this agenda item has { $minutes }
kit-h-plan-longer = make the item longer or the plan's minutes shorter
kit-e-missing-plan = agenda item refers to missing breakout plan `{ $id }`
kit-h-add-plan = add a [[breakouts]] plan with this id
kit-h-plan-ids = breakout plans in this kit: { $ids }

# Rooms by topic (choose plans' `topics`)
kit-e-topics-not-choose = `topics` only applies to breakout plans with mode = "choose"
kit-h-topics-not-choose = set mode = "choose" or remove the line
kit-e-topics-none = `topics` is empty
kit-e-topic-empty = this topic is empty
kit-e-topic-long = this topic has { $chars } characters; a room name and a button hold at most { $max }
kit-e-topic-twice = topic “{ $topic }” is already given as topic { $first }
kit-e-topics-many = { $count } topics are more rooms than a Discord server can hold (at most { $max })
kit-h-topics = one short, distinct text per room, e.g. topics = ["Recruitment", "Pay gap"]

## Presenters of an agenda item (speaking slots)
kit-e-slot-without-presenters = `speaker_minutes`, `questions_minutes` and `prepare_days_before` need `presenters`
kit-h-presenters = presenters = "units" (every unit), or a list such as presenters = ["KHM", "@Ella Ghosh"] (units, or members after @)
kit-e-presenters-kind = a break or a breakout item has no presenters
kit-h-presenters-kind = use kind = "presentation" or "plenary"
kit-e-slot-minutes = { $value } is not allowed here
kit-h-slot-minutes = a whole number from { $least } to { $most }
kit-e-presenters-overrun = { $count } presenters × ({ $talk } + { $questions } minutes) take { $total } minutes, and the item has { $minutes }
kit-h-presenters-overrun = make the item longer, the slots shorter or the list of presenters shorter
kit-e-presenters-no-units = presenters = "units" needs the kit's `units`
kit-e-presenters-shape = `presenters` is "units" or a list of names
kit-e-presenter-empty = a presenter's name is empty
kit-e-presenter-unknown = presenter `{ $name }` is not a unit of this kit
kit-h-presenter-unit = units in this kit: { $units }; a member is written with @, e.g. "@Ella Ghosh"
kit-e-presenter-twice = `{ $name }` presents twice at this item
kit-h-presenter-twice = list each presenter once; move speakers during the day with /agenda speaker move
