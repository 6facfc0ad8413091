#!/usr/bin/env bash
# Checks the container recipe where Docker cannot build it (CI has no Docker daemon):
# every path the Dockerfile copies exists, compose.yaml runs the commands samrad has, and the
# binary the image would hold runs as an unprivileged user from the image's layout: --help,
# the shipped kits pass `samrad check`, and the HEALTHCHECK command reports an unreachable
# service as unhealthy. With a Docker daemon, `docker build .` runs too.
# Usage: scripts/container-check.sh [BINARY]   (default: target/debug/samrad, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/debug/samrad}
[ -x "$bin" ] || cargo build --quiet --bin samrad
bin=$(realpath "$bin")

fail() { echo "container-check: $*" >&2; exit 1; }

# 1. Sources of COPY in the build context (not --from= stages) exist.
while read -r line; do
  set -- $line
  shift # COPY
  args=()
  for a in "$@"; do [[ $a == --* ]] || args+=("$a"); done
  for src in "${args[@]:0:${#args[@]}-1}"; do
    [ -e "$src" ] || fail "Dockerfile copies $src, which does not exist"
  done
done < <(grep -E '^COPY ' Dockerfile | grep -v -- '--from=')
grep -q '^USER samrad' Dockerfile || fail "the runtime image must run as the samrad user"
grep -q '^HEALTHCHECK .*"samrad", "health"' Dockerfile || fail "HEALTHCHECK must call samrad health"

# 2. compose.yaml runs subcommands samrad has.
for sub in $(grep -oE 'command: \["[a-z]+"' compose.yaml | sed -E 's/.*\["//; s/"//' | sort -u); do
  "$bin" "$sub" --help >/dev/null || fail "compose.yaml runs 'samrad $sub', which does not exist"
done

# 3. The image's layout, run by an unprivileged user.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/local/bin" "$root/opt/samrad" "$root/data"
cp "$bin" "$root/usr/local/bin/samrad"
cp -r prompts "$root/opt/samrad/prompts"
chmod -R a+rX "$root"
chmod 777 "$root/data"
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
run() { (cd "$root/data" && env -i PATH=/usr/bin:/bin SAMRAD_DB="sqlite:$root/data/samrad.db" \
  SAMRAD_KITS="$root/opt/samrad/prompts" "${as_user[@]}" "$root/usr/local/bin/samrad" "$@"); }
run --help >/dev/null || fail "samrad --help failed in the image layout"
run check "$root"/opt/samrad/prompts/*.toml >/dev/null || fail "the image's kits do not pass samrad check"
run migrate --dry-run >/dev/null || fail "samrad migrate --dry-run failed as an unprivileged user"
if run health --addr 127.0.0.1:9 >/dev/null 2>&1; then
  fail "samrad health reported healthy with nothing listening"
fi

# 4. A real build where a Docker daemon runs.
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  docker build --quiet -t samrad:check . >/dev/null || fail "docker build failed"
  echo "container-check: docker build ok"
else
  echo "container-check: no Docker daemon here; checked the recipe's paths and the binary in the image layout"
fi
echo "container-check: ok"
