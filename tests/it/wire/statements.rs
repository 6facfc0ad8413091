//! SQL statements per interaction, counted from sqlx's statement log: sqlx emits one tracing
//! event (target `sqlx::query`) per statement it executes, and SQLite's connection thread
//! emits it inside the span of the task that sent the statement, so every statement of an
//! interaction lands in the bot's `interaction` span. The layer files them under the span's
//! interaction and user ids (each wire test runs its own fake, whose interaction ids repeat
//! across tests; a test that counts uses a user of its own). (sqlx runs BEGIN and COMMIT outside its log; the answer path has no
//! explicit transaction, see `AnswerStore::save_answers`.)

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::{Event, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Filter, Layer};
use tracing_subscriber::registry::LookupSpan;

/// What one interaction ran: its statements' summaries, and whether its handler returned.
#[derive(Debug, Default, Clone)]
pub struct Statements {
    pub sql: Vec<String>,
    pub done: bool,
}

/// (interaction id, user id) → what the interaction ran.
type Ledger = HashMap<(u64, u64), Statements>;

fn ledger() -> &'static Mutex<Ledger> {
    static LEDGER: OnceLock<Mutex<Ledger>> = OnceLock::new();
    LEDGER.get_or_init(Default::default)
}

/// The statements of interaction `id` by `user` once its handler has returned (bounded wait).
pub async fn of_interaction(id: u64, user: u64) -> Statements {
    let start = Instant::now();
    loop {
        if let Some(s) = ledger().lock().unwrap().get(&(id, user)).filter(|s| s.done) {
            return s.clone();
        }
        assert!(start.elapsed() < super::T, "interaction {id} did not finish");
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}

/// The layer, and the filter that gives it `interaction` spans and sqlx's statement events.
pub struct Counter;

pub struct Wanted;

impl<S> Filter<S> for Wanted {
    fn enabled(&self, meta: &Metadata<'_>, _: &Context<'_, S>) -> bool {
        meta.target() == "sqlx::query" || (meta.is_span() && meta.name() == "interaction")
    }
}

/// The (interaction, user) ids of an `interaction` span, kept in its extensions.
#[derive(Clone, Copy)]
struct Key((u64, u64));

#[derive(Default)]
struct Ids {
    id: Option<u64>,
    user: Option<u64>,
}

impl Visit for Ids {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let parsed = format!("{value:?}").parse().ok();
        match field.name() {
            "id" => self.id = parsed,
            "user" => self.user = parsed,
            _ => {}
        }
    }
}

struct Summary(String);

impl Visit for Summary {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "summary" {
            self.0 = value.to_owned();
        }
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "summary" {
            let _ = write!(self.0, "{value:?}");
        }
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Counter {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut ids = Ids::default();
        attrs.record(&mut ids);
        if let (Some(interaction), Some(user), Some(span)) = (ids.id, ids.user, ctx.span(id)) {
            span.extensions_mut().insert(Key((interaction, user)));
            ledger().lock().unwrap().insert((interaction, user), Statements::default());
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let Some(scope) = ctx.event_scope(event) else { return };
        for span in scope {
            if let Some(Key(key)) = span.extensions().get::<Key>() {
                let mut summary = Summary(String::new());
                event.record(&mut summary);
                ledger().lock().unwrap().entry(*key).or_default().sql.push(summary.0);
                return;
            }
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(&id) {
            if let Some(Key(key)) = span.extensions().get::<Key>() {
                ledger().lock().unwrap().entry(*key).or_default().done = true;
            }
        }
    }
}

mod cost {
    use fake_discord::{InteractionContext, InteractionFixture, MemberFixture, UserFixture};
    use samrad::app::ports::prelude::*;
    use samrad::app::{meetings, membership, plans, Actor, Staff};
    use samrad::domain::{ChannelId, GuildId, UserId};
    use samrad::i18n::Lang;

    use super::super::{guild, prompts, Setup, Wire, GUILD, ORGANISER, PLENARY, T};
    use super::of_interaction;

    /// The `n`th questions post (with its Answer button) in plenary, once it is there.
    async fn questions_post(w: &Wire, n: usize) -> u64 {
        let posts = |f: &fake_discord::FakeDiscord| {
            f.messages_in(PLENARY)
                .into_iter()
                .filter(|m| super::super::opens_flow(m, samrad::domain::Phase::Reflection))
                .collect::<Vec<_>>()
        };
        w.fake.wait_until(T, |f| posts(f).len() >= n).await.expect("the questions are posted");
        posts(&w.fake)[n - 1]["id"].as_str().unwrap().parse().unwrap()
    }

    /// A member of this test only: statements are filed by interaction and user.
    const COUNTED: u64 = 7_700_001;

    fn counted() -> InteractionContext {
        InteractionContext::new(GUILD, PLENARY, MemberFixture::new(UserFixture::new(COUNTED, "cora")))
    }

    /// The worst usual case: the first page of the reflection, whose reply carries last
    /// meeting's plans of the member's unit, and (the first time) the consent question.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_modal_submit_runs_at_most_six_sql_statements() {
        let fixture = guild(1, false).member(MemberFixture::new(UserFixture::new(COUNTED, "cora")));
        let w = Wire::start(Setup::new(fixture)).await;
        let organiser = Actor {
            guild: GuildId(GUILD),
            user: UserId(ORGANISER),
            name: "org".into(),
            staff: Staff::Organiser,
            lang: Lang::En,
        };
        let cora = Actor { user: UserId(COUNTED), name: "cora".into(), staff: Staff::Member, ..organiser.clone() };
        // The spring meeting of the series, where Cora's unit made a plan, is over.
        let mut spring = samrad::kit::find_kit(&prompts(), "example-en").unwrap();
        spring.id = "example-en-spring".into();
        spring.title = "Spring meeting".into();
        spring.previous = None;
        spring.date = "2027-03-10".parse().unwrap();
        w.clock.set("2027-03-01T08:00:00Z".parse().unwrap());
        meetings::load_meeting(&w.store, &*w.clock, &organiser, &spring, None, ChannelId(PLENARY)).await.unwrap();
        membership::join_unit(&w.store, &cora, "Faculty of Law", None).await.unwrap();
        let plan = plans::PlanInput { action: "Book the board for June".into(), ..Default::default() };
        plans::record_plan(&w.store, &*w.clock, &cora, &plan).await.unwrap();
        questions_post(&w, 1).await;
        meetings::end_meeting(&w.store, &*w.clock, &organiser).await.unwrap();
        w.clock.set("2027-06-01T08:00:00Z".parse().unwrap()); // answering is open
        w.load("example-en").await;
        let post = questions_post(&w, 2).await;

        let (_, kind) = w.send(InteractionFixture::button(w.first_button(post), post, counted())).await;
        let modal_id = w.flow_id("modal:0").await;
        assert_eq!(kind, 9, "the button opens the first page");
        let page = |status: &str| {
            let fields = vec![
                ("samrad:q:status".to_owned(), status.to_owned()),
                ("samrad:q:women-managers".to_owned(), "40".to_owned()),
            ];
            InteractionFixture::modal_submit(modal_id.clone(), fields, counted())
        };

        // The first submit: saved, the pickers and last meeting's plan in the reply, then the
        // consent question.
        let (sent, _) = w.send(page("A plan is in force until 2028.")).await;
        w.reply_containing(&sent, "Book the board for June").await;
        w.reply_containing(&sent, "may your answers be shown in your breakout room").await;
        let first = of_interaction(sent.id, COUNTED).await;
        // An edit of one answer, the other unchanged.
        let (sent, _) = w.send(page("The plan is being revised.")).await;
        w.reply_containing(&sent, "Saved").await;
        let edit = of_interaction(sent.id, COUNTED).await;

        let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
        let mut saved: Vec<_> = w
            .store
            .answers_of(meeting.id, UserId(COUNTED))
            .await
            .unwrap()
            .into_iter()
            .map(|a| (a.question.to_string(), a.value, a.revision))
            .collect();
        saved.sort();
        assert_eq!(
            saved,
            [("status".into(), "The plan is being revised.".into(), 2), ("women-managers".into(), "40".into(), 1)]
        );
        for (what, s) in [("first submit", &first), ("edit", &edit)] {
            // A connection the pool opens meanwhile runs sqlx's setup (`PRAGMA journal_mode = WAL; …`)
            // once in its life: not a statement of this submit.
            let sql: Vec<&String> = s.sql.iter().filter(|q| !q.starts_with("PRAGMA")).collect();
            println!("{what}: {} statements\n  {:?}", sql.len(), sql);
            assert!(sql.len() <= 6, "{what}: {} statements:\n{:#?}", sql.len(), s.sql);
        }
        w.finish().await;
    }
}
