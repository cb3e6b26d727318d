#!/usr/bin/env bash
# A long history in a small heap: what 'mi-scan history' keeps per commit (issue "faster than grep", sixth round).
#
#   bench/history-memory.sh [COMMITS] [HEAPS...]      (default 80000 commits; heaps 96m 128m 160m)
#
# Makes a git repository with 'git fast-import' (seeded; keys random, made here): 2,000 files (Java, properties,
# YAML, Markdown) in the first commit, then one file changed per commit (a line appended), a storage key added to
# a .properties file every 500 commits. Runs 'history' once with the launcher's JVM options (its young generation
# halved to 32 MB, so that a 96 MB heap keeps room for the rest) and no heap limit (wall time, peak RSS), then once
# per HEAP with -Xmx HEAP and a 60 s limit: a heap too small for what the scan keeps
# makes the serial collector run without end rather than fail, which is what a 512 MB container (a 128 MB default
# heap) would see. Checks that every limited run finds what the unlimited one found.
set -euo pipefail

COMMITS=${1:-80000}
shift || true
HEAPS=("$@")
[[ ${#HEAPS[@]} -gt 0 ]] || HEAPS=(96m 128m 160m)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${MI_SCAN_JAR:-$ROOT/cli/target/mi-scan.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
for t in python3 git timeout /usr/bin/time; do
    command -v "$t" >/dev/null || { echo "bench/history-memory.sh: $t is missing" >&2; exit 1; }
done
if [[ ! -f $JAR ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -Dinvoker.skip package -pl cli -am) >&2
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
REPO=$WORK/repo
git init -q -b main "$REPO"
python3 - "$COMMITS" <<'PY' | (cd "$REPO" && git fast-import --quiet && git reset -q --hard main)
import base64, os, random, sys
commits, files = int(sys.argv[1]), 2000
rnd = random.Random(20261206)
kinds = ["java", "properties", "yaml", "md"]
paths = ["module%d/f%d.%s" % (f % 50, f, kinds[f % 4]) for f in range(files)]
text = {p: ["line %d of %s\n" % (j, p) for j in range(30)] for p in paths}
out = sys.stdout.buffer
for i in range(commits):
    changed = paths if i == 0 else [rnd.choice(paths)]
    if i > 0:
        p = changed[0]
        if i % 500 == 0 and p.endswith(".properties"):
            key = base64.b64encode(os.urandom(64)).decode()
            text[p].append("s%d.conn=DefaultEndpointsProtocol=https;AccountName=acct%d;AccountKey=%s;"
                           "EndpointSuffix=core.windows.net\n" % (i, i, key))
        else:
            text[p].append("value%d = %d\n" % (i, rnd.randrange(10 ** 6)))
    out.write(b"commit refs/heads/main\nmark :%d\ncommitter Bench <bench@example.com> %d +0000\ndata 6\nc%05d\n"
              % (i + 1, 1700000000 + i, i))
    if i > 0:
        out.write(b"from :%d\n" % i)
    for p in changed:
        data = "".join(text[p]).encode()
        out.write(b"M 100644 inline %s\ndata %d\n" % (p.encode(), len(data)) + data + b"\n")
PY
echo "repository: $(git -C "$REPO" rev-list --count HEAD) commits, $(git -C "$REPO" ls-files | wc -l) files"
OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -XX:CICompilerCount=1)
count() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$1"; }
run() { # label, extra JVM options...
    local label=$1; shift
    local s e rc=0
    s=$(date +%s.%N)
    timeout 60 /usr/bin/time -f '%M' -o "$WORK/rss" "$JAVA" "${OPTS[@]}" "$@" -jar "$JAR" history "$REPO" \
        --format json --output "$WORK/$label.json" --fail-on none >/dev/null 2>&1 || rc=$?
    e=$(date +%s.%N)
    if [[ $rc -ne 0 ]]; then
        printf '| %s | over 60 s (stopped) | | |\n' "$label"
        return
    fi
    printf '| %s | %.2f s | %d MB | %s |\n' "$label" "$(echo "$e - $s" | bc)" "$(($(tail -1 "$WORK/rss") / 1024))" \
        "$(count "$WORK/$label.json")"
}
printf '| heap | wall | peak RSS | findings |\n|---|---|---|---|\n'
run unlimited
for h in "${HEAPS[@]}"; do
    run "$h" "-Xmx$h"
done
