## Enhetssvar: ett svar per enhet og spørsmål (#17)
open-post-unit-answers = Her svarer hver enhet med ett felles svar: alle i enheten kan skrive eller endre enhetens svar.
reminder-dm-unit = Hei { $name }! En påminnelse: **{ $unit }** har ikke svart på spørsmålene til **{ $title }** ennå. Svaret er enhetens, og alle i enheten kan skrive det.
reminder-channel-unit = { $count ->
    [one] En påminnelse til ett medlem av en enhet som ikke har svart ennå:
   *[other] En påminnelse til { $count } medlemmer av enheter som ikke har svart ennå:
}
status-unit-answered = svart
status-unit-partly-answered = delvis svart
status-unit-not-answered = ikke svart
answers-unit-title = **Svarene til { $unit } — { $title }**
answers-unit-written-by = sist skrevet av <@{ $user }>
modal-title-unit = Enhetens svar: { $unit }

## Oppsummeringen når enhetene svarer
digest-response-line-units = **Svar:** { $answered } av { $units } enheter ({ $percent } %), { $answers } svar
digest-unit-answered = har svart
digest-unit-partly-answered = har svart delvis ({ $n } svar)

## Læring på tvers av enheter: det enhetene sa
share-units-said-title = **Dette sa enhetene — { $title }**
share-no-answer = Ikke svart: { $units }
share-no-answers-yet = Ingen svar.
share-plans-title = **Hjem-planene til enhetene — { $title }**

## Serien: svarandel per enhet ved forrige møte
digest-rate-before = sist { $percent } %

## /my-data
my-data-unit-answers = Enhetssvar du skrev (alle versjoner)
