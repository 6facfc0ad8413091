//! `samrad demo --kit benchmarking-1 --day`, twice on one database: the day shows lunch at
//! tables with a table plan, a decision, plans changing status, and the database keeps them
//! (the export of each run's meeting carries the seating, the decision and the changes).

use std::process::Command;

fn samrad(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_samrad"))
        .args(args)
        .env_remove("SAMRAD_DISCORD_TOKEN")
        .output()
        .expect("samrad runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "samrad {args:?} failed:\n{stdout}{}", String::from_utf8_lossy(&out.stderr));
    stdout
}

#[test]
fn the_day_demo_shows_a_table_plan_a_decision_and_plan_changes_and_runs_twice_on_one_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("day.db");
    let db = db.display().to_string();
    let kit = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/benchmarking-1.toml");
    let kit = kit.display().to_string();
    for (run, meeting) in [("first", "1"), ("second", "2")] {
        let stdout = samrad(&["demo", "--kit", &kit, "--day", "--db", &db]);
        let failed: Vec<&str> = stdout.lines().filter(|l| l.starts_with("! ")).collect();
        assert!(failed.is_empty(), "{run} run: scheduled work failed: {failed:?}");
        for needle in [
            "Lunch: blandade bord i rummet",
            "**Bordsplacering, omgång ",
            "table-plan-round-",
            "Borden är avslutade.",
            "Styrgruppen tar fram en gemensam mall",
            "Ägarna uppdaterar sina planer",
        ] {
            assert!(stdout.contains(needle), "{run} run lacks {needle:?}:\n{stdout}");
        }
        assert!(!stdout.contains("[text room] Bord "), "{run} run: lunch tables make no channels");

        let csv = samrad(&["export", "--meeting", meeting, "--format", "csv", "--db", &db]);
        let rows = |section: &str| csv.lines().filter(|l| l.starts_with(&format!("{section},{meeting},"))).count();
        assert!(rows("seat") >= 8, "{run} run: the lunch seating is stored:\n{csv}");
        assert_eq!(rows("decision"), 1, "{run} run: the decision is stored");
        assert!(rows("plan-change") >= 3, "{run} run: the status changes are stored:\n{csv}");
    }
}
