## Meeting days: rooms by topic (#18)
choose-post-topics = Pick a topic ({ $rooms } to choose from):
room-picked-brief = **{ $name }** joined. What they answered before the meeting:
err-topics-none = No topics were given. Write them separated by ; (e.g. Recruitment; Pay gap).
err-topic-empty = Topic { $position } is empty. Write the topics separated by ; with text between them.
err-topic-long = Topic { $position } has { $chars } characters; a room name and a button hold at most { $max }. Shorten it.
err-topic-twice = “{ $topic }” is given twice (topics { $first } and { $second }). Give every room its own topic.
err-topics-many = { $count } topics are more rooms than a Discord server can hold (at most { $max }).
err-topics-need-choose = Topics are for mode choose (members pick a room), not “{ $mode }”.
