//! The kit's `[schedule]` and time strings: when answering opens, reminders go out and the
//! deadline falls, all relative to the meeting day. Also the one place that parses
//! `remind_cron`, so the scheduler reads patterns exactly as `samrad check` validated them.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Timelike};
use chrono_tz::Tz;

use super::error::{KitText, Sink};
use super::raw::{RawSchedule, S};
use crate::domain::kit::KitSchedule;

/// The longest lead time a kit may ask for.
const MAX_DAYS_BEFORE: i64 = 365;

/// Parses a `remind_cron` pattern: five fields (minute hour day-of-month month day-of-week),
/// read in the kit's timezone, e.g. `0 9 * * MON`.
pub fn parse_remind_cron(pattern: &str) -> Result<croner::Cron, croner::errors::CronError> {
    croner::Cron::new(pattern).parse()
}

/// "09:30", "9:30", "09.30" (as Swedish agendas write it), "09:30:00" or a TOML local time.
pub(crate) fn parse_time_value(sink: &mut Sink<'_>, value: &S<toml::Value>) -> Option<NaiveTime> {
    let parsed = match value.get_ref() {
        toml::Value::String(s) => parse_time_str(s),
        toml::Value::Datetime(dt) if dt.date.is_none() && dt.offset.is_none() => {
            dt.time.and_then(|t| NaiveTime::from_hms_opt(t.hour.into(), t.minute.into(), t.second.into()))
        }
        _ => None,
    };
    if parsed.is_none() {
        let message = KitText::new("kit-e-time").arg("value", value.get_ref().to_string());
        sink.hint(value.span(), message, KitText::new("kit-h-time"));
    }
    parsed
}

fn parse_time_str(s: &str) -> Option<NaiveTime> {
    let s = s.trim().replace('.', ":");
    let parts: Vec<&str> = s.split(':').collect();
    let ok = matches!(parts.len(), 2 | 3)
        && parts.iter().all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    if !ok {
        return None;
    }
    let n = |i: usize| parts.get(i).map_or(Some(0), |p| p.parse::<u32>().ok());
    NaiveTime::from_hms_opt(n(0)?, n(1)?, n(2)?)
}

/// Minutes relative to midnight at the start of the meeting day (negative = before).
fn instant(days_before: u32, time: NaiveTime) -> i64 {
    -i64::from(days_before) * 24 * 60 + i64::from(time.num_seconds_from_midnight() / 60)
}

/// "the meeting day at 09:00", "3 days before at 09:00".
fn describe(days_before: u32, time: NaiveTime) -> KitText {
    KitText::new("kit-when").num("days", days_before).arg("time", super::agenda::hm(time))
}

pub(crate) fn check_schedule(
    sink: &mut Sink<'_>,
    raw: &S<RawSchedule>,
    date: Option<NaiveDate>,
    tz: Option<Tz>,
) -> Option<KitSchedule> {
    let table = raw.span();
    let r = raw.get_ref();
    let defaults = KitSchedule::default();
    let mut ok = true;
    let mut days = |sink: &mut Sink<'_>, v: &Option<S<i64>>, default: u32| match v {
        None => default,
        Some(v) if (0..=MAX_DAYS_BEFORE).contains(v.get_ref()) => *v.get_ref() as u32,
        Some(v) => {
            let message = KitText::new("kit-e-days").arg("value", v.get_ref().to_string());
            sink.hint(v.span(), message, KitText::new("kit-h-days").num("most", MAX_DAYS_BEFORE));
            ok = false;
            default
        }
    };
    let open_days_before = days(sink, &r.open_days_before, defaults.open_days_before);
    let deadline_days_before = days(sink, &r.deadline_days_before, defaults.deadline_days_before);
    let digest_days_before = days(sink, &r.digest_days_before, defaults.digest_days_before);
    let given_reminders: Option<Vec<(u32, std::ops::Range<usize>)>> = r
        .reminders_days_before
        .as_ref()
        .map(|list| list.iter().map(|v| (days(sink, &Some(v.clone()), 0), v.span())).collect());
    let time = match &r.time {
        None => Some(defaults.time),
        Some(t) => parse_time_value(sink, t),
    };
    let deadline_time = match &r.deadline_time {
        None => Some(defaults.deadline_time),
        Some(t) => parse_time_value(sink, t),
    };
    let (Some(time), Some(deadline_time)) = (time, deadline_time) else {
        return None;
    };

    let open = instant(open_days_before, time);
    let deadline = instant(deadline_days_before, deadline_time);
    // Without a list, the default reminders that fall inside the answering window.
    let reminders = given_reminders.unwrap_or_else(|| {
        let inside = |d: &&u32| instant(**d, time) > open && instant(**d, time) < deadline;
        defaults.reminders_days_before.iter().filter(inside).map(|d| (*d, table.clone())).collect()
    });
    if open >= deadline {
        let span = r.open_days_before.as_ref().map_or(table.clone(), S::span);
        let message = KitText::new("kit-e-opens-after-deadline")
            .text("open", describe(open_days_before, time))
            .text("deadline", describe(deadline_days_before, deadline_time));
        sink.hint(span, message, KitText::new("kit-h-opens-after-deadline"));
        ok = false;
    } else {
        for (d, span) in &reminders {
            let at = instant(*d, time);
            if at <= open || at >= deadline {
                let message = KitText::new("kit-e-reminder-outside")
                    .text("reminder", describe(*d, time))
                    .text("open", describe(open_days_before, time))
                    .text("deadline", describe(deadline_days_before, deadline_time));
                let hint = KitText::new("kit-h-reminder-outside")
                    .num("open", open_days_before)
                    .num("deadline", deadline_days_before);
                sink.hint(span.clone(), message, hint);
                ok = false;
            }
        }
    }

    let remind_cron = match &r.remind_cron {
        None => None,
        Some(c) => match parse_remind_cron(c.get_ref()) {
            Err(e) => {
                let message = KitText::new("kit-e-cron").arg("value", c.get_ref()).arg("detail", e.to_string());
                sink.hint(c.span(), message, KitText::new("kit-h-cron"));
                ok = false;
                None
            }
            Ok(cron) => {
                if let (Some(date), Some(tz), true) = (date, tz, open < deadline) {
                    if !fires_between(&cron, date, tz, open, deadline) {
                        let message = KitText::new("kit-e-cron-never")
                            .arg("value", c.get_ref())
                            .text("open", describe(open_days_before, time))
                            .text("deadline", describe(deadline_days_before, deadline_time));
                        sink.hint(c.span(), message, KitText::new("kit-h-cron-never"));
                        ok = false;
                    }
                }
                Some(c.get_ref().clone())
            }
        },
    };

    ok.then(|| KitSchedule {
        open_days_before,
        time,
        reminders_days_before: reminders.into_iter().map(|(d, _)| d).collect(),
        remind_cron,
        deadline_days_before,
        deadline_time,
        digest_days_before,
    })
}

fn fires_between(cron: &croner::Cron, date: NaiveDate, tz: Tz, open: i64, deadline: i64) -> bool {
    let midnight = date.and_time(NaiveTime::MIN);
    let local = |minutes: i64| tz.from_local_datetime(&(midnight + Duration::minutes(minutes))).earliest();
    let (Some(open), Some(deadline)) = (local(open), local(deadline)) else {
        return true; // a DST gap; the scheduler copes, do not fail the kit over it
    };
    cron.find_next_occurrence(&open, false).is_ok_and(|next| next < deadline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_organisers_write_them() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time_str("09:30"), t(9, 30));
        assert_eq!(parse_time_str("9.30"), t(9, 30));
        assert_eq!(parse_time_str("16:00:00"), t(16, 0));
        assert_eq!(parse_time_str("25:00"), None);
        assert_eq!(parse_time_str("9"), None);
        assert_eq!(parse_time_str("halv ti"), None);
    }
}
