## Personvern: samtykke til deling i grupperom, anonyme spørsmål, /my-data, sletting, logg.

consent-ask = Før du svarer: kan svarene dine vises i grupperommet ditt?
    Sier du ja, ser de som sitter sammen med deg i et grupperom (og fasilitatorene) svarene dine på møtets navngitte spørsmål der, med navn og enhet. Svar på anonyme spørsmål vises aldri der.
    Sier du nei, ser bare arrangørene de navngitte svarene dine, i oppsummeringen og eksporten.
    Du kan endre dette når som helst med /privacy.
consent-button-yes = Ja, del i mitt rom
consent-button-no = Nei, hold dem utenfor rommene
consent-saved-yes = Takk. De navngitte svarene dine vises i grupperommet ditt. /privacy endrer det.
consent-saved-no = Takk. Svarene dine vises ikke i grupperom. /privacy endrer det.
privacy-status = Deling i grupperom: { $share ->
        [yes] på
       *[no] av
    }.
anonymous-question = (anonymt: vises aldri med navnet ditt)
anonymous-question-no-unit = (anonymt: vises verken med navn eller enhet)
questions-who-sees = Arrangørene ser navngitte svar med navnet ditt i oppsummeringen og eksporten; anonyme svar har aldri navn. { $rooms ->
        [yes] De navngitte svarene dine vises i grupperommet ditt (du sa ja).
       *[no] Svarene dine vises ikke i grupperom med mindre du sier ja (/privacy).
    }
questions-post-privacy = Hvem ser svarene: arrangørene (oppsummering, eksport). Spørsmål merket anonyme vises aldri med navn. Svar vises i grupperom bare for medlemmer som sier ja.
anonymous-answers-heading = Anonyme svar
my-data-reply = Alt samrad lagrer om deg på denne serveren ligger vedlagt, som lesbar Markdown og som JSON.
my-data-title = Dine data i { $guild }
my-data-member = Navn: { $name } · enhet: { $unit } · rolle: { $role } · språk: { $locale } · deler i rom: { $share }
my-data-answers = Svar
my-data-anonymous = anonymt
my-data-earlier = tidligere versjoner
my-data-rooms = Grupperom du har sittet i
my-data-notes = Notatene dine fra rommene
my-data-summaries = Oppsummeringer du skrev for rommet
my-data-plans = Planer du registrerte
my-data-audit = Data du eksporterte eller leste som arrangør
my-data-none = (ingenting)
retention-set = Svar, notater og oppsummeringer fra møter som sluttet for mer enn { $days } dager siden slettes. Nøkkeltall for sammenligning i serien beholdes.
retention-off = Svar beholdes til en arrangør sletter dem, eller et medlem ber om det (/forget-me).
audit-heading = Tilgang til data (nyeste først)
audit-line = { $when } · { $who } · { $action ->
        [export] eksport
        [digest] oppsummering
        [retention] slettet etter lagringstiden:
       *[kit-upload] opplasting av møtesett
    } { $detail }
audit-removed-member = et slettet medlem
audit-scheduler = samrad (planlagt)
forget-removed-owner = et slettet medlem
cmd-my-data-name = mine-data
cmd-my-data-description = Få alt samrad lagrer om deg her
cmd-privacy-status-name = status
cmd-privacy-status-description = Hva du deler, og med hvem
cmd-meeting-config-retention-days-name = slett_etter_dager
cmd-meeting-config-retention-days-description = Slett svar, notater og oppsummeringer så mange dager etter at et møte er slutt (0: behold)
