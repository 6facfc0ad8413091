# Grupperom i stor skala: sletting av arkiverte rom.
cmd-breakout-cleanup-name = rydd
cmd-breakout-cleanup-description = Slett alle arkiverte grupperom nå (notater og oppsummeringer beholdes)
cmd-meeting-config-rooms-kept-days-name = rom_dager
cmd-meeting-config-rooms-kept-days-description = Slett arkiverte grupperom så mange dager etter runden (standard 7)
cleanup-done = Slettet de arkiverte rommene fra { $rounds } runder. Notatene og oppsummeringene beholdes.
rooms-kept-set = Arkiverte grupperom slettes { $days } dager etter runden.
