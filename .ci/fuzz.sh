#!/usr/bin/env bash
# Fuzzes every Jazzer @FuzzTest of the project in turn (Jazzer fuzzes one method per JVM), for DURATION each
# (default 2m), with the -Pfuzz profile. Not part of .ci/run: the regression run of the same tests (their seed
# and crash inputs) is, inside 'mvn -B verify'.
#
#   .ci/fuzz.sh [DURATION] [Class#method ...]     e.g. .ci/fuzz.sh 10m   or   .ci/fuzz.sh 30s ParserFuzzTest#jdbcUrls
#
# A crash is written by Jazzer to <module>/src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>:
# rename it after what it shows, fix the code, and commit both (the regression run then keeps it fixed). The
# script exits 1 if any target found something.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${1:-2m}
shift || true
TARGETS=("$@")
if ((${#TARGETS[@]} == 0)); then
    TARGETS=(
        scanner-core:ParserFuzzTest#connectionStrings
        scanner-core:ParserFuzzTest#sasTokens
        scanner-core:ParserFuzzTest#jdbcUrls
        scanner-core:ParserFuzzTest#properties
        scanner-core:ParserFuzzTest#classFiles
        scanner-core:ParserFuzzTest#yamlJsonAndEnv
        cli:EngineFuzzTest#bicep
        cli:EngineFuzzTest#terraform
        cli:EngineFuzzTest#armJson
        cli:EngineFuzzTest#java
        cli:EngineFuzzTest#configFiles
        cli:FixFuzzTest#pathNormaliser
        cli:FixFuzzTest#fixWriter
    )
fi

mvn -B -q install -DskipTests -pl scanner-core,rules -am >/dev/null || exit 2
mkdir -p target
failed=()
for t in "${TARGETS[@]}"; do
    module=${t%%:*}
    [[ $module == "$t" ]] && module=scanner-core
    test=${t#*:}
    echo "== fuzzing $test ($module) for $DURATION"
    if ! mvn -B -Pfuzz -pl "$module" test -Dtest="$test" -Djazzer.max_duration="$DURATION" \
            -Dsurefire.failIfNoSpecifiedTests=false > "target/fuzz-${test//#/-}.log" 2>&1; then
        failed+=("$test")
        grep -E "FuzzTestFinding|Caused by|Test unit written" "target/fuzz-${test//#/-}.log" | head -5
    fi
    grep -E "^Done [0-9]+ runs" "target/fuzz-${test//#/-}.log" | tail -1
done
rm -rf scanner-core/.cifuzz-corpus cli/.cifuzz-corpus
if ((${#failed[@]})); then
    echo "findings in: ${failed[*]} (logs: target/fuzz-*.log)"
    exit 1
fi
rm -f target/fuzz-*.log
echo "no findings"
