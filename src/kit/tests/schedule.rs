//! The schedule: the reminder cron, reminders between opening and deadline, and the
//! default reminders of a short window.

use super::*;

#[test]
fn invalid_remind_cron() {
    let src = format!("{BASE}\n[schedule]\nremind_cron = \"0 9 * *\"\n");
    let e = assert_error(&src, 42, "invalid remind_cron");
    assert!(e.hint.contains("five fields"));
    let src = format!("{BASE}\n[schedule]\nremind_cron = \"0 9 * * MON\"\n");
    assert_eq!(parse_kit(&src, "t").unwrap().schedule.remind_cron.as_deref(), Some("0 9 * * MON"));
    // 1 January 09:00 never falls in the window (25 February to 10 March)
    let src = format!("{BASE}\n[schedule]\nremind_cron = \"0 9 1 1 *\"\n");
    assert_error(&src, 42, "never fires");
}

#[test]
fn reminders_must_fall_between_open_and_deadline() {
    let src = format!("{BASE}\n[schedule]\nopen_days_before = 10\nreminders_days_before = [12, 5, 0]\n");
    let all = errors(&src);
    let reminder_errors: Vec<_> = all.iter().filter(|e| e.message.starts_with("reminder")).collect();
    assert_eq!(reminder_errors.len(), 2, "{}", KitErrors(all.clone()));
    assert!(reminder_errors.iter().all(|e| e.line == 43));
    assert!(reminder_errors[0].message.contains("12 days before"));
    assert!(reminder_errors[1].message.contains("the meeting day"));
    let src = format!("{BASE}\n[schedule]\nopen_days_before = 1\ndeadline_days_before = 2\n");
    assert_error(&src, 42, "opens (1 day before at 09:00) after the deadline");
}

#[test]
fn default_reminders_follow_a_short_window() {
    let src = format!("{BASE}\n[schedule]\nopen_days_before = 5\n");
    assert_eq!(parse_kit(&src, "t").unwrap().schedule.reminders_days_before, vec![2]);
}
