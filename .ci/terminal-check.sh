#!/usr/bin/env bash
# What a person sees at a terminal, checked under tmux (a real pseudo-terminal, 120x40), and what a pipe gets:
#
#   bash .ci/terminal-check.sh            (after mvn package: uses cli/target/mi-scan.jar through ./mi-scan)
#
#   1. the launcher's first-run build (a stale jar) writes no ANSI escape to its output: Maven 3.8 writes ESC[0m
#      even in batch mode, and a pre-commit hook or CI log would show it;
#   2. a scan of a 2,500-file tree in tmux: the progress line ("N/M files  X MB  Y MB/s") shows while it
#      runs and is gone at the end; the report is coloured (ERROR in red) and closes with "Findings by rule:" and
#      the totals;
#   3. the same scan into a pipe: no escape and no carriage return at all, on either stream;
#   4. 'explain' in tmux: headings in bold, no raw Markdown (#, backticks, **).
# The screens are kept in target/terminal-check/ (*.screen: as shown; *.ansi: with the escapes) for a person to read.
# Needs tmux (installed with apt-get when missing, as root). Exit 0 when every check passes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/target/terminal-check
rm -rf "$OUT"
mkdir -p "$OUT"
fail() { echo "terminal-check: FAILED: $*" >&2; exit 1; }
pass() { echo "terminal-check: ok: $*"; }

if ! command -v tmux >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq tmux >/dev/null; else
        sudo apt-get update -qq && sudo apt-get install -y -qq tmux >/dev/null; fi
fi

# 1. the launcher's build step, as a first run sees it (a jar older than the sources)
touch -d '2000-01-01' cli/target/mi-scan.jar 2>/dev/null || true
rc=0
# without a controlling terminal (setsid), so that its one line about building goes to standard error, not /dev/tty
setsid ./mi-scan --version >"$OUT/launcher-build.out" 2>"$OUT/launcher-build.err" </dev/null || rc=$?
[[ $rc -eq 0 ]] || fail "the launcher's build exited $rc: $(cat "$OUT/launcher-build.err")"
if LC_ALL=C grep -q $'\e' "$OUT/launcher-build.err" "$OUT/launcher-build.out"; then
    fail "the launcher's build wrote ANSI escapes: $(od -c "$OUT/launcher-build.err" | head -5)"
fi
grep -Eq '^mi-scan: (first run: building|sources changed, rebuilding) ' "$OUT/launcher-build.err" \
    || fail "the launcher did not say it was building"
pass "launcher build output has no escape codes ($(wc -l <"$OUT/launcher-build.err") line(s) on stderr)"

# a tree that takes a few seconds with one thread: twelve copies of mi-scan's own main sources (Java, YAML, data
# files: 2,500 files, 25 MB, clean at the error level as the self-scan checks) and a key in three new files
# (generated now, never kept)
TREE=$(mktemp -d)
SESSION=mi-scan-check-$$
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$TREE"' EXIT
for i in $(seq 1 12); do
    for m in scanner-core rules cli; do
        mkdir -p "$TREE/copy$i/$m/src"
        cp -r "$m/src/main" "$TREE/copy$i/$m/src/"
    done
done
for d in 3 17 29; do mkdir -p "$TREE/svc$d/src/main/resources"; done
for d in 3 17 29; do
    printf 'spring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;AccountName=svc%sdata;AccountKey=%s;EndpointSuffix=core.windows.net\n' \
        "$d" "$(head -c 64 /dev/urandom | base64 -w0)" >"$TREE/svc$d/src/main/resources/application.properties"
done

# 2. the scan at a terminal: sample the screen while it runs
tmux new-session -d -s "$SESSION" -x 120 -y 40 -c "$ROOT" \
    "MI_SCAN_JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ActiveProcessorCount=1' ./mi-scan scan '$TREE' --fail-on none --threads 1; echo EXIT=\$?; sleep 600"
progress=""
for _ in $(seq 1 1800); do   # up to 3 minutes on a loaded machine
    screen=$(tmux capture-pane -p -t "$SESSION")
    if [[ -z $progress ]] && line=$(grep -E 'mi-scan: [0-9,]+/[0-9,]+ files +[0-9.]+ MB +[0-9.]+ MB/s' <<<"$screen"); then
        progress=$line
        printf '%s\n' "$screen" >"$OUT/scan-running.screen"
    fi
    grep -q '^EXIT=' <<<"$screen" && break
    sleep 0.1
done
tmux capture-pane -p -t "$SESSION" -S - >"$OUT/scan-done.screen"
tmux capture-pane -p -e -t "$SESSION" -S - >"$OUT/scan-done.ansi"
grep -q '^EXIT=0' "$OUT/scan-done.screen" || fail "the scan did not end with exit 0: $(tail -5 "$OUT/scan-done.screen")"
[[ -n $progress ]] || fail "no progress line was seen while the scan ran"
pass "progress line seen while scanning: '$(sed 's/ *$//' <<<"$progress")'"
if grep -qE '[0-9]+/[0-9,]+ files +[0-9.]+ MB' "$OUT/scan-done.screen"; then
    fail "the progress line is still on the screen after the scan"
fi
pass "the progress line is cleared at the end"
grep -q $'\e\\[31mERROR' "$OUT/scan-done.ansi" || fail "no red ERROR in the terminal's report"
pass "the report is coloured on the terminal"
grep -q '^Findings by rule:' "$OUT/scan-done.screen" || fail "no 'Findings by rule:' summary"
grep -qE '^  MI-STORAGE-CONNSTR +3 errors$' "$OUT/scan-done.screen" || fail "no 'MI-STORAGE-CONNSTR  3 errors' line"
grep -qE '^[0-9]+ findings \(3 errors, [0-9]+ warnings?, [0-9]+ notes?\) in [0-9]+ files' "$OUT/scan-done.screen" \
    || fail "the totals line is missing: $(grep -E 'findings \(' "$OUT/scan-done.screen" || true)"
pass "the report closes with the findings by rule and the totals"
tmux kill-session -t "$SESSION"

# 3. the same scan into pipes: nothing but plain lines
rc=0
./mi-scan scan "$TREE" --fail-on none >"$OUT/scan-piped.out" 2>"$OUT/scan-piped.err" || rc=$?
[[ $rc -eq 0 ]] || fail "the piped scan exited $rc"
if LC_ALL=C grep -q $'[\e\r]' "$OUT/scan-piped.out" "$OUT/scan-piped.err"; then
    fail "escape codes or carriage returns in piped output"
fi
pass "piped output has no escape code and no carriage return"

# 4. explain at a terminal
tmux new-session -d -s "$SESSION" -x 100 -y 200 -c "$ROOT" "./mi-scan explain mi-storage-constr; ./mi-scan explain storage-account-key-connection-string; echo EXIT=\$?; sleep 600"
for _ in $(seq 1 600); do
    tmux capture-pane -p -t "$SESSION" | grep -q '^EXIT=' && break
    sleep 0.1
done
tmux capture-pane -p -t "$SESSION" -S - >"$OUT/explain.screen"
tmux capture-pane -p -e -t "$SESSION" -S - >"$OUT/explain.ansi"
grep -q "did you mean MI-STORAGE-CONNSTR?" "$OUT/explain.screen" || fail "no 'did you mean' for a typo"
grep -q '^EXIT=0' "$OUT/explain.screen" || fail "explain by name failed"
grep -q $'\e\\[1mMI-STORAGE-CONNSTR (storage-account-key-connection-string)' "$OUT/explain.ansi" \
    || fail "the heading is not bold"
if grep -qE '^#|`|\*\*' "$OUT/explain.screen"; then
    fail "raw Markdown on the screen: $(grep -nE '^#|`|\*\*' "$OUT/explain.screen" | head -3)"
fi
pass "explain: 'did you mean', found by name, bold headings, no raw Markdown"
echo "terminal-check: all passed; screens in ${OUT#"$ROOT"/}"
