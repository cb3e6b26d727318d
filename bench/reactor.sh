#!/usr/bin/env bash
# The Maven plugin in a large reactor: what 'mvn mi-scan:check' costs per module, and whether the reactor's report
# grows with the square of the modules (issue "faster than grep", seventh round).
#
#   bench/reactor.sh [MODULES...]      (default 100 200 400; 10 findings per module)
#
# Makes a reactor of MODULES pom modules under a parent, each with 10 Java files that authenticate with a storage key
# from the environment (one warning each: no secret in the tree), and times 'mvn -B -o mi-scan:check
# -Dmi-scan.failOn=none' against the same build with -Dmi-scan.skip (Maven's own cost), 3 alternating runs each,
# medians. The plugin is the one installed in the local repository (mvn install); MAVEN_ARGS adds options (e.g.
# -Dmaven.repo.local=... to time another build of it). Prints one row per size with the aggregate's result count.
set -euo pipefail

SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(100 200 400)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$ROOT/pom.xml" | head -1)
PLUGIN=dev.miscan:mi-scan-maven-plugin:$VERSION
for t in python3 mvn git; do
    command -v "$t" >/dev/null || { echo "bench/reactor.sh: $t is missing" >&2; exit 1; }
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# shellcheck disable=SC2086
run() { # directory, extra options...: wall seconds
    local dir=$1; shift
    local s e
    s=$(date +%s.%N)
    (cd "$dir" && mvn -B -o -q ${MAVEN_ARGS:-} "$PLUGIN:check" -Dmi-scan.failOn=none "$@" >"$WORK/log" 2>&1) || {
        echo "bench/reactor.sh: the build failed:" >&2; tail -20 "$WORK/log" >&2; exit 1; }
    e=$(date +%s.%N)
    echo "$e - $s" | bc
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

printf '| modules | findings | mi-scan:check | with -Dmi-scan.skip | the plugin | per module | aggregate results |\n'
printf '|---|---|---|---|---|---|---|\n'
for n in "${SIZES[@]}"; do
    dir=$WORK/reactor-$n
    python3 - "$dir" "$n" "$VERSION" <<'PY'
import os, sys
root, n, version = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(root)
modules = "".join("<module>m%d</module>" % i for i in range(n))
with open(os.path.join(root, "pom.xml"), "w") as f:
    f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
            '<groupId>bench</groupId><artifactId>reactor</artifactId><version>1</version><packaging>pom</packaging>'
            '<modules>%s</modules><build><plugins><plugin><groupId>dev.miscan</groupId>'
            '<artifactId>mi-scan-maven-plugin</artifactId><version>%s</version></plugin></plugins></build>'
            '</project>\n' % (modules, version))
for i in range(n):
    src = os.path.join(root, "m%d" % i, "src", "main", "java", "m%d" % i)
    os.makedirs(src)
    with open(os.path.join(root, "m%d" % i, "pom.xml"), "w") as f:
        f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                '<parent><groupId>bench</groupId><artifactId>reactor</artifactId><version>1</version></parent>'
                '<artifactId>m%d</artifactId><packaging>pom</packaging></project>\n' % i)
    for j in range(10):
        with open(os.path.join(src, "Blob%d.java" % j), "w") as f:
            f.write("package m%d;\n\nimport com.azure.storage.common.StorageSharedKeyCredential;\n\n"
                    "class Blob%d {\n    StorageSharedKeyCredential credential(String account) {\n"
                    "        return new StorageSharedKeyCredential(account, System.getenv(\"STORAGE_KEY\"));\n"
                    "    }\n}\n" % (i, j))
PY
    git init -q "$dir"
    run "$dir" -Dmi-scan.skip >/dev/null # a warm-up round
    checks=() skips=()
    for _ in 1 2 3; do
        checks+=("$(run "$dir")")
        skips+=("$(run "$dir" -Dmi-scan.skip)")
    done
    check=$(median "${checks[@]}")
    skip=$(median "${skips[@]}")
    results=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' \
        "$dir/target/mi-scan.sarif")
    printf '| %d | %d | %.2f s | %.2f s | %.2f s | %.0f ms | %d |\n' "$n" "$((n * 10))" "$check" "$skip" \
        "$(echo "$check - $skip" | bc)" "$(echo "($check - $skip) * 1000 / $n" | bc -l)" "$results"
    rm -rf "$dir"
done
