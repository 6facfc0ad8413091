//! Stage timestamps of interactions in the wire benchmark, taken from tracing spans the bot
//! and serenity already have (nothing added to production code paths):
//! - serenity's `recv_event` span closes when the shard loop has read and parsed one gateway
//!   frame (the loop handles one frame at a time, so the closes come in frame order);
//! - samrad's `interaction` span (field `id`) opens when the handler task starts;
//! - the first serenity `request` span inside it is the callback POST (the deferral) leaving.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use tracing::span::{Attributes, Id};
use tracing::Subscriber;
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::registry::LookupSpan;

#[derive(Default, Debug)]
pub struct Stamps {
    /// When the shard loop finished reading and parsing each gateway frame, in order.
    pub parsed: Vec<Instant>,
    /// Interaction id → (handler entered, its first HTTP request started).
    pub handled: HashMap<u64, (Instant, Option<Instant>)>,
}

/// A tracing layer filling [`Stamps`]; install it with [`StageLayer::filter`].
#[derive(Clone, Default)]
pub struct StageLayer(Arc<Mutex<Stamps>>);

impl StageLayer {
    /// Only the three spans above reach this layer.
    pub fn wanted(meta: &tracing::Metadata<'_>) -> bool {
        meta.is_span()
            && match meta.name() {
                "recv_event" | "request" => meta.target().starts_with("serenity"),
                "interaction" => meta.target().starts_with("samrad"),
                _ => false,
            }
    }

    /// Takes the stamps gathered so far and starts afresh.
    pub fn take(&self) -> Stamps {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn with<T>(&self, f: impl FnOnce(&mut Stamps) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// The interaction id stored on its span.
struct InteractionId(u64);

struct IdField(Option<u64>);

impl tracing::field::Visit for IdField {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "id" {
            self.0 = format!("{value:?}").parse().ok();
        }
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for StageLayer {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let now = Instant::now();
        let Some(span) = ctx.span(id) else { return };
        match attrs.metadata().name() {
            "interaction" => {
                let mut field = IdField(None);
                attrs.record(&mut field);
                if let Some(iid) = field.0 {
                    span.extensions_mut().insert(InteractionId(iid));
                    self.with(|s| s.handled.insert(iid, (now, None)));
                }
            }
            "request" => {
                let iid = span.scope().skip(1).find_map(|s| s.extensions().get::<InteractionId>().map(|i| i.0));
                if let Some(iid) = iid {
                    self.with(|s| {
                        if let Some((_, first)) = s.handled.get_mut(&iid) {
                            first.get_or_insert(now);
                        }
                    });
                }
            }
            _ => {}
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        if ctx.metadata(&id).is_some_and(|m| m.name() == "recv_event") {
            self.with(|s| s.parsed.push(Instant::now()));
        }
    }
}
