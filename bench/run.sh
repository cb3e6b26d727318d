#!/usr/bin/env bash
# mi-scan benchmark: throughput and memory against ripgrep, pre-commit latency, JMH microbenchmarks.
# Regenerates bench/RESULTS.md. Standalone: not part of 'mvn verify' or .ci/run (it takes ~10 minutes).
#
#   bench/run.sh [--quick] [--no-jmh] [--reps N] [--staged-reps N] [--files N] [--samples DIR] [--out FILE]
#
#   --quick        3 repetitions, 10 staged runs, short JMH runs, the small IaC module library (a smoke run)
#   --no-jmh       skip the JMH microbenchmarks (bench/jmh)
#   --reps N       repetitions of each whole-corpus run (default 5)
#   --staged-reps  repetitions of each staged-scan run (default 20)
#   --files N      files in the generated corpus (default 3000)
#   --samples DIR  also time the samples-like corpus in DIR (bench/samples-corpus.sh makes it; or SAMPLES_CORPUS), and 20
#                  copies of its Terraform, Bicep and ARM files side by side (a figure, no target)
#   --out FILE     where the results go (default bench/RESULTS.md)
#
# Environment: BENCH_WORK (scratch folder, default /tmp/mi-scan-bench), REALCORPUS (the Maven Central sources
# corpus, default /tmp/realcorpus; made with bench/realcorpus.sh when missing), MI_SCAN_JAR (time that
# jar instead of building one from this tree, e.g. an older build for a before/after comparison),
# BENCH_NOTES (a Markdown file appended to the results).
#
# Steps: 1. tools (ripgrep and GNU time from Debian when missing); 2. build and install the modules (offline
# when possible) and copy the jar to the scratch folder, so a rebuild during the run changes nothing;
# 3. corpora: the sources corpus, and bench/gen_corpus.py's IaC/config corpus (seeded: the same files every
# time, with a known number of planted keys generated at run time), bench/gen_iac_library.py's IaC module library
# (54 MB; --quick: 3 MB); 4. git repositories: one staged file in a copy of samples/ and in 15,000 files
# (bench/gen_staged_repo.py), 200 commits for history (bench/gen_history_repo.py), a ~100 MB Spring Boot fat jar
# (bench/gen_fatjar.py); 5. bench/bench.py: interleaved
# whole-process timings, and bench/guard.py --record (the regression guard's ratios); 6. JMH.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_WORK:-/tmp/mi-scan-bench}
REAL=${REALCORPUS:-/tmp/realcorpus}
SAMPLES=${SAMPLES_CORPUS:-}
OUT=$ROOT/bench/RESULTS.md
REPS=5
STAGED_REPS=20
FILES=3000
JMH=1
IAC_SIZE=large
JMH_OPTS=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
while [[ $# -gt 0 ]]; do
    case $1 in
        --quick) REPS=3; STAGED_REPS=10; IAC_SIZE=small; JMH_OPTS=(-f 1 -wi 1 -w 1s -i 3 -r 1s) ;;
        --no-jmh) JMH=0 ;;
        --reps) REPS=$2; shift ;;
        --staged-reps) STAGED_REPS=$2; shift ;;
        --files) FILES=$2; shift ;;
        --samples) SAMPLES=$(realpath "$2"); shift ;;
        --out) OUT=$(realpath -m "$2"); shift ;;
        -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

step() { printf '\n== %s\n' "$*" >&2; }

step "Tools"
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then apt-get update -q && apt-get install -y -q "${missing[@]}"; else
        echo "bench/run.sh: install ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1; fi
fi
for t in java mvn python3 git rg; do command -v "$t" >/dev/null || { echo "bench/run.sh: $t is missing" >&2; exit 1; }; done
mkdir -p "$WORK"

step "Build"
if [[ -n ${MI_SCAN_JAR:-} ]]; then
    cp -f "$MI_SCAN_JAR" "$WORK/mi-scan.jar"
    COMMIT="given jar $(basename "$MI_SCAN_JAR")"
else
    # the Maven plugin too: its benchmark runs mvn mi-scan:check from the local repository
    (cd "$ROOT" && { mvn -B -q -o install -DskipTests -Dinvoker.skip -pl scanner-core,rules,cli,maven-plugin -am \
        2>/dev/null || mvn -B -q install -DskipTests -Dinvoker.skip -pl scanner-core,rules,cli,maven-plugin -am; }) >&2
    PLUGIN=--plugin
    cp -f "$ROOT/cli/target/mi-scan.jar" "$WORK/mi-scan.jar"
    COMMIT="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [[ -n $(cd "$ROOT" && git status --porcelain --untracked-files=no 2>/dev/null) ]] && COMMIT="$COMMIT + uncommitted changes"
fi
rm -f "$WORK"/mi-scan*.jsa   # the launcher writes fresh class-data archives for this jar on its first scans
JAR=$WORK/mi-scan.jar

step "Corpora"
if [[ ! -d $REAL ]] || [[ $(find "$REAL" -maxdepth 1 -mindepth 1 -type d | wc -l) -lt 24 ]]; then
    bash "$ROOT/bench/realcorpus.sh" "$REAL" >&2
fi
GEN=$WORK/generated
python3 "$ROOT/bench/gen_corpus.py" "$GEN" --files "$FILES" --seed 9
IAC=$WORK/iac-library
python3 "$ROOT/bench/gen_iac_library.py" "$IAC" --size "$IAC_SIZE"
REAL_IAC=
if [[ -n $SAMPLES ]]; then
    # the samples' own Terraform and Bicep files and ARM JSON (not npm's or the editors' JSON), 20 copies side by
    # side: real IaC at a size where a cost that grows faster than the number of files (a lookup over every file
    # per module call) shows
    REAL_IAC=$WORK/real-iac
    rm -rf "$REAL_IAC"
    for i in $(seq 1 20); do
        mkdir -p "$REAL_IAC/$i"
        (cd "$SAMPLES" && { find . -path '*/.git' -prune -o -type f \( -name '*.tf' -o -name '*.tfvars' -o -name '*.bicep' \
            -o -name '*.bicepparam' \) -print0; find . -path '*/.git' -prune -o -type f -name '*.json' -print0 \
            | xargs -0 -r grep -lZ 'schema.management.azure.com'; } | xargs -0 -r cp --parents -t "$REAL_IAC/$i")
    done
fi

step "Staged repository"
REPO=$WORK/staged-repo
rm -rf "$REPO"
mkdir -p "$REPO"
cp -rL "$ROOT/samples" "$REPO/samples"
cp -r "$GEN/bicep" "$GEN/k8s" "$REPO/"
(
    cd "$REPO"
    export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$WORK/gitconfig
    git init -q -b main
    git add -A
    git -c user.name=bench -c user.email=bench@example.com commit -q -m corpus
    KEY=$(head -c 64 /dev/urandom | base64 -w0)
    FILE=samples/spring-boot-app/fixed/src/main/resources/application.properties
    printf 'bench.storage=DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=%s;EndpointSuffix=core.windows.net\n' \
        "$KEY" >> "$FILE"
    git add "$FILE"
    java -jar "$JAR" install-hook >/dev/null
)
LARGE_REPO=$WORK/staged-15000
python3 "$ROOT/bench/gen_staged_repo.py" "$LARGE_REPO" --files 15000 >/dev/null
(cd "$LARGE_REPO" && java -jar "$JAR" install-hook >/dev/null)
HISTORY_REPO=$WORK/history-repo
rm -rf "$HISTORY_REPO"
python3 "$ROOT/bench/gen_history_repo.py" "$HISTORY_REPO"
FATJAR=$WORK/fat/app.jar
mkdir -p "$WORK/fat"
(cd "$ROOT" && mvn -B -q -o dependency:build-classpath -pl rules -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/fat/classpath.txt") >&2
python3 "$ROOT/bench/gen_fatjar.py" "$FATJAR" --classpath "$(cat "$WORK/fat/classpath.txt")" \
    --classes "$ROOT/scanner-core/target/classes" --classes "$ROOT/rules/target/classes" \
    --classes "$ROOT/cli/target/classes" >&2

JMH_JSON=
if ((JMH)); then
    step "JMH microbenchmarks (bench/jmh)"
    (cd "$ROOT/bench/jmh" && { mvn -B -q -o package 2>/dev/null || mvn -B -q package; }) >&2
    # the first file of a sorted listing (sed reads it all: head would end sort with SIGPIPE under pipefail)
    first() { find "$1" -name "$2" "${@:3}" | sort | sed -n 1p; }
    JAVA_IN=$REAL/azure-storage-blob/com/azure/storage/blob/specialized/BlobClientBase.java
    [[ -f $JAVA_IN ]] || JAVA_IN=$(first "$REAL" '*.java' -size +100k)
    PROPS_IN=$(first "$GEN/spring" '*.properties')
    YAML_IN=$(first "$GEN/k8s" '*.yaml')
    JSON_IN=$(first "$GEN/functions" '*.json')
    BICEP_IN=$(first "$GEN/bicep" '*.bicep')
    JMH_JSON=$WORK/jmh.json
    parts=()
    run_jmh() {
        local name=$1; shift
        local params
        params=$(IFS=,; echo "$*")
        java -jar "$ROOT/bench/jmh/target/benchmarks.jar" "${JMH_OPTS[@]}" -p input="$params" \
            -rf json -rff "$WORK/jmh-$name.json" "$name" >&2
        parts+=("$WORK/jmh-$name.json")
    }
    run_jmh KeywordPrefilterBench "$JAVA_IN" "$YAML_IN"
    run_jmh RuleMatchingBench "$JAVA_IN" "$PROPS_IN" "$YAML_IN" "$JSON_IN" "$BICEP_IN"
    run_jmh ConfigViewBench "$PROPS_IN" "$YAML_IN" "$JSON_IN"
    python3 -c 'import json,sys; json.dump([b for p in sys.argv[2:] for b in json.load(open(p))], open(sys.argv[1], "w"))' \
        "$JMH_JSON" "${parts[@]}"
fi

step "Whole-process timings"
python3 "$ROOT/bench/bench.py" --root "$ROOT" --work "$WORK" --jar "$JAR" --commit "$COMMIT" \
    --real-corpus "$REAL" --generated-corpus "$GEN" --staged-repo "$REPO" --reps "$REPS" \
    --iac-library "$IAC" --staged-large-repo "$LARGE_REPO" --history-repo "$HISTORY_REPO" --fatjar "$FATJAR" \
    --staged-reps "$STAGED_REPS" ${JMH_JSON:+--jmh-json "$JMH_JSON"} ${SAMPLES:+--samples-corpus "$SAMPLES"} ${REAL_IAC:+--real-iac "$REAL_IAC"} ${PLUGIN:-} --notes "${BENCH_NOTES:-$ROOT/bench/NOTES.md}" \
    --out "$OUT"
