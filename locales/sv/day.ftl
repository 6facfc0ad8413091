## Mötesdagar: rum efter tema (#18)
choose-post-topics = Välj ett tema ({ $rooms } att välja mellan):
room-picked-brief = **{ $name }** är med. Det här svarade hen före mötet:
err-topics-none = Inga teman har angetts. Skriv dem åtskilda med ; (t.ex. Rekrytering; Lönegap).
err-topic-empty = Tema { $position } är tomt. Skriv temana åtskilda med ; med text emellan.
err-topic-long = Tema { $position } har { $chars } tecken; ett rumsnamn och en knapp rymmer högst { $max }. Korta det.
err-topic-twice = ”{ $topic }” anges två gånger (tema { $first } och { $second }). Ge varje rum ett eget tema.
err-topics-many = { $count } teman är fler rum än en Discord-server kan ha (högst { $max }).
err-topics-need-choose = Teman är för läget välj själv (deltagarna väljer rum), inte ”{ $mode }”.
kit-e-topics-not-choose = `topics` gäller bara gruppupplägg med mode = "choose"
kit-h-topics-not-choose = sätt mode = "choose" eller ta bort raden
kit-e-topics-none = `topics` är tom
kit-e-topic-empty = det här temat är tomt
kit-e-topic-long = det här temat har { $chars } tecken; ett rumsnamn och en knapp rymmer högst { $max }
kit-e-topic-twice = temat ”{ $topic }” har redan angetts som tema { $first }
kit-e-topics-many = { $count } teman är fler rum än en Discord-server kan ha (högst { $max })
kit-h-topics = en kort text per rum, inga lika, t.ex. topics = ["Rekrytering", "Lönegap"]
