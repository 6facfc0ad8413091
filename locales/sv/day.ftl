## Mötesdagar: rum efter tema (#18)
choose-post-topics = Välj ett tema ({ $rooms } att välja mellan):
room-picked-brief = **{ $name }** är med. Det här svarade hen före mötet:
err-topics-none = Inga teman har angetts. Skriv dem åtskilda med ; (t.ex. Rekrytering; Lönegap).
err-topic-empty = Tema { $position } är tomt. Skriv temana åtskilda med ; med text emellan.
err-topic-long = Tema { $position } har { $chars } tecken; ett rumsnamn och en knapp rymmer högst { $max }. Korta det.
err-topic-twice = ”{ $topic }” anges två gånger (tema { $first } och { $second }). Ge varje rum ett eget tema.
err-topics-many = { $count } teman är fler rum än en Discord-server kan ha (högst { $max }).
err-topics-need-choose = Teman är för läget välj själv (deltagarna väljer rum), inte ”{ $mode }”.
