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
