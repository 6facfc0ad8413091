## Enhetssvar: ett svar per enhet och fråga (#17)
open-post-unit-answers = Här svarar varje enhet med ett gemensamt svar: alla i enheten kan skriva eller ändra enhetens svar.
reminder-dm-unit = Hej { $name }! En påminnelse: **{ $unit }** har inte svarat på frågorna inför **{ $title }** än. Svaret är enhetens, och alla i enheten kan skriva det.
reminder-channel-unit = { $count ->
    [one] En påminnelse till en medlem i en enhet som inte har svarat än:
   *[other] En påminnelse till { $count } medlemmar i enheter som inte har svarat än:
}
status-unit-answered = svarat
status-unit-partly-answered = delvis svarat
status-unit-not-answered = inte svarat
answers-unit-title = **Svaren från { $unit } — { $title }**
answers-unit-written-by = senast skrivet av <@{ $user }>
modal-title-unit = Enhetens svar: { $unit }

## Sammanfattningen när enheterna svarar
digest-response-line-units = **Svar:** { $answered } av { $units } enheter ({ $percent } %), { $answers } svar
digest-unit-answered = har svarat
digest-unit-partly-answered = har svarat delvis ({ $n } svar)

## Lärande mellan enheter: det enheterna sa
share-units-said-title = **Detta sa enheterna — { $title }**
share-no-answer = Inte svarat: { $units }
share-no-answers-yet = Inga svar.
share-plans-title = **Enheternas planer för hemmaplan — { $title }**

## Serien: svarsandel per enhet vid förra träffen
digest-rate-before = förra gången { $percent } %

## /my-data
my-data-unit-answers = Enhetssvar du skrev (alla versioner)
