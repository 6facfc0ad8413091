## Privacy: consent to share in rooms, anonymous questions, /my-data, retention, audit.

consent-ask = Before you answer: may your answers be shown in your breakout room?
    If you say yes, the members seated with you in a breakout room (and the facilitators) see your answers to this meeting's named questions there, with your name and unit. Answers to anonymous questions are never shown there.
    If you say no, only the organisers see your named answers, in the digest and the export.
    You can change this at any time with /privacy.
consent-button-yes = Yes, share in my room
consent-button-no = No, keep them out of rooms
consent-saved-yes = Thank you. Your named answers will be shown in your breakout room. /privacy changes it.
consent-saved-no = Thank you. Your answers will not be shown in breakout rooms. /privacy changes it.
privacy-status = Sharing in breakout rooms: { $share ->
        [yes] on
       *[no] off
    }.
anonymous-question = (anonymous: never shown with your name)
anonymous-question-no-unit = (anonymous: shown with neither your name nor your unit)
questions-who-sees = Organisers see named answers with your name in the digest and the export; anonymous answers never carry a name. { $rooms ->
        [yes] Your named answers are shown in your breakout room (you said yes).
       *[no] Your answers are not shown in breakout rooms unless you agree (/privacy).
    }
questions-post-privacy = Who sees the answers: organisers (digest, export). Questions marked anonymous are never shown with a name. Answers go into breakout rooms only for members who agree.
anonymous-answers-heading = Anonymous answers
my-data-reply = Everything samrad stores about you in this server is attached, as a readable Markdown file and as JSON.
my-data-title = Your data in { $guild }
my-data-member = Name: { $name } · unit: { $unit } · role: { $role } · language: { $locale } · shares in rooms: { $share }
my-data-answers = Answers
my-data-anonymous = anonymous
my-data-earlier = earlier versions
my-data-rooms = Breakout rooms you were seated in
my-data-notes = Your room notes
my-data-summaries = Room summaries you wrote
my-data-plans = Plans you recorded
my-data-audit = Data you exported or read as an organiser
my-data-none = (nothing)
retention-set = Answers, notes and summaries of meetings that ended more than { $days } days ago will be deleted. Key figures for the series comparison are kept.
retention-off = Answers are kept until an organiser deletes them, or a member asks (/forget-me).
audit-heading = Data access (latest first)
audit-line = { $when } · { $who } · { $action ->
        [export] export
        [digest] digest
        [retention] deleted under retention:
       *[kit-upload] kit upload
    } { $detail }
audit-removed-member = a removed member
audit-scheduler = samrad (scheduled)
forget-removed-owner = a removed member
cmd-my-data-name = my-data
cmd-my-data-description = Get everything samrad stores about you here
cmd-privacy-status-name = status
cmd-privacy-status-description = What you share, and with whom
cmd-meeting-config-retention-days-name = retention_days
cmd-meeting-config-retention-days-description = Delete answers, notes and summaries this many days after a meeting ends (0: keep)
