# Breakout rooms at scale: cleaning up archived rooms.
cmd-breakout-cleanup-name = cleanup
cmd-breakout-cleanup-description = Delete every archived breakout room now (notes and summaries stay)
cmd-meeting-config-rooms-kept-days-name = rooms_kept_days
cmd-meeting-config-rooms-kept-days-description = Delete archived breakout rooms this many days after their round (default 7)
cleanup-done = Deleted the archived rooms of { $rounds } rounds. Their notes and summaries are kept.
rooms-kept-set = Archived breakout rooms are deleted { $days } days after their round.
