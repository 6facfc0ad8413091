//! Rounds at tables in the room (`/breakout split channels:false`): the seating is computed and
//! stored like any round's, and instead of channels the meeting channel gets a table plan,
//! one message plus the printable plan as Markdown and CSV files.

use super::{meeting_channel, shown_name, BreakoutError};
use crate::app::ports::{Attachment, Chat, Clock, Member, OutMessage, Round, Store};
use crate::app::posting::{post_once, Target};
use crate::domain::table_plan::{Seated, TablePlan};
use crate::domain::text::DISCORD_MESSAGE_LIMIT;
use crate::domain::Meeting;
use crate::i18n::Lang;
use crate::render::table_plan::{self, PlanWords};
use crate::t;

/// The round's table plan with the members' names and units. Only seated people are in it:
/// forget-me deletes a member's seats, so a forgotten member never appears.
pub fn table_plan(round: &Round, members: &[Member]) -> TablePlan {
    TablePlan::new(
        round.number,
        round.rooms.iter().map(|room| {
            let people = room
                .members
                .iter()
                .map(|u| Seated {
                    name: shown_name(members, *u),
                    unit: members
                        .iter()
                        .find(|m| m.user == *u)
                        .and_then(|m| m.unit.as_ref())
                        .map(|u| u.to_string())
                        .unwrap_or_default(),
                })
                .collect();
            (room.number, room.label.clone(), people)
        }),
    )
}

fn words(plan: &TablePlan, lang: Lang) -> PlanWords {
    PlanWords {
        title: t!(lang, "table-plan-title", round = plan.round, people = plan.people(), tables = plan.tables.len()),
        table: t!(lang, "table-plan-table"),
        name: t!(lang, "table-plan-name"),
        unit: t!(lang, "table-plan-unit"),
    }
}

/// The printable plan: `table-plan-round-N.md` and `.csv` (the CSV with a byte order mark,
/// so a spreadsheet reads "æøå").
pub fn plan_files(plan: &TablePlan, lang: Lang) -> Vec<Attachment> {
    let name = format!("table-plan-round-{}", plan.round);
    vec![
        Attachment {
            name: format!("{name}.md"),
            bytes: table_plan::to_markdown(plan, &words(plan, lang)).into_bytes(),
        },
        Attachment {
            name: format!("{name}.csv"),
            bytes: format!("{}{}", crate::app::export::UTF8_BOM, table_plan::to_csv(plan)).into_bytes(),
        },
    ]
}

/// The key of the plan a split posts (`post_plan`'s `key`); a `choose` round's comes at its close.
pub(super) const SPLIT_PLAN: &str = "table-plan";

/// The post key of a round's plan.
pub(super) fn plan_key(round: i64, key: &str) -> String {
    format!("round{round}:{key}")
}

/// The table-plan post: as much of the plan as one message holds, and the files. `key`
/// tells the split's plan from the one posted at the close of a `choose` round.
pub(super) async fn post_plan<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: &Round,
    members: &[Member],
    key: &str,
) -> Result<(), BreakoutError> {
    let Some(channel) = meeting_channel(store, meeting).await? else { return Ok(()) };
    let lang = meeting.lang();
    let plan = table_plan(round, members);
    let more = |n: usize| t!(lang, "table-plan-more", tables = n);
    let text = table_plan::post_text(&plan, &words(&plan, lang), DISCORD_MESSAGE_LIMIT, &more);
    let message = OutMessage { attachments: plan_files(&plan, lang), ..OutMessage::text(text) };
    post_once(store, chat, clock, &plan_key(round.id, key), Target::Channel(channel), message).await?;
    Ok(())
}

/// Closes a round at tables: nothing to archive or move back. A `choose` round's seating
/// was made during the round by the members' picks, so its plan is posted now.
pub(super) async fn close_tables<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: &Round,
) -> Result<(), BreakoutError> {
    if round.mode == crate::domain::grouping::Mode::Choose {
        let members = store.members(meeting.guild).await?;
        post_plan(store, chat, clock, meeting, round, &members, "table-plan:final").await?;
    }
    store.close_round(round.id, clock.now()).await?;
    Ok(())
}
