# Grupprum i stor skala: radering av arkiverade rum.
cmd-breakout-cleanup-name = stada
cmd-breakout-cleanup-description = Ta bort alla arkiverade grupprum nu (anteckningar och sammanfattningar sparas)
cmd-meeting-config-rooms-kept-days-name = rum_dagar
cmd-meeting-config-rooms-kept-days-description = Ta bort arkiverade grupprum så många dagar efter rundan (standard 7)
cleanup-done = Tog bort de arkiverade rummen från { $rounds } rundor. Anteckningarna och sammanfattningarna sparas.
rooms-kept-set = Arkiverade grupprum tas bort { $days } dagar efter rundan.
