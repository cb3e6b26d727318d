#!/usr/bin/env bash
# History against a full scan of its tip: what 'mi-scan history' costs over 'mi-scan scan' (issue "faster than grep").
#
#   bench/history.sh [RUNS]        (default 5 interleaved runs; medians)
#
# Makes a git repository (seeded: the same files every time, keys generated at each run) of 1,500 text files
# (Java, properties, YAML, Markdown) and 200 commits, each changing 8 files: lines appended or edited, a storage
# key added now and then and removed later. Times, interleaved, 'scan' of the working tree (the tip) and
# 'history' of every commit, both with the launcher (./mi-scan) and with 'java -jar', and prints the medians and
# their ratio. MI_SCAN_JAR=<jar> times another build (e.g. an older one, for a before/after comparison).
set -euo pipefail

RUNS=${1:-5}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${MI_SCAN_JAR:-$ROOT/cli/target/mi-scan.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
for t in python3 git; do command -v "$t" >/dev/null || { echo "bench/history.sh: $t is missing" >&2; exit 1; }; done
if [[ ! -f $JAR ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -Dinvoker.skip package -pl cli -am) >&2
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
REPO=$WORK/repo
python3 "$ROOT/bench/gen_history_repo.py" "$REPO"
echo "repository: $(git -C "$REPO" rev-list --count HEAD) commits, $(git -C "$REPO" ls-files | wc -l) files"

declare -A times
run() { # name, command...
    local name=$1; shift
    local s e
    s=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    e=$(date +%s.%N)
    times[$name]+="$(echo "$e - $s" | bc) "
}
LAUNCHER=(env MI_SCAN_JAR="$JAR" "$ROOT/mi-scan")
"${LAUNCHER[@]}" scan "$REPO" > /dev/null 2>&1 || true   # the launcher's class-data archive
for ((i = 1; i <= RUNS; i++)); do
    run "launcher scan" "${LAUNCHER[@]}" scan "$REPO"
    run "launcher history" "${LAUNCHER[@]}" history "$REPO"
    run "java -jar scan" "$JAVA" -jar "$JAR" scan "$REPO"
    run "java -jar history" "$JAVA" -jar "$JAR" history "$REPO"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf '| JVM | scan of the tip | history (200 commits) | ratio |\n|---|---|---|---|\n'
for jvm in launcher "java -jar"; do
    s=$(echo "${times[$jvm scan]}" | median)
    h=$(echo "${times[$jvm history]}" | median)
    printf '| %s | %.2f s | %.2f s | %.2f× |\n' "$jvm" "$s" "$h" "$(echo "$h / $s" | bc -l)"
done
