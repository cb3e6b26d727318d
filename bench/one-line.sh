#!/usr/bin/env bash
# Many findings on one line: the hostile-input case of a minified template (issue "safe under attack").
#
#   bench/one-line.sh [RUNS]        (default 5 paired runs; medians)
#
# Generates (keys random, made here) a minified ARM template of one line, inside the default 2 MB cap, that
# holds 20,000 credentials: 10,000 storage connection strings and 10,000 Entra client secrets in app settings.
# Times, interleaved in the same run, ripgrep with bench/azure-patterns.txt on the file and
# 'java -jar mi-scan.jar scan --format F' for F in json, sarif and text (whole processes, wall clock, peak RSS
# with GNU time), and checks that every run reports 20,000 findings. Before the linear rewrite, 4,000 findings
# on one line took 89 s and 20,000 over 600 s.
set -euo pipefail

RUNS=${1:-5}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${MI_SCAN_JAR:-$ROOT/cli/target/mi-scan.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
for t in python3 rg /usr/bin/time; do command -v "$t" >/dev/null || { echo "bench/one-line.sh: $t is missing" >&2; exit 1; }; done
if [[ ! -f $JAR ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -Dinvoker.skip package -pl cli -am) >&2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/tree"
python3 - "$WORK/tree/azuredeploy.json" <<'PY'
import base64, json, os, secrets, string, sys
alphabet = string.ascii_letters + string.digits
settings = {}
for i in range(10000):
    settings["S%d" % i] = "AccountName=a%d;AccountKey=%s" % (i, base64.b64encode(os.urandom(64)).decode())
    settings["AZURE_CLIENT_SECRET_%d" % i] = ("".join(secrets.choice(alphabet) for _ in range(3))
        + str(secrets.randbelow(10)) + "Q~" + "".join(secrets.choice(alphabet) for _ in range(34)))
template = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "resources": [{"type": "Microsoft.Web/sites/config", "apiVersion": "2022-09-01",
                           "name": "app/appsettings", "properties": settings}]}
with open(sys.argv[1], "w") as f:
    json.dump(template, f, separators=(",", ":"))
PY
echo "file: $(stat -c %s "$WORK/tree/azuredeploy.json") bytes, $(wc -l < "$WORK/tree/azuredeploy.json") newline(s)"

declare -A times rss
run() { # name, command...
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > "$WORK/out" 2>/dev/null || true
    read -r t m < <(tail -n 1 "$WORK/time")
    times[$name]+="$t "
    rss[$name]+="$m "
}
for ((i = 1; i <= RUNS; i++)); do
    run rg-23 rg --no-config -c -f "$ROOT/bench/azure-patterns.txt" "$WORK/tree"
    for f in json sarif text; do
        run "mi-scan $f" "$JAVA" -jar "$JAR" scan --format "$f" "$WORK/tree"
        if [[ $f == json ]]; then
            n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$WORK/out")
            [[ $n == 20000 ]] || { echo "bench/one-line.sh: $n findings, expected 20000" >&2; exit 1; }
        fi
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf '| command | median wall (s) | median peak RSS (MiB) |\n|---|---|---|\n'
for name in rg-23 "mi-scan json" "mi-scan sarif" "mi-scan text"; do
    t=$(echo "${times[$name]}" | median)
    m=$(echo "${rss[$name]}" | median)
    printf '| %s | %s | %d |\n' "$name" "$t" "$((${m%.*} / 1024))"
done
