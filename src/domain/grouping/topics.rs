//! Topics for a `choose` round: one room per topic, named after it, its button showing it.
//! Topics come from the kit's breakout plan (`topics = [...]`) or a facilitator's `topics:`
//! option (separated by `;`), and are checked once here, so a room name or a button label
//! never fails on Discord half-way through a split.

use super::{choose, sizing::validate_present, Group, Sizing, SplitError};

/// What `/breakout split topics:` separates topics with.
pub const TOPIC_SEPARATOR: char = ';';
/// A topic names a room's channel (Discord: 100 characters) and labels its button (80).
pub const MAX_TOPIC_CHARS: usize = 80;
/// A Discord server holds 500 channels: 245 rooms with a voice channel each fill it with their
/// ten categories, so more topics can never be opened.
pub const MAX_TOPICS: usize = 245;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TopicError {
    #[error("no topics are given")]
    NoTopics,
    /// Topics are counted from 1.
    #[error("topic {position} is empty")]
    Empty { position: usize },
    #[error("topic {position} has {chars} characters; at most {max} fit a channel name and a button")]
    TooLong { position: usize, chars: usize, max: usize },
    #[error("topic “{topic}” is given twice (topics {first} and {second})")]
    Duplicate { topic: String, first: usize, second: usize },
    #[error("{count} topics are more rooms than a Discord server can hold (at most {max})")]
    TooMany { count: usize, max: usize },
}

/// The topics of a `topics:` option: `"Recruitment; Pay gap; Leadership"`. A separator at the
/// very end is forgiven; an empty topic anywhere else is an error.
pub fn parse_topics(input: &str) -> Result<Vec<String>, TopicError> {
    let mut parts: Vec<&str> = input.split(TOPIC_SEPARATOR).collect();
    if parts.len() > 1 && parts.last().is_some_and(|p| p.trim().is_empty()) {
        parts.pop();
    }
    check_topics(&parts)
}

/// Checks a list of topics (trimmed): none empty, none too long, no two alike (ignoring case
/// and spacing), not more than a server can hold.
pub fn check_topics<T: AsRef<str>>(topics: &[T]) -> Result<Vec<String>, TopicError> {
    if topics.iter().all(|t| t.as_ref().trim().is_empty()) {
        return Err(TopicError::NoTopics);
    }
    if topics.len() > MAX_TOPICS {
        return Err(TopicError::TooMany { count: topics.len(), max: MAX_TOPICS });
    }
    let mut out: Vec<String> = Vec::with_capacity(topics.len());
    for (i, topic) in topics.iter().enumerate() {
        let position = i + 1;
        let topic = topic.as_ref().split_whitespace().collect::<Vec<_>>().join(" ");
        let chars = topic.chars().count();
        if chars == 0 {
            return Err(TopicError::Empty { position });
        }
        if chars > MAX_TOPIC_CHARS {
            return Err(TopicError::TooLong { position, chars, max: MAX_TOPIC_CHARS });
        }
        if let Some(first) = out.iter().position(|t| t.to_lowercase() == topic.to_lowercase()) {
            return Err(TopicError::Duplicate { topic, first: first + 1, second: position });
        }
        out.push(topic);
    }
    Ok(out)
}

/// Empty rooms, one per topic (in order), labelled with it. The cap is the plan's or the
/// facilitator's `size` when given, else an even share of the people present with slack (as
/// for numbered rooms). There may be more topics than people: a topic nobody picks stays empty.
pub fn topic_rooms(present: usize, sizing: Sizing, topics: &[String]) -> Result<Vec<Group>, SplitError> {
    validate_present(present)?;
    let cap = match sizing {
        Sizing::Size(s) => s.max(1),
        Sizing::Rooms(_) | Sizing::Auto => choose::cap(present, topics.len()),
    };
    Ok(topics
        .iter()
        .map(|t| Group { members: Vec::new(), label: Some(t.clone()), cap: Some(cap), units: Vec::new() })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_split_on_semicolons_and_trimmed() {
        let t = parse_topics(" Recruitment ;Pay  gap; Leadership;").unwrap();
        assert_eq!(t, ["Recruitment", "Pay gap", "Leadership"]);
    }

    #[test]
    fn an_empty_input_or_an_empty_topic_is_refused_with_its_place() {
        assert_eq!(parse_topics(""), Err(TopicError::NoTopics));
        assert_eq!(parse_topics(" ; ;"), Err(TopicError::NoTopics));
        assert_eq!(parse_topics("a;;b"), Err(TopicError::Empty { position: 2 }));
        assert_eq!(TopicError::Empty { position: 2 }.to_string(), "topic 2 is empty");
    }

    #[test]
    fn a_topic_longer_than_a_button_label_is_refused() {
        let long = "x".repeat(81);
        let err = parse_topics(&format!("ok; {long}")).unwrap_err();
        assert_eq!(err, TopicError::TooLong { position: 2, chars: 81, max: 80 });
        assert!(parse_topics(&"y".repeat(80)).is_ok(), "80 fits");
        // Characters, not bytes: 80 letters with diacritics fit.
        assert!(parse_topics(&"å".repeat(80)).is_ok());
    }

    #[test]
    fn the_same_topic_twice_is_refused_ignoring_case_and_spacing() {
        let err = parse_topics("Pay gap; Leadership; pay  GAP").unwrap_err();
        assert_eq!(err, TopicError::Duplicate { topic: "pay GAP".into(), first: 1, second: 3 });
    }

    #[test]
    fn more_topics_than_a_server_holds_are_refused() {
        let many: Vec<String> = (0..=MAX_TOPICS).map(|i| format!("t{i}")).collect();
        assert_eq!(check_topics(&many), Err(TopicError::TooMany { count: 246, max: 245 }));
        assert!(check_topics(&many[..MAX_TOPICS]).is_ok());
    }

    #[test]
    fn one_empty_room_per_topic_with_the_size_as_cap_or_a_share() {
        let topics: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        assert_eq!(topic_rooms(1, Sizing::Auto, &topics), Err(SplitError::OnlyOne));
        let rooms = topic_rooms(12, Sizing::Size(6), &topics).unwrap();
        assert_eq!(rooms.iter().map(|r| r.label.as_deref().unwrap()).collect::<Vec<_>>(), ["A", "B", "C"]);
        assert!(rooms.iter().all(|r| r.members.is_empty() && r.cap == Some(6)));
        assert_eq!(topic_rooms(12, Sizing::Auto, &topics).unwrap()[0].cap, Some(5), "share of 4 plus one");
        // Thirty topics for ten people: every topic is open, each to two.
        let thirty: Vec<String> = (1..=30).map(|i| format!("Topic {i}")).collect();
        let rooms = topic_rooms(10, Sizing::Auto, &thirty).unwrap();
        assert_eq!(rooms.len(), 30);
        assert!(rooms.iter().all(|r| r.cap == Some(2)));
    }
}
