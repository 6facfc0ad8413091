//! Schedule maths: which jobs a meeting has and when, from its kit schedule, its date and
//! its timezone. Local times are resolved in the kit's timezone, so "09:00" stays 09:00 in
//! Oslo across a daylight-saving change.

use chrono::{DateTime, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::domain::kit::KitSchedule;

/// What a scheduled job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// Post the reflection questions and start accepting answers.
    Open,
    /// Remind members who have not answered.
    Remind,
    /// Close answering; answers become read-only.
    Deadline,
    /// Post the pre-meeting digest to organisers.
    Digest,
}

impl JobKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Open => "open",
            JobKind::Remind => "remind",
            JobKind::Deadline => "deadline",
            JobKind::Digest => "digest",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "open" => JobKind::Open,
            "remind" => JobKind::Remind,
            "deadline" => JobKind::Deadline,
            "digest" => JobKind::Digest,
            _ => return None,
        })
    }
}

/// One planned job. `key` is unique per meeting and stable, so planning twice adds nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedJob {
    pub key: String,
    pub kind: JobKind,
    pub due_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("invalid reminder pattern {pattern:?}: {reason}")]
    BadCron { pattern: String, reason: String },
}

/// The instant of a local date and time in `tz`. A time inside a spring-forward gap moves to
/// the first instant after the gap; an ambiguous autumn time takes the earlier one.
pub fn local_instant(tz: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let naive = NaiveDateTime::new(date, time);
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => {
            let later = naive + chrono::Duration::hours(1);
            tz.from_local_datetime(&later).earliest().map(|t| t.with_timezone(&Utc)).unwrap_or_else(|| later.and_utc())
        }
    }
}

fn days_before(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(days))).unwrap_or(date)
}

/// The deadline for answers.
pub fn deadline(s: &KitSchedule, date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    local_instant(tz, days_before(date, s.deadline_days_before), s.deadline_time)
}

/// All jobs of a meeting on `date`. Reminders outside the answering window are dropped, and
/// recurring reminders (`remind_cron`) are expanded between opening and the deadline.
pub fn plan(s: &KitSchedule, date: NaiveDate, tz: Tz) -> Result<Vec<PlannedJob>, ScheduleError> {
    let open = local_instant(tz, days_before(date, s.open_days_before), s.time);
    let close = deadline(s, date, tz);
    let mut jobs = vec![PlannedJob { key: "open".into(), kind: JobKind::Open, due_at: open }];
    let mut reminders: Vec<DateTime<Utc>> =
        s.reminders_days_before.iter().map(|d| local_instant(tz, days_before(date, *d), s.time)).collect();
    if let Some(pattern) = &s.remind_cron {
        reminders.extend(cron_between(pattern, tz, open, close)?);
    }
    reminders.retain(|t| *t > open && *t < close);
    reminders.sort();
    reminders.dedup();
    for t in reminders {
        jobs.push(PlannedJob { key: format!("remind:{}", t.timestamp()), kind: JobKind::Remind, due_at: t });
    }
    jobs.push(PlannedJob { key: "deadline".into(), kind: JobKind::Deadline, due_at: close });
    let digest = local_instant(tz, days_before(date, s.digest_days_before), s.time).max(close);
    jobs.push(PlannedJob { key: "digest".into(), kind: JobKind::Digest, due_at: digest });
    Ok(jobs)
}

/// Occurrences of a 5-field cron pattern (in `tz`) strictly between `from` and `to`, at most 100.
pub fn cron_between(
    pattern: &str,
    tz: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, ScheduleError> {
    let bad = |reason: String| ScheduleError::BadCron { pattern: pattern.to_owned(), reason };
    let cron = croner::Cron::new(pattern).parse().map_err(|e| bad(e.to_string()))?;
    let mut out = Vec::new();
    let mut cursor = from.with_timezone(&tz);
    while out.len() < 100 {
        let next = cron.find_next_occurrence(&cursor, false).map_err(|e| bad(e.to_string()))?;
        let next_utc = next.with_timezone(&Utc);
        if next_utc >= to {
            break;
        }
        out.push(next_utc);
        cursor = next;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn oslo_nine_oclock_is_nine_in_summer_and_winter() {
        let tz: Tz = "Europe/Oslo".parse().unwrap();
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        assert_eq!(local_instant(tz, date("2027-01-14"), nine).hour(), 8);
        assert_eq!(local_instant(tz, date("2027-06-14"), nine).hour(), 7);
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_past_it() {
        let tz: Tz = "Europe/Stockholm".parse().unwrap();
        let t = local_instant(tz, date("2027-03-28"), NaiveTime::from_hms_opt(2, 30, 0).unwrap());
        assert_eq!(t.with_timezone(&tz).hour(), 3);
    }

    #[test]
    fn default_schedule_opens_reminds_closes_then_digests() {
        let tz: Tz = "Europe/Oslo".parse().unwrap();
        let jobs = plan(&KitSchedule::default(), date("2027-04-08"), tz).unwrap();
        let kinds: Vec<_> = jobs.iter().map(|j| j.kind).collect();
        assert_eq!(kinds, [JobKind::Open, JobKind::Remind, JobKind::Remind, JobKind::Deadline, JobKind::Digest]);
        assert!(jobs.windows(2).all(|w| w[0].due_at <= w[1].due_at));
    }

    #[test]
    fn weekly_cron_reminders_fall_inside_the_window_only() {
        let tz: Tz = "Europe/Oslo".parse().unwrap();
        let s = KitSchedule {
            reminders_days_before: vec![],
            remind_cron: Some("0 9 * * MON".into()),
            ..KitSchedule::default()
        };
        let jobs = plan(&s, date("2027-04-08"), tz).unwrap();
        let reminders: Vec<_> = jobs.iter().filter(|j| j.kind == JobKind::Remind).collect();
        // Open Thursday 25 March, deadline Wednesday 7 April: Mondays 29 March and 5 April.
        assert_eq!(reminders.len(), 2);
        assert!(reminders.iter().all(|r| r.due_at.with_timezone(&tz).hour() == 9));
    }

    #[test]
    fn a_bad_cron_pattern_is_an_error() {
        let tz: Tz = "Europe/Oslo".parse().unwrap();
        let s = KitSchedule { remind_cron: Some("every monday".into()), ..KitSchedule::default() };
        assert!(matches!(plan(&s, date("2027-04-08"), tz), Err(ScheduleError::BadCron { .. })));
    }
}
