## Integritet: samtycke till delning i grupprum, anonyma frågor, /my-data, gallring, logg.

consent-ask = Innan du svarar: får dina svar visas i ditt grupprum?
    Säger du ja ser de som sitter med dig i ett grupprum (och facilitatorerna) dina svar på mötets namngivna frågor där, med namn och enhet. Svar på anonyma frågor visas aldrig där.
    Säger du nej ser bara arrangörerna dina namngivna svar, i sammanställningen och exporten.
    Du kan ändra det när som helst med /privacy.
consent-button-yes = Ja, dela i mitt rum
consent-button-no = Nej, håll dem utanför rummen
consent-saved-yes = Tack. Dina namngivna svar visas i ditt grupprum. /privacy ändrar det.
consent-saved-no = Tack. Dina svar visas inte i grupprum. /privacy ändrar det.
privacy-status = Delning i grupprum: { $share ->
        [yes] på
       *[no] av
    }.
anonymous-question = (anonymt: visas aldrig med ditt namn)
anonymous-question-no-unit = (anonymt: visas varken med namn eller enhet)
questions-who-sees = Arrangörerna ser namngivna svar med ditt namn i sammanställningen och exporten; anonyma svar har aldrig namn. { $rooms ->
        [yes] Dina namngivna svar visas i ditt grupprum (du sa ja).
       *[no] Dina svar visas inte i grupprum om du inte säger ja (/privacy).
    }
questions-post-privacy = Vem ser svaren: arrangörerna (sammanställning, export). Frågor märkta anonyma visas aldrig med namn. Svar visas i grupprum bara för medlemmar som säger ja.
anonymous-answers-heading = Anonyma svar
my-data-reply = Allt samrad lagrar om dig på den här servern är bifogat, som läsbar Markdown och som JSON.
my-data-title = Dina data i { $guild }
my-data-member = Namn: { $name } · enhet: { $unit } · roll: { $role } · språk: { $locale } · delar i rum: { $share }
my-data-answers = Svar
my-data-anonymous = anonymt
my-data-earlier = tidigare versioner
my-data-rooms = Grupprum du har suttit i
my-data-notes = Dina anteckningar från rummen
my-data-summaries = Sammanfattningar du skrev för rummet
my-data-plans = Planer du registrerade
my-data-audit = Data du exporterade eller läste som arrangör
my-data-none = (ingenting)
retention-set = Svar, anteckningar och sammanfattningar från möten som slutade för mer än { $days } dagar sedan raderas. Nyckeltal för jämförelse i serien behålls.
retention-off = Svar behålls tills en arrangör raderar dem, eller en medlem ber om det (/forget-me).
audit-heading = Åtkomst till data (senaste först)
audit-line = { $when } · { $who } · { $action ->
        [export] export
        [digest] sammanställning
        [retention] raderat efter lagringstiden:
       *[kit-upload] uppladdning av mötespaket
    } { $detail }
audit-removed-member = en borttagen medlem
audit-scheduler = samrad (schemalagt)
forget-removed-owner = en borttagen medlem
cmd-my-data-name = mina-data
cmd-my-data-description = Få allt samrad lagrar om dig här
cmd-privacy-status-name = status
cmd-privacy-status-description = Vad du delar, och med vem
cmd-meeting-config-retention-days-name = gallra_efter_dagar
cmd-meeting-config-retention-days-description = Radera svar, anteckningar och sammanfattningar så många dagar efter att ett möte slutat (0: behåll)
