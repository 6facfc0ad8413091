## Unit answers: one answer per unit and question (#17)
open-post-unit-answers = Each unit gives one shared answer here: anyone in the unit can write or edit the unit's answer.
reminder-dm-unit = Hi { $name }! A reminder: **{ $unit }** has not answered the questions for **{ $title }** yet. The answer is the unit's, and anyone in the unit can write it.
reminder-channel-unit = { $count ->
    [one] A reminder to one member of a unit that has not answered yet:
   *[other] A reminder to { $count } members of units that have not answered yet:
}
status-unit-answered = answered
status-unit-partly-answered = partly answered
status-unit-not-answered = no answer
answers-unit-title = **{ $unit }'s answers — { $title }**
answers-unit-written-by = last written by <@{ $user }>
modal-title-unit = Unit answer: { $unit }

## The digest when units answer
digest-response-line-units = **Responses:** { $answered } of { $units } units ({ $percent } %), { $answers } answers
digest-unit-answered = answered
digest-unit-partly-answered = partly answered ({ $n } answers)

## Learning across units: what the units said
share-units-said-title = **What the units said — { $title }**
share-no-answer = No answer: { $units }
share-no-answers-yet = No answers.
share-plans-title = **The units' take-home plans — { $title }**

## Series: each unit's response rate at the previous meeting
digest-rate-before = last time { $percent } %

## /my-data
my-data-unit-answers = Unit answers you wrote (every version)
