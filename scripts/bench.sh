#!/usr/bin/env bash
# Runs every benchmark once and rewrites BENCHMARKS.md from their results (machine, date,
# command, numbers, load average), followed by the hand-written benches/PROFILES.md. CI does
# not run this; it only checks that `cargo bench --no-run` builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export SQLX_OFFLINE=true
target=${CARGO_TARGET_DIR:-target}
mkdir -p target/bench

# `scripts/bench.sh --report` only rewrites BENCHMARKS.md from the last run's results.
if [ "${1:-}" != "--report" ]; then
  # Postgres for the scale benchmarks: a throwaway server with fsync on, as in production.
  pg_dir=$(mktemp -d)
  trap 'scripts/pg-test-server.sh stop "$pg_dir"; rm -rf "$pg_dir"' EXIT
  SAMRAD_BENCH_POSTGRES_URL=$(SAMRAD_PG_FSYNC=on scripts/pg-test-server.sh start "$pg_dir" "${SAMRAD_BENCH_PG_PORT:-55435}")
  export SAMRAD_BENCH_POSTGRES_URL
  cut -d' ' -f1-3 /proc/loadavg >target/bench/load-start
  cargo bench --bench ingest
  cargo bench --bench split -- --noplot
  cargo bench --bench digest -- --noplot
  cargo bench --bench themes
  if [ -f benches/wire.rs ]; then cargo bench --bench wire; fi
  # Split and recall of 20, 100 and 500 members at Discord's rate limits (windows ÷10).
  cargo bench --bench limits
  cargo bench --bench scale
  cut -d' ' -f1-3 /proc/loadavg >target/bench/load-end
fi

python3 - "$target" "$(cat target/bench/load-start)" "$(cat target/bench/load-end)" <<'PY'
import json, os, platform, subprocess, sys, datetime, glob
target, load_start, load_end = sys.argv[1:4]
def cpu():
    for line in open('/proc/cpuinfo'):
        if line.startswith('model name'):
            return line.split(':', 1)[1].strip()
    return platform.processor()
mem_kb = next(int(l.split()[1]) for l in open('/proc/meminfo') if l.startswith('MemTotal'))
rustc = subprocess.run(['rustc', '--version'], capture_output=True, text=True).stdout.strip()
out = ["# Benchmarks", "",
       f"Run {datetime.date.today()} on {os.cpu_count()} cores ({cpu()}), {mem_kb // 1024 // 1024} GiB, {rustc}.",
       "Command: `scripts/bench.sh` (release profile). Each section states its target and its reference.",
       f"Load average (1, 5, 15 min) at the start {load_start}, at the end {load_end}: the machine is shared, so compare a",
       "figure with its reference from the same run, not across runs.", ""]
for part in ["ingest", "wire", "limits"]:
    path = f"target/bench/{part}.md"
    if os.path.exists(path):
        out += [open(path).read().strip(), ""]
def criterion(group_glob, title, note):
    rows = []
    for est in sorted(glob.glob(f"{target}/criterion/{group_glob}/new/estimates.json")):
        name = est.split('/criterion/')[1].rsplit('/new/', 1)[0]
        e = json.load(open(est))
        median = e['median']['point_estimate'] / 1e6
        lo, hi = e['median']['confidence_interval']['lower_bound'] / 1e6, e['median']['confidence_interval']['upper_bound'] / 1e6
        rows.append(f"| {name} | {median:.3f} | {lo:.3f}–{hi:.3f} |")
    if rows:
        out.extend([f"## {title}", "", note, "", "| benchmark | median ms | 95% CI ms |", "|---|---|---|", *rows, ""])
criterion("split*/*/*", "Split (grouping)", "500 members in 40 units with 4 roles into 100 rooms, each mode, without and with 10 earlier rounds of history. Targets: < 5 ms for random/mixed, < 50 ms for repeat-avoiding modes with history.")
criterion("digest*", "Digest", "10 000 answers over 40 units, nb/sv text. Target: computation < 100 ms; the chart is measured separately.")
if os.path.exists("target/bench/themes.md"):
    out += [open("target/bench/themes.md").read().strip(), ""]
for part in ["scale", "scale-ingest"]:
    path = f"target/bench/{part}.md"
    if os.path.exists(path):
        out += [open(path).read().strip(), ""]
# Profiles and plans are written by hand (they explain the numbers above); kept across runs.
if os.path.exists("benches/PROFILES.md"):
    out += [open("benches/PROFILES.md").read().strip(), ""]
open("BENCHMARKS.md", "w").write("\n".join(out))
print("wrote BENCHMARKS.md")
PY
