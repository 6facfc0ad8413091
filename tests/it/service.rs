//! samrad as a service, from the command line: the invite link (asking the fake Discord for
//! the application id), upgrades listed before they run.

use fake_discord::FakeDiscord;

fn samrad(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_samrad"));
    cmd.args(args).env_remove("SAMRAD_DISCORD_TOKEN").env("SAMRAD_DB", "sqlite::memory:");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("samrad runs")
}

const PERMISSIONS: &str = "permissions=288476176";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invite_asks_discord_for_the_application_id_with_the_token() {
    let fake = FakeDiscord::builder().application_id(123_456_789).start().await;
    let base = fake.base_url();
    let out = tokio::task::spawn_blocking(move || {
        samrad(&["invite"], &[("SAMRAD_DISCORD_TOKEN", "MTAw.fake.token"), ("SAMRAD_DISCORD_API_BASE", &base)])
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        stdout.trim(),
        format!(
            "https://discord.com/oauth2/authorize?client_id=123456789&scope=bot%20applications.commands&{PERMISSIONS}"
        )
    );
    let asked = fake.requests_matching("GET /oauth2/applications/@me");
    assert_eq!(asked.len(), 1);
}

#[test]
fn invite_with_an_application_id_needs_no_token_and_without_either_says_what_to_do() {
    let out = samrad(&["invite", "--application-id", "42"], &[]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains(&format!("client_id=42&scope=bot%20applications.commands&{PERMISSIONS}")));
    let out = samrad(&["invite"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("SAMRAD_DISCORD_TOKEN"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn migrate_dry_run_lists_what_would_run_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("samrad.db");
    let url = format!("sqlite:{}", db.display());
    let out = samrad(&["migrate", "--dry-run", "--db", &url], &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let all = samrad::storage::sqlite::MIGRATOR.iter().count();
    assert!(stdout.contains("20261126000001 initial (would run)"), "{stdout}");
    assert!(stdout.contains(&format!("{all} migrations would run; nothing was changed")), "{stdout}");
    assert!(!db.exists(), "a dry run creates no database");
    let out = samrad(&["migrate", "--db", &url], &[]);
    assert!(out.status.success());
    let out = samrad(&["migrate", "--dry-run", "--db", &url], &[]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("0 migrations would run"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
