//! The reflection step of `samrad demo`: answering opens, about two in three members answer
//! (or one per unit), an answer is edited and one refused, the reminder, the status, a late
//! answer after the deadline, and the digest. Also the demos' sample answers.

use chrono::Duration;
use rand::seq::SliceRandom;
use rand::Rng;

use super::{samples, step, Demo, DemoError, DemoReport, DEMO_GUILD};
use crate::app::{answers, meetings, Actor, UserMessage};
use crate::console::ChatEvent;
use crate::domain::schedule::JobKind;
use crate::domain::{Phase, Question, QuestionKind, UnitName, UserId};
use crate::t;

impl Demo {
    /// The reflection phase: open, answer, edit, remind, status, deadline, digest.
    pub async fn reflection(&mut self, report: &mut DemoReport) -> Result<(), DemoError> {
        self.heading("demo-step-open");
        self.advance_to(JobKind::Open).await?;

        self.heading("demo-step-answers");
        let people = self.people.clone();
        let questions: Vec<Question> =
            self.kit.questions.iter().filter(|q| q.phase == Phase::Reflection).cloned().collect();
        let mut answered_units = Vec::new();
        for person in &people {
            // About two in three answer before the first reminder; where units answer, one
            // member writes the unit's answer.
            let unit = self.store.member(DEMO_GUILD, person.user).await?.and_then(|m| m.unit);
            if !self.rng.gen_bool(0.65) || (self.kit.unit_answers && answered_units.iter().any(|(u, _)| u == &unit)) {
                continue;
            }
            answered_units.push((unit, person.user));
            let raw: Vec<(String, String)> =
                questions.iter().map(|q| (q.id.to_string(), self.sample_answer(q))).collect();
            let saved = answers::submit_answers(&*self.store, &self.clock, person, &raw).await.map_err(step)?;
            self.say(&format!("{} → {}", person.name, answers::render_report(&saved, self.lang)));
            report.answered += 1;
            self.clock.advance(Duration::minutes(7));
        }
        // Where units answer, another member of a unit edits the unit's answer.
        let editor =
            if self.kit.unit_answers { self.unit_editor(&answered_units).await? } else { people.first().cloned() };
        // A free-text answer is edited (a new sample, so the edit shows as a new version).
        let edited_question = questions.iter().find(|q| q.kind == QuestionKind::Free).or(questions.first());
        if let (Some(first), Some(q)) = (editor.as_ref(), edited_question) {
            let text = self.sample_answer(q);
            let edited = answers::submit_answers(&*self.store, &self.clock, first, &[(q.id.to_string(), text)])
                .await
                .map_err(step)?;
            self.say(&t!(self.lang, "demo-edit", name = first.name.as_str()));
            self.say(&answers::render_report(&edited, self.lang));
            if self.kit.unit_answers {
                let (meeting, mine) = answers::my_answers(&*self.store, first).await.map_err(step)?;
                self.say(&answers::render_mine(&meeting, &mine, self.lang));
            }
        }
        // An answer that breaks the rules is refused with a reason, and nothing is lost.
        if let (Some(person), Some(q)) = (people.get(1), questions.first()) {
            let too_long = "x".repeat(4001);
            let refused = answers::submit_answers(&*self.store, &self.clock, person, &[(q.id.to_string(), too_long)])
                .await
                .map_err(step)?;
            let first_line = answers::render_report(&refused, self.lang);
            self.say(&format!("{} → {}", person.name, first_line.lines().next().unwrap_or_default()));
        }

        self.heading("demo-step-remind");
        let before = self.chat.events().len();
        self.advance_to(JobKind::Remind).await?;
        report.reminded = self.chat.events()[before..].iter().filter(|e| matches!(e, ChatEvent::Dm { .. })).count();

        self.heading("demo-step-status");
        let status = meetings::meeting_status(&*self.store, &self.organiser).await.map_err(step)?;
        self.say(&meetings::render_status(&status, self.lang));

        self.heading("demo-step-deadline");
        self.advance_to(JobKind::Deadline).await?;
        if let (Some(late), Some(q)) = (people.last(), questions.first()) {
            let text = self.sample_answer(q);
            match answers::submit_answers(&*self.store, &self.clock, late, &[(q.id.to_string(), text)]).await {
                Ok(_) => self.say("!"),
                Err(e) => self.say(&format!("{} → {}", late.name, e.user_message(self.lang))),
            }
        }

        self.heading("demo-step-digest");
        self.advance_to(JobKind::Digest).await?;
        report.members = people.len();
        Ok(())
    }

    /// A member of a unit that has answered, other than the one who wrote the answer.
    async fn unit_editor(&self, answered: &[(Option<UnitName>, UserId)]) -> Result<Option<Actor>, DemoError> {
        for person in &self.people {
            let unit = self.store.member(DEMO_GUILD, person.user).await?.and_then(|m| m.unit);
            if unit.is_some() && answered.iter().any(|(u, writer)| u == &unit && *writer != person.user) {
                return Ok(Some(person.clone()));
            }
        }
        Ok(None)
    }

    fn sample_answer(&mut self, q: &Question) -> String {
        self.sample_value(&q.kind, false, |demo| {
            let deck = demo.decks.entry(q.id.to_string()).or_default();
            if deck.is_empty() {
                deck.extend(samples::answers_for(&demo.kit.id, q.id.as_str(), demo.lang));
                deck.shuffle(&mut demo.rng);
            }
            deck.pop().unwrap_or("-").to_owned()
        })
    }

    /// A sample answer of `kind` for both demos (`QuestionKind::sample`: `pleased` for the
    /// day's evaluation); `free` writes the text of a free-text question.
    pub(in crate::console) fn sample_value(
        &mut self,
        kind: &QuestionKind,
        pleased: bool,
        free: impl FnOnce(&mut Self) -> String,
    ) -> String {
        match kind.sample(&mut self.rng, pleased) {
            Some(value) => value,
            None => free(self),
        }
    }
}
