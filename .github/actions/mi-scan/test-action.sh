#!/usr/bin/env bash
# The action's acceptance test: runs the steps of .github/actions/mi-scan/action.yml as a runner would
# (.ci/run-action.mjs: GITHUB_ACTIONS, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, stand-ins for
# actions/cache and upload-sarif) on a small git repository with a freshly generated fake storage key and 40
# binary files, with the CLI jar of this build published as a "release" under a file:// URL with its .sha256.
#
#   .github/actions/mi-scan/test-action.sh        (needs cli/target/mi-scan.jar: mvn -B package -pl cli -am)
#   VERBOSE=1 (print each job's log, the key masked) and KEEP=1 (keep the runs' folder) help when a check fails.
#
# Checks, each printed as "ok - ..." (or "not ok - ..." and exit 1):
#   1. pull request, nothing cached: the jar is downloaded and its SHA-256 verified; the SARIF's
#      automationDetails.id is the category; ::error annotations name the file and line; the job summary holds
#      the findings table and no binary file; the job fails on the finding; the jar is saved to the cache.
#   2. the same again with the release unreachable and a fresh runner: the cached jar runs, nothing is downloaded
#      or built (mvn is a stub that fails the test when called).
#   3. a release whose .sha256 does not match: the job fails before the scan, with exactly one error line.
#   4. no category: the SARIF has no automationDetails (upload-sarif's category applies).
#   5. the action's own version: from its pom.xml; a -SNAPSHOT without a version input fails in one line.
#   6. build-from-source: true builds with Maven (the stub) instead of downloading; the jar input runs that jar.
#   7. the organisation sweep's summary (.github/actions/mi-scan-sweep-summary/sweep-summary.py) merges SARIF logs
#      into one table, and names a repository that left no log.
# No secret is printed: the planted key is only looked for, and only a yes/no is reported.
# Needs bash, node + npm (the yaml package is installed like .ci/lint-github.sh's), java, curl, git, sha256sum,
# python3.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
ROOT=$PWD
JAR=${MI_SCAN_JAR:-$ROOT/cli/target/mi-scan.jar}
YAML_VERSION=2.9.1

die() { echo "test-action: $*" >&2; exit 2; }
for tool in node npm java curl git sha256sum python3; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
[[ -f $JAR ]] || die "no $JAR: build it first (mvn -B -q package -pl cli -am -DskipTests)"

CACHE=${MI_SCAN_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mi-scan-ci}/github-lint
NM=$CACHE/node_modules
if [[ ! -f $NM/yaml/package.json ]] || [[ $(node -p "require('$NM/yaml/package.json').version") != "$YAML_VERSION" ]]; then
    echo "test-action: installing yaml@$YAML_VERSION into $CACHE" >&2
    mkdir -p "$CACHE"
    npm install --prefix "$CACHE" --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error \
        --update-notifier=false "yaml@$YAML_VERSION" >&2 || die "npm install failed"
fi
export MI_SCAN_CI_NODE_MODULES=$NM

WORK=$(mktemp -d)
if [[ -n ${KEEP:-} ]]; then echo "test-action: keeping $WORK" >&2; else trap 'rm -rf "$WORK"' EXIT; fi
failures=0
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; failures=$((failures + 1)); }
check() { # DESCRIPTION COMMAND...: ok when the command succeeds
    local what=$1
    shift
    if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# --- the action as a user's workflow gets it: a checkout of the repository at a release (pom version 9.9.9)
ACTION_REPO=$WORK/mi-scan-9.9.9
mkdir -p "$ACTION_REPO/.github/actions"
cp -R "$ROOT/.github/actions/mi-scan" "$ACTION_REPO/.github/actions/"
sed 's|^  <version>[^<]*</version>|  <version>9.9.9</version>|' "$ROOT/pom.xml" > "$ACTION_REPO/pom.xml"
SNAPSHOT_REPO=$WORK/mi-scan-main
mkdir -p "$SNAPSHOT_REPO/.github/actions"
cp -R "$ROOT/.github/actions/mi-scan" "$SNAPSHOT_REPO/.github/actions/"
sed 's|^  <version>[^<]*</version>|  <version>9.9.10-SNAPSHOT</version>|' "$ROOT/pom.xml" > "$SNAPSHOT_REPO/pom.xml"

# --- the releases: v9.9.9 is this build's jar and its checksum; v9.9.8's checksum is not its jar's
mkdir -p "$WORK/releases/v9.9.9" "$WORK/releases/v9.9.8"
cp "$JAR" "$WORK/releases/v9.9.9/mi-scan.jar"
(cd "$WORK/releases/v9.9.9" && sha256sum mi-scan.jar > mi-scan.jar.sha256)
cp "$JAR" "$WORK/releases/v9.9.8/mi-scan.jar"
printf 'tampered' >> "$WORK/releases/v9.9.8/mi-scan.jar"
cp "$WORK/releases/v9.9.9/mi-scan.jar.sha256" "$WORK/releases/v9.9.8/"
URL="file://$WORK/releases/v{version}/mi-scan.jar"

# --- mvn: a stub that records each call; with BUILD_OK it "builds" by copying the jar where Maven would put it
mkdir -p "$WORK/bin"
cat > "$WORK/bin/mvn" <<EOF
#!/usr/bin/env bash
echo "mvn \$*" >> "$WORK/mvn-calls"
[[ -n \${BUILD_OK:-} ]] || { echo "mvn stub: no build expected here" >&2; exit 1; }
pom=
while [[ \$# -gt 0 ]]; do [[ \$1 == -f ]] && pom=\$2; shift; done
mkdir -p "\$(dirname "\$pom")/cli/target"
cp "$JAR" "\$(dirname "\$pom")/cli/target/mi-scan.jar"
EOF
chmod +x "$WORK/bin/mvn"
export PATH=$WORK/bin:$PATH

# --- the repository under test: one planted key (generated now, never printed) and 40 binary files
WS=$WORK/workspace
mkdir -p "$WS/app/src/main/resources" "$WS/assets"
KEY=$(head -c 64 /dev/urandom | base64 -w0)
printf 'spring.application.name=orders\nspring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=%s;EndpointSuffix=core.windows.net\n' \
    "$KEY" > "$WS/app/src/main/resources/application.properties"
for i in $(seq 1 40); do
    { printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR'; head -c 64 /dev/urandom; } > "$WS/assets/icon-$i.png"
done
git -C "$WS" init -q -b main
git -C "$WS" -c user.name=t -c user.email=t@example.invalid add -A
git -C "$WS" -c user.name=t -c user.email=t@example.invalid commit -q -m "orders app"

# run_action NAME ACTION_DIR INPUTS_JSON: a job on a fresh runner (new RUNNER_TEMP and tool cache, same cache service)
run_action() {
    local name=$1 action=$2 inputs=$3
    local dir=$WORK/runs/$name
    mkdir -p "$dir"
    rm -rf "$WORK/runner"
    mkdir -p "$WORK/runner/temp" "$WORK/runner/tool-cache"
    rm -f "$WS/mi-scan.sarif" "$WORK/mvn-calls"
    cat > "$dir/config.json" <<EOF
{"action": "$action", "workspace": "$WS", "inputs": $inputs,
 "github": {"event_name": "pull_request", "repository": "octo/orders"},
 "cache": "$WORK/cache-service", "uploads": "$dir/uploads.jsonl", "result": "$dir/result.json"}
EOF
    mkdir -p "$WORK/cache-service"
    : > "$dir/summary.md"
    local rc=0
    RUNNER_TEMP=$WORK/runner/temp RUNNER_TOOL_CACHE=$WORK/runner/tool-cache GITHUB_STEP_SUMMARY=$dir/summary.md \
        node "$ROOT/.ci/run-action.mjs" "$dir/config.json" > "$dir/log" 2>&1 || rc=$?
    echo "$rc" > "$dir/rc"
    if [[ -f $WS/mi-scan.sarif ]]; then cp "$WS/mi-scan.sarif" "$dir/mi-scan.sarif"; fi
    if [[ -n ${VERBOSE:-} ]]; then sed "s|$KEY|<the key>|g" "$dir/log"; fi
}

json() { # FILE EXPRESSION(j): prints the value, "" when absent
    node -e 'let v; try { const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); v = ('"$2"'); }
             catch (e) { v = "(" + e.code + ")"; } console.log(v ?? "")' "$1" 2>/dev/null
}
step_outcome() { json "$WORK/runs/$1/result.json" "j.steps.find(s => s.name === '$2')?.outcome"; }
no_key_in() { ! grep -q -F -e "${KEY:0:16}" -e "${KEY: -16}" "$@"; }
lines() { grep -c -E "$2" "$1" || true; }

# 1. a pull request, nothing cached
run_action first "$ACTION_REPO/.github/actions/mi-scan" \
    "{\"category\": \"mi-scan-test\", \"download-url\": \"$URL\"}"
R=$WORK/runs/first
check "1: the job fails on the finding (exit-code output 1)" \
    test "$(cat "$R/rc")" = 1 -a "$(json "$R/result.json" 'j.outputs["exit-code"]')" = 1
check "1: the release jar was downloaded and its SHA-256 verified" \
    grep -q -e "mi-scan 9.9.9: downloading file://" -e "SHA-256 [0-9a-f]* verified" "$R/log"
check "1: the SARIF's automationDetails.id is the category" \
    test "$(json "$R/mi-scan.sarif" 'j.runs[0].automationDetails?.id')" = "mi-scan-test/"
check "1: upload-sarif got the SARIF and the category" \
    test "$(json "$R/uploads.jsonl" 'j.category')" = "mi-scan-test"
check "1: an ::error annotation names the file, line and column" \
    grep -q -E '^::error file=app/src/main/resources/application\.properties,line=2,endLine=2,col=[0-9]+,endColumn=[0-9]+,title=MI-STORAGE-CONNSTR::' "$R/log"
check "1: the step summary has the findings table with the finding" \
    grep -q -F -e '| Level | Rule | Location | Message |' "$R/summary.md"
check "1: ... whose row is the error at application.properties:2" \
    grep -q -E '^\| error \| MI-STORAGE-CONNSTR \| app/src/main/resources/application\.properties:2 \| ' "$R/summary.md"
check "1: ... and counts the 40 binary files without naming one" \
    bash -c 'grep -q "40 binary" "$1" && ! grep -q "\.png" "$1"' _ "$R/summary.md"
check "1: the jar was saved to the cache" grep -q "Cache saved with key: mi-scan-jar-9.9.9-" "$R/log"
check "1: Maven was not run" test ! -e "$WORK/mvn-calls"
check "1: no piece of the key in the log, the summary or the SARIF" no_key_in "$R/log" "$R/summary.md" "$R/mi-scan.sarif"

# 2. the same job later: the release is unreachable, the runner is fresh, the cache service has the jar
mv "$WORK/releases" "$WORK/releases-offline"
run_action second "$ACTION_REPO/.github/actions/mi-scan" \
    "{\"category\": \"mi-scan-test\", \"download-url\": \"$URL\"}"
R=$WORK/runs/second
check "2: the jar came from the cache" grep -q "Cache restored from key: mi-scan-jar-9.9.9-" "$R/log"
check "2: ... and ran, verified, without a download or a build" \
    bash -c 'grep -q "mi-scan 9.9.9: the cached jar" "$1" && ! grep -q "downloading" "$1" && test ! -e "$2"' \
    _ "$R/log" "$WORK/mvn-calls"
check "2: the scan ran: same annotation, same category, job failed on the finding" \
    bash -c 'grep -q "^::error file=app/src/main/resources/application.properties,line=2," "$1" && test "$(cat "$2")" = 1' \
    _ "$R/log" "$R/rc"
check "2: the SARIF's automationDetails.id is still the category" \
    test "$(json "$R/mi-scan.sarif" 'j.runs[0].automationDetails?.id')" = "mi-scan-test/"
check "2: the cache is not saved again" test "$(step_outcome second 'Save the mi-scan jar to the cache')" = skipped
mv "$WORK/releases-offline" "$WORK/releases"

# 3. a jar that does not match its checksum
run_action mismatch "$ACTION_REPO/.github/actions/mi-scan" "{\"version\": \"9.9.8\", \"download-url\": \"$URL\"}"
R=$WORK/runs/mismatch
check "3: a wrong checksum fails the job before the scan" \
    test "$(cat "$R/rc")" = 1 -a "$(step_outcome mismatch 'Get mi-scan')" = failure -a "$(step_outcome mismatch Scan)" = skipped
check "3: ... with exactly one error line, which says so" \
    bash -c '[[ $(grep -c "^::error" "$1") == 1 ]] && grep -q "^::error title=mi-scan::SHA-256 mismatch for file://.*/v9.9.8/mi-scan.jar: expected [0-9a-f]\{64\}, got [0-9a-f]\{64\}; the jar was not run$" "$1"' \
    _ "$R/log"
check "3: ... and nothing is cached for it" bash -c '! ls "$1" | grep -q "mi-scan-jar-9.9.8"' _ "$WORK/cache-service"
run_action pinned "$ACTION_REPO/.github/actions/mi-scan" \
    "{\"download-url\": \"$URL\", \"sha256\": \"$(printf '0%.0s' $(seq 1 64))\"}"
check "3: a pinned sha256 that the jar does not have fails the same way" \
    bash -c '[[ $(grep -c "^::error" "$1") == 1 ]] && grep -q "^::error title=mi-scan::SHA-256 mismatch .*expected 0\{64\}" "$1"' \
    _ "$WORK/runs/pinned/log"

# 4. no category: upload-sarif's own applies
run_action nocategory "$ACTION_REPO/.github/actions/mi-scan" "{\"category\": \"\", \"download-url\": \"$URL\"}"
R=$WORK/runs/nocategory
check "4: without a category the SARIF has no automationDetails" \
    test "$(json "$R/mi-scan.sarif" '"automationDetails" in j.runs[0]')" = false
check "4: two categories give two ids (mi-scan-test/ above, none here)" \
    test "$(json "$WORK/runs/first/mi-scan.sarif" 'j.runs[0].automationDetails.id')" != "$(json "$R/mi-scan.sarif" 'j.runs[0].automationDetails?.id')"

# 5. the default version and URL
run_action snapshot "$SNAPSHOT_REPO/.github/actions/mi-scan" "{}"
R=$WORK/runs/snapshot
check "5: a -SNAPSHOT action without a version fails in one line that says what to set" \
    bash -c '[[ $(grep -c "^::error" "$1") == 1 ]] && grep -q "^::error title=mi-scan::this action (ref .local., version 9.9.10-SNAPSHOT) has no released jar: set .version. to a release, e.g. 0.1.0, or .build-from-source: true.$" "$1"' \
    _ "$R/log"
# (through a proxy that refuses every connection: nothing leaves this machine, and the failure is immediate)
https_proxy=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 run_action default-url "$ACTION_REPO/.github/actions/mi-scan" "{}"
R=$WORK/runs/default-url
check "5: the default version is the action's pom.xml's, and the default URL the GitHub release's" \
    grep -q "mi-scan 9.9.9: downloading https://github.com/mi-scan/mi-scan/releases/download/v9.9.9/mi-scan.jar$" "$R/log"
check "5: ... and a download that fails is one error line naming the URL" \
    bash -c '[[ $(grep -c "^::error" "$1") == 1 ]] && grep -q "^::error title=mi-scan::cannot download https://github.com/mi-scan/mi-scan/releases/download/v9.9.9/mi-scan.jar: " "$1"' \
    _ "$R/log"

# 6. build from source (the mvn stub builds)
BUILD_OK=1 run_action source "$ACTION_REPO/.github/actions/mi-scan" "{\"build-from-source\": \"true\"}"
R=$WORK/runs/source
check "6: build-from-source runs Maven on the action's checkout and scans with what it built" \
    bash -c 'grep -q -- "-f .*/mi-scan-9.9.9/pom.xml -pl cli -am package" "$1" && ! grep -q downloading "$2" && test "$(cat "$3")" = 1' \
    _ "$WORK/mvn-calls" "$R/log" "$R/rc"

run_action jar "$ACTION_REPO/.github/actions/mi-scan" "{\"jar\": \"$JAR\"}"
R=$WORK/runs/jar
check "6: the jar input runs that jar: no download, no build" \
    bash -c '! grep -q downloading "$1" && test ! -e "$2" && test "$(cat "$3")" = 1 && grep -q "^::error file=" "$1"' \
    _ "$R/log" "$WORK/mvn-calls" "$R/rc"

# 7. the sweep's table (.github/actions/mi-scan-sweep-summary): one folder per repository, as the artifacts download
SWEEP=$WORK/sweep
mkdir -p "$SWEEP/mi-scan-sweep-octo--orders" "$SWEEP/mi-scan-sweep-octo--clean" "$WORK/empty"
cp "$WORK/runs/first/mi-scan.sarif" "$SWEEP/mi-scan-sweep-octo--orders/mi-scan.sarif"
echo '{"repository": "octo/orders", "uploaded": "yes"}' > "$SWEEP/mi-scan-sweep-octo--orders/mi-scan-sweep.json"
java -jar "$JAR" scan "$WORK/empty" --format sarif --output "$SWEEP/mi-scan-sweep-octo--clean/mi-scan.sarif" >/dev/null 2>&1
echo '{"repository": "octo/clean", "uploaded": "no"}' > "$SWEEP/mi-scan-sweep-octo--clean/mi-scan-sweep.json"
rc=0
python3 "$ROOT/.github/actions/mi-scan-sweep-summary/sweep-summary.py" \
    --repositories '["octo/orders", "octo/clean", "octo/private"]' "$SWEEP" > "$WORK/sweep.md" 2>&1 || rc=$?
check "7: the sweep summary is one table: repository, errors, warnings, notes, top rules, code scanning" \
    bash -c '[[ $2 == 0 ]] && grep -q -F "| Repository | Errors | Warnings | Notes | Top rules | Code scanning |" "$1"' _ "$WORK/sweep.md" "$rc"
check "7: ... a row per repository: findings first, then clean, then the one without a report, then the total" \
    bash -c 'grep "^| " "$1" | tail -n 4 | diff - <(printf "%s\n" \
        "| octo/orders | 1 | 0 | 0 | MI-STORAGE-CONNSTR (1) | uploaded |" \
        "| octo/clean | 0 | 0 | 0 |  | not uploaded: artifact only |" \
        "| octo/private | | | | no report: the scan job failed (see its log) | |" \
        "| **Total** | **1** | **0** | **0** | | |") >/dev/null' _ "$WORK/sweep.md"
check "7: ... and no piece of the key" no_key_in "$WORK/sweep.md"

if [[ $failures -gt 0 ]]; then
    echo "test-action: $failures check(s) failed; the logs: rerun with VERBOSE=1" >&2
    exit 1
fi
echo "test-action: all checks passed"
