//! The meeting-day step of `samrad demo`: a split in every grouping mode (rooms chosen by
//! click, a broadcast to the rooms), notes and a rapporteur in each room, and the timer
//! running out so the scheduler closes the round and brings one summary per room to plenary.

use chrono::Duration;

use super::{samples, step, Demo, DemoError, DemoReport, PLENARY_CHANNEL, PLENARY_VOICE};
use crate::app::{Actor, Staff, UserMessage};
use crate::domain::UserId;
use crate::t;

impl Demo {
    /// The meeting day: a split in every mode, a broadcast, notes, a rapporteur summary, and the
    /// close that brings one summary per room back to plenary.
    pub async fn breakouts(&mut self, report: &mut DemoReport) -> Result<(), DemoError> {
        use crate::app::breakouts::{self, SplitRequest};
        use crate::domain::grouping::{Mode, Sizing};
        let present: Vec<UserId> = self.people.iter().map(|p| p.user).collect();
        for p in &self.people {
            self.chat.join_voice(p.user, PLENARY_VOICE);
        }
        let facilitator = Actor { staff: Staff::Facilitator, ..self.organiser.clone() };
        let notes = samples::answers(self.lang);
        for mode in Mode::ALL {
            self.say("");
            self.say(&format!("=== {} ===", t!(self.lang, "demo-step-split", mode = mode.as_str())));
            let plan = self.kit.breakouts.iter().find(|p| p.mode == mode).cloned();
            let request = SplitRequest {
                mode,
                sizing: Sizing::from_size(plan.as_ref().and_then(|p| p.size).or(Some(4))),
                minutes: plan.as_ref().map_or(10, |p| p.minutes),
                voice: mode == Mode::Units,
                channels: true,
                plan,
                present: Some(present.clone()),
                topics: Vec::new(),
            };
            let round = breakouts::split(
                &*self.store,
                &self.chat,
                &self.clock,
                &facilitator,
                &request,
                &mut self.rng,
                &|_, _| {},
            )
            .await
            .map_err(|e| step(e.user_message(self.lang)))?;
            report.rooms += round.rooms.len();
            if mode == Mode::Choose {
                for (i, p) in self.people.clone().iter().enumerate() {
                    let room = (i % round.rooms.len()) as u32 + 1;
                    if let Err(e) = breakouts::pick_room(&*self.store, &self.chat, &self.clock, p, round.id, room).await
                    {
                        self.say(&format!("{} → {}", p.name, e.user_message(self.lang)));
                    }
                }
            }
            if mode == Mode::Random {
                let n = breakouts::broadcast(
                    &*self.store,
                    &self.chat,
                    &self.clock,
                    &facilitator,
                    &t!(self.lang, "demo-broadcast"),
                )
                .await
                .map_err(step)?;
                self.say(&t!(self.lang, "demo-broadcast-reached", rooms = n));
            }
            let round = self.store.open_round(round.meeting).await?.ok_or_else(|| step("round"))?;
            for (i, room) in round.rooms.iter().enumerate() {
                let Some(channel) = room.text_channel else { continue };
                for (j, user) in room.members.iter().take(2).enumerate() {
                    let Some(writer) = self.people.iter().find(|p| p.user == *user) else { continue };
                    let text = notes[(i + j) % notes.len()];
                    let rapporteur = i == 0 && j == 1;
                    breakouts::add_note(&*self.store, &self.clock, writer, channel, text, rapporteur)
                        .await
                        .map_err(step)?;
                }
            }
            // Let the timer run out: the scheduler warns, then closes and reports to plenary.
            self.clock.set(round.ends_at - Duration::seconds(30));
            self.tick().await?;
            self.clock.set(round.ends_at);
            let before = self.chat.posts_in(PLENARY_CHANNEL).len();
            self.tick().await?;
            report.summaries += self.chat.posts_in(PLENARY_CHANNEL).len() - before;
            self.clock.advance(Duration::minutes(5));
        }
        Ok(())
    }
}
