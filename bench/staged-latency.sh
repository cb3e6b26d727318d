#!/usr/bin/env bash
# Staged-scan latency: what the pre-commit hook costs on a small change.
#
#   bench/staged-latency.sh [RUNS]        (default 30 runs per variant, after 3 warm-up runs)
#
# Builds cli/target/mi-scan.jar if it is missing, makes a throw-away repository holding a copy of samples/
# (about 40 files), stages a one-file change that adds a storage key (generated here, random), and times
# 'scan --staged' (exit code 1: the key is found) in three JVM set-ups:
#   default      java -jar mi-scan.jar
#   tuned        java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar …   (no class-data sharing archive)
#   hook         .git/hooks/pre-commit written by 'mi-scan install-hook': tuned + an AppCDS archive
#                (-XX:ArchiveClassesAtExit on its first run, -XX:SharedArchiveFile afterwards)
# Uses hyperfine when installed (apt-get install hyperfine), else a loop timing each run with date.
set -euo pipefail

RUNS=${1:-30}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/cli/target/mi-scan.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [[ ! -f $JAR ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests package -pl cli -am) >&2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
REPO=$WORK/repo
mkdir -p "$REPO"
cp -r "$ROOT/samples" "$REPO/samples"
cd "$REPO"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$WORK/gitconfig
git init -q -b main
git -c user.name=bench -c user.email=bench@example.com add -A
git -c user.name=bench -c user.email=bench@example.com commit -q -m "samples"
KEY=$(head -c 64 /dev/urandom | base64 -w0)
FILE=samples/spring-boot-app/fixed/src/main/resources/application.properties
printf 'bench.storage=DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=%s;EndpointSuffix=core.windows.net\n' \
    "$KEY" >> "$FILE"
git add "$FILE"
"$JAVA" -jar "$JAR" install-hook >/dev/null
sh .git/hooks/pre-commit >/dev/null 2>&1 || true   # first run writes the class-data sharing archive

echo "files in the repository: $(git ls-files | wc -l); staged: $(git diff --cached --name-only | wc -l) file, +1 line"
echo "machine: $(nproc) cores, $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
DEFAULT="$JAVA -jar $JAR scan --staged"
TUNED="$JAVA -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $JAR scan --staged"
HOOK="sh .git/hooks/pre-commit"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -i --warmup 3 --runs "$RUNS" --export-markdown "$WORK/results.md" \
        -n default "$DEFAULT" -n tuned "$TUNED" -n hook "$HOOK" >&2
    cat "$WORK/results.md"
else
    for variant in default tuned hook; do
        case $variant in default) cmd=$DEFAULT ;; tuned) cmd=$TUNED ;; hook) cmd=$HOOK ;; esac
        times=()
        for ((i = 0; i < RUNS + 3; i++)); do
            start=$(date +%s%N)
            $cmd >/dev/null 2>&1 || true
            end=$(date +%s%N)
            ((i >= 3)) && times+=($(((end - start) / 1000000)))
        done
        sorted=$(printf '%s\n' "${times[@]}" | sort -n)
        echo "$variant: median $(sed -n "$(((RUNS + 1) / 2))p" <<<"$sorted") ms, min $(head -1 <<<"$sorted") ms," \
            "max $(tail -1 <<<"$sorted") ms over $RUNS runs"
    done
fi
