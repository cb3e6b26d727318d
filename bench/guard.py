#!/usr/bin/env python3
"""Performance regression guard: fails when a small benchmark's ratio to ripgrep gets more than 25 % worse than the
ratio committed in bench/RESULTS.md (written there by bench/run.sh, section "Regression guard").

    python3 bench/guard.py [--jar JAR] [--reps N] [--results FILE] [--work DIR (default: $TMPDIR/mi-scan-guard-<this checkout's id>)] [--record]

Three small benchmarks, each mi-scan (the ./mi-scan launcher, as users run it) against ripgrep with the 23 Azure
patterns (bench/azure-patterns.txt) on the same files:
  iac-library-small  bench/gen_iac_library.py --size small (40 modules, 3 MB): scan vs rg
  config-small       bench/gen_corpus.py --files 600: scan vs rg
  staged-small       bench/gen_staged_repo.py --files 1500, one staged file: scan --staged vs rg over the repository
Each runs one untimed warm-up round, then N (default 7) pairs, mi-scan and rg back to back with the order alternating,
so that a machine's load hits both alike (rg's time is the mean of three runs in a row); the ratio is the median of
the pairs' ratios. The launcher runs a copy of the jar in the work folder, with class-data archives written afresh by
the first warm-up, so that a record and a check run alike whatever ran before. A ratio over 1.25 × the committed
one is measured again with twice the pairs, and only a second failure fails the guard (exit 1): a real regression
stays, a noisy minute does not. A benchmark with no committed ratio is reported and passes.

--record prints the Markdown section that bench/run.sh puts into RESULTS.md (the ratios this guard compares with):
each benchmark measured three times, the middle ratio recorded. A check takes about a minute on two cores, a record
about three; needs java, python3, git and rg.
"""
import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATTERNS = os.path.join(ROOT, "bench", "azure-patterns.txt")
TOLERANCE = 1.25
ROW = re.compile(r"^\|\s*`guard:([\w-]+)`\s*\|\s*([0-9.]+)")


def rg(paths):
    return ["rg", "--hidden", "--no-messages", "-n", "--max-filesize", "2M", "-g", "!.git/", "-g", "!target/",
            "-g", "!build/", "-g", "!node_modules/", "-f", PATTERNS] + paths


def prepare(work, jar):
    """The corpora (made once per work folder) and the commands of each benchmark."""
    os.makedirs(work, exist_ok=True)
    iac = os.path.join(work, "iac-library-small")
    cfg = os.path.join(work, "config-small")
    repo = os.path.join(work, "staged-small")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True}
    if not os.path.isdir(iac):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_iac_library.py"), iac, "--size", "small"],
                       **quiet)
    if not os.path.isdir(cfg):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), cfg, "--files", "600",
                        "--seed", "9"], **quiet)
    if not os.path.isdir(repo):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_staged_repo.py"), repo, "--files", "1500"],
                       **quiet)
    launcher = [os.path.join(ROOT, "mi-scan")]
    out = os.path.join(work, "report.json")
    scan = lambda corpus: launcher + ["scan", corpus, "--format", "json", "--output", out, "--fail-on", "none"]
    return {
        "iac-library-small": (scan(iac), rg([iac]), None),
        "config-small": (scan(cfg), rg([cfg]), None),
        "staged-small": (launcher + ["scan", "--staged", "--fail-on", "none"], rg(["."]), repo),
    }


def wall(cmd, cwd, env):
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(bench, reps, env):
    """(median of the pairs' ratios, median mi-scan wall, median rg wall); rg's wall is the mean of 3 runs in a row,
    since a run of a few tens of milliseconds alone is at the mercy of the scheduler."""
    scan, ref, cwd = bench
    wall(scan, cwd, env)  # warm-up: the launcher's class-data archive, the page cache
    wall(ref, cwd, env)
    s, r, ratios = [], [], []
    for i in range(reps):
        if i % 2 == 0:
            s.append(wall(scan, cwd, env))
            r.append(sum(wall(ref, cwd, env) for _ in range(3)) / 3)
        else:
            r.append(sum(wall(ref, cwd, env) for _ in range(3)) / 3)
            s.append(wall(scan, cwd, env))
        ratios.append(s[-1] / r[-1])
    return statistics.median(ratios), statistics.median(s), statistics.median(r)


def committed(results):
    ratios = {}
    if os.path.exists(results):
        with open(results) as f:
            for line in f:
                m = ROW.match(line)
                if m:
                    ratios[m.group(1)] = float(m.group(2))
    return ratios


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default=os.path.join(ROOT, "cli", "target", "mi-scan.jar"))
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--results", default=os.path.join(ROOT, "bench", "RESULTS.md"))
    # outside any git work tree, as bench/run.sh's record is: inside this repository's, a scan of iac-library-small
    # took about 70 ms more, which shifted every ratio; one folder per checkout, so that two checkouts on one machine
    # (two CI jobs) never replace each other's jar or corpora
    checkout = hashlib.sha256(os.path.realpath(ROOT).encode()).hexdigest()[:12]
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "mi-scan-guard-" + checkout))
    ap.add_argument("--record", action="store_true", help="print the RESULTS.md section instead of checking")
    a = ap.parse_args()
    if not os.path.isfile(a.jar):
        print("bench/guard.py: %s is missing (mvn -B -o -q package -pl cli -am -DskipTests)" % a.jar, file=sys.stderr)
        return 2
    # A copy of the jar of its own, whose class-data archives the launcher writes on the first benchmark's warm-up:
    # the archives next to the given jar were written by whatever scan ran first (in CI, one of a folder of one
    # file), and the launcher's speed depends on what they hold; a record and a check must run alike.
    os.makedirs(a.work, exist_ok=True)
    jar = os.path.join(a.work, "mi-scan.jar")
    for stale in (jar, jar[:-4] + ".jsa", jar[:-4] + "-staged.jsa"):
        if os.path.exists(stale):
            os.remove(stale)
    shutil.copyfile(a.jar, jar)
    env = dict(os.environ, MI_SCAN_JAR=jar)
    env.pop("MI_SCAN_JAVA_OPTS", None)
    benches = prepare(a.work, jar)
    if a.record:
        print("### Regression guard (bench/guard.py)\n")
        print("Small corpora, %d pairs of mi-scan (launcher) and rg (23 patterns) back to back, after a warm-up; "
              "the median of the pairs' ratios, measured three times, the middle one recorded. `bench/guard.py` "
              "(`.ci/run`) fails when a ratio gets more than %d %% worse than the one here.\n"
              % (a.reps, round((TOLERANCE - 1) * 100)))
        print("| benchmark | ratio to rg | mi-scan | rg |\n|---|---|---|---|")
        for name, bench in benches.items():
            # the median of three measurements: one low draw recorded would make every later check tighter
            ratio, s, r = sorted((measure(bench, a.reps, env) for _ in range(3)), key=lambda m: m[0])[1]
            print("| `guard:%s` | %.2f | %.3f s | %.3f s |" % (name, ratio, s, r))
        print()
        return 0
    baseline = committed(a.results)
    failed = []
    for name, bench in benches.items():
        ratio, s, r = measure(bench, a.reps, env)
        base = baseline.get(name)
        if base is None:
            print("%-18s ratio %.2f (mi-scan %.3f s, rg %.3f s); no committed ratio in %s: not checked"
                  % (name, ratio, s, r, os.path.relpath(a.results, ROOT)))
            continue
        if ratio > base * TOLERANCE:
            print("%-18s ratio %.2f is over %.2f (committed %.2f × %.2f); measuring again" % (name, ratio,
                  base * TOLERANCE, base, TOLERANCE))
            ratio, s, r = measure(bench, a.reps * 2, env)
        verdict = "ok" if ratio <= base * TOLERANCE else "REGRESSION"
        print("%-18s ratio %.2f (mi-scan %.3f s, rg %.3f s), committed %.2f, limit %.2f: %s"
              % (name, ratio, s, r, base, base * TOLERANCE, verdict))
        if verdict != "ok":
            failed.append(name)
    if failed:
        print("bench/guard.py: slower than committed in %s: %s" % (os.path.relpath(a.results, ROOT), ", ".join(failed)))
        return 1
    print("bench/guard.py: no benchmark more than %d %% worse than committed" % round((TOLERANCE - 1) * 100))
    return 0


if __name__ == "__main__":
    sys.exit(main())
