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
python3 - "$REPO" <<'PY'
import base64, os, random, subprocess, sys
repo = sys.argv[1]
rnd = random.Random(20261205)
os.makedirs(repo)
def git(*args):
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", *args], cwd=repo,
                   check=True, stdout=subprocess.DEVNULL)
git("init", "-q", "-b", "main")
words = "order invoice customer payment queue storage blob table message retry timeout client service".split()
def line(kind):
    w = " ".join(rnd.choice(words) for _ in range(6))
    return {"java": "    // %s\n    int v%d = %d;" % (w, rnd.randrange(10**6), rnd.randrange(100)),
            "properties": "app.%s.%s=%s" % (rnd.choice(words), rnd.choice(words), w.replace(" ", "-")),
            "yaml": "%s: %s" % (rnd.choice(words) + str(rnd.randrange(1000)), w),
            "md": w.capitalize() + "."}[kind]
files = []
for i in range(1500):
    kind = ["java", "properties", "yaml", "md"][i % 4]
    path = "module%d/src/f%d.%s" % (i % 15, i, kind if kind != "yaml" else "yaml")
    os.makedirs(os.path.join(repo, os.path.dirname(path)), exist_ok=True)
    body = "\n".join(line(kind) for _ in range(rnd.randrange(20, 120)))
    if kind == "java":
        body = "class F%d {\n%s\n}" % (i, body)
    with open(os.path.join(repo, path), "w") as f:
        f.write(body + "\n")
    files.append((path, kind))
git("add", "-A")
git("commit", "-q", "-m", "initial")
keyed = []
for c in range(199):
    for path, kind in rnd.sample(files, 8):
        full = os.path.join(repo, path)
        with open(full) as f:
            text = f.read()
        if kind == "properties" and rnd.random() < 0.3:
            key = base64.b64encode(os.urandom(64)).decode()
            text += ("azure.storage.connection-string=DefaultEndpointsProtocol=https;AccountName=bench%d;"
                     "AccountKey=%s;EndpointSuffix=core.windows.net\n") % (c, key)
            keyed.append(path)
        elif kind != "java":
            text += line(kind) + "\n"
        else:
            text = text.rstrip("}\n") + "\n" + line(kind) + "\n}\n"
        with open(full, "w") as f:
            f.write(text)
    if keyed and rnd.random() < 0.3:  # a key removed again: gone at the tip, still in the history
        path = keyed.pop(0)
        full = os.path.join(repo, path)
        with open(full) as f:
            text = "".join(l for l in f.readlines() if "AccountKey=" not in l)
        with open(full, "w") as f:
            f.write(text)
    git("add", "-A")
    git("commit", "-q", "-m", "change %d" % c)
PY
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
