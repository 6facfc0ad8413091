## Digests, export and privacy (organisers and members). Digest templates keep their
## placeholders: the code passes "{title}" etc. and the digest renderer fills them in.

digest-heading = ## Digest: { $title }
digest-response-line = **Responses:** { $answered } of { $members } members ({ $percent } %), { $answers } answers
digest-per-unit = Per unit
digest-all-required = { $n } answered all required
digest-silent-units = No answers yet from
digest-empty-units = No members yet
digest-by-role = by role
digest-not-answered = Not answered yet
digest-and-more = and { $n } more
digest-no-unit = no unit
digest-no-answers = No answers yet.
digest-answer-count = { $n } answers
digest-themes = Themes
digest-theme-counts = { $answers } answers, { $units } units
digest-theme-other = Other answers: { $n }
digest-themes-overall = Themes across all questions
digest-yes = Yes
digest-no = No
digest-mean = mean
digest-min = min
digest-median = median
digest-max = max
digest-anonymous = anonymous
digest-hidden-units = Units left out (too few anonymous answers to show safely): { $n }
digest-key-figures = Key figures
digest-key-figures-vs = Key figures (change since { $previous })
# The decimal separator in numbers.
digest-decimal = .
digest-overview = Summary
chart-response-rate = Response rate per unit
chart-answers-per-question = Answers per question
chart-no-units = No units yet
chart-no-members = no members
err-digest-unknown-unit = This meeting has no unit “{ $unit }”. Units: { $units }
export-ready = Export of { $title } ({ $format }).
forget-confirm = This deletes your answers, notes and unit membership in this server. It cannot be undone. Delete?
forget-button-yes = Yes, delete
forget-button-no = Cancel
forget-done = Done: { $count ->
    [one] one record was deleted.
   *[other] { $count } records were deleted.
}
forget-cancelled = Nothing was deleted.
privacy-share-on = Your pre-meeting answers may now be shown in your breakout room.
privacy-share-off = Your pre-meeting answers will no longer be shown in breakout rooms.

cmd-digest-name = digest
cmd-digest-description = The digest of the current meeting (organisers)
cmd-digest-unit-name = unit
cmd-digest-unit-description = Only this unit
cmd-export-name = export
cmd-export-description = Everything the meeting produced, as a file (organisers)
cmd-export-format-name = format
cmd-export-format-description = csv (spreadsheet) or md (Markdown)
cmd-forget-me-name = forget-me
cmd-forget-me-description = Delete your answers, notes and membership here
cmd-privacy-name = privacy
cmd-privacy-description = Your privacy settings
cmd-privacy-share-in-rooms-name = share-in-rooms
cmd-privacy-share-in-rooms-description = May your answers be shown in your breakout room?
cmd-privacy-share-in-rooms-share-name = share
cmd-privacy-share-in-rooms-share-description = True: show them; False: keep them private
cmd-export-format-choice-csv = csv (spreadsheet)
cmd-export-format-choice-md = md (Markdown text)

## Markdown export
export-meeting = meeting
export-answers = Answers
export-edited = edited { $n }×
export-rooms = Breakout rooms
export-round = Round { $n }
export-members = Members
export-question = Question
export-plans = Take-home plans
export-owner = owner
export-due = due
export-anonymous = (anonymous)
export-evaluation = Evaluation
export-during = During the meeting
