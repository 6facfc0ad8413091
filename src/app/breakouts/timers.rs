//! A round's clock: `/breakout extend`, and the scheduler's timer work (the one-minute
//! warning, closing rounds whose time is up).

use chrono::Duration;

use super::close::close_round;
use super::{running, BreakoutError};
use crate::app::actor::Actor;
use crate::app::ports::{Chat, Clock, OutMessage, Round, Store};
use crate::app::posting::{post_once, Target};
use crate::app::summarise::Summariser;
use crate::t;

/// `/breakout extend`: more minutes for the running round (the 1-minute warning comes again).
pub async fn extend<S: Store + ?Sized>(store: &S, actor: &Actor, minutes: u32) -> Result<Round, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    let ends = round.ends_at + Duration::minutes(i64::from(minutes.clamp(1, 240)));
    store.set_round_ends(round.id, ends, false).await?;
    store.open_round(meeting.id).await?.ok_or(BreakoutError::NoRound)
}

/// Timer work for the scheduler: warns rooms one minute before the end and closes rounds
/// whose time is up. Runs from `tick`, so a restart picks running rounds up from the store.
pub async fn run_timers<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
) -> Result<Vec<String>, BreakoutError> {
    let now = clock.now();
    let mut done = Vec::new();
    for round in store.open_rounds().await? {
        let Some(meeting) = store.meeting(round.meeting).await? else { continue };
        let lang = meeting.lang();
        if now >= round.ends_at {
            close_round(store, chat, clock, summariser, &meeting, &round).await?;
            done.push(format!("round {} closed", round.id));
        } else if !round.warned && now >= round.ends_at - Duration::minutes(1) {
            for room in &round.rooms {
                if let Some(channel) = room.text_channel {
                    let key = format!("round{}:room{}:warn:{}", round.id, room.number, round.ends_at.timestamp());
                    let message = OutMessage::text(t!(lang, "room-one-minute"));
                    post_once(store, chat, clock, &key, Target::Channel(channel), message).await?;
                }
            }
            store.set_round_ends(round.id, round.ends_at, true).await?;
            done.push(format!("round {} warned", round.id));
        }
    }
    Ok(done)
}
