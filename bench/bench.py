#!/usr/bin/env python3
"""Times mi-scan against ripgrep on the benchmark corpora and writes bench/RESULTS.md. Run by bench/run.sh,
which builds the jar and the corpora first; see there for the knobs.

Every measurement is a whole process, started the way a user starts it, timed with a monotonic clock and
run under /usr/bin/time -v for its peak RSS. Commands of one corpus are interleaved (A B C, A B C, ...)
after one untimed warm-up round, so drift on a shared machine hits all of them alike; the table gives the
median and the spread (min-max) of the repetitions.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

TARGET_RATIO = 0.9            # issue 20: the sources corpus, launcher to rg (23 patterns)
TARGET_RSS_MB = 256           # issue 20: the launcher's peak RSS on the sources corpus
TARGET_JAVA_RSS_MB = 512      # issue 20: java -jar with the JVM's default options
TARGET_STAGED_S = 0.5
TARGET_IAC_RATIO = 1.2        # issue 20: the generated IaC module library, launcher to rg (23 patterns)
TARGET_STAGED_LARGE_S = 0.35  # issue 20: scan --staged in the 15,000-file repository, with the installed hook
TARGET_HISTORY_RATIO = 1.1    # issue 20: history of 200 commits against a scan of the tip
TARGET_PLUGIN_RSS_MB = 512    # issue 20: Maven's process running mi-scan:check on the sources corpus
TARGET_SAMPLES_RATIO = 1.2    # issue 20: the samples-like Java and configuration corpus, launcher to rg (23 patterns)


def run_timed(cmd, cwd=None, env=None, stdout_path=None):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS in MB, exit code)."""
    tfile = os.path.join(ARGS.work, ".time-v.txt")
    out = open(stdout_path or os.devnull, "wb")
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile] + cmd, cwd=cwd, env=env, stdout=out,
                       stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    out.close()
    rss_kb = 0
    with open(tfile) as f:
        for line in f:
            if "Maximum resident set size" in line:
                rss_kb = int(line.rsplit(":", 1)[1])
    return wall, rss_kb / 1024.0, p.returncode


def tree_size(root):
    files = 0
    size = 0
    for d, dirs, names in os.walk(root):
        dirs[:] = [x for x in dirs if x not in (".git", "target", "build", "node_modules")]
        for n in names:
            p = os.path.join(d, n)
            if os.path.isfile(p) and not os.path.islink(p):
                files += 1
                size += os.path.getsize(p)
    return files, size


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def interleave(commands, reps, warmup=1):
    """commands: list of (label, argv, kwargs). Returns {label: {"wall": [...], "rss": [...], "rc": set()}}."""
    res = {label: {"wall": [], "rss": [], "rc": set()} for label, _, _ in commands}
    for r in range(warmup + reps):
        for label, argv, kw in commands:
            wall, rss, rc = run_timed(argv, **kw)
            if r >= warmup:
                res[label]["wall"].append(wall)
                res[label]["rss"].append(rss)
                res[label]["rc"].add(rc)
        print("  round %d/%d done" % (r + 1, warmup + reps), file=sys.stderr)
    return res


def rg_cmd(patterns, corpus):
    # the same files as mi-scan: hidden files too, the same folders skipped, the same 2 MB cap
    return ["rg", "--hidden", "--no-messages", "-n", "--max-filesize", "2M", "-g", "!.git/", "-g", "!target/",
            "-g", "!build/", "-g", "!node_modules/", "-f", patterns, corpus]


def scan_variants(corpus, out_json):
    launcher = os.path.join(ARGS.root, "mi-scan")
    env = dict(os.environ, MI_SCAN_JAR=ARGS.jar)
    env.pop("MI_SCAN_JAVA_OPTS", None)
    scan = ["scan", corpus, "--format", "json", "--output", out_json, "--fail-on", "none"]
    return [
        ("mi-scan (./mi-scan launcher)", [launcher] + scan, {"env": env}),
        ("mi-scan (java -jar, JVM defaults)", ["java", "-jar", ARGS.jar] + scan, {}),
    ]


def corpus_block(title, corpus, reps, manifest=None):
    files, size = tree_size(corpus)
    print("%s: %d files, %.1f MB" % (title, files, size / 1e6), file=sys.stderr)
    out_json = os.path.join(ARGS.work, "scan-%s.json" % re.sub(r"\W+", "-", title.lower()))
    rg_out = os.path.join(ARGS.work, "rg-out.txt")
    commands = scan_variants(corpus, out_json)
    commands += [
        ("rg, 23 Azure patterns", rg_cmd(os.path.join(ARGS.root, "bench", "azure-patterns.txt"), corpus),
         {"stdout_path": rg_out}),
        ("rg, 16 literal-first patterns",
         rg_cmd(os.path.join(ARGS.root, "bench", "azure-patterns-literal-first.txt"), corpus), {"stdout_path": rg_out}),
    ]
    subprocess.run(["sh", "-c", "find \"$1\" -type f -exec cat {} + > /dev/null", "sh", corpus])  # warm the cache
    res = interleave(commands, reps)
    # findings of the last scan, matches of rg's natural set
    with open(out_json) as f:
        report = json.load(f)
    findings = report["findings"]
    rg_lines = subprocess.run(rg_cmd(os.path.join(ARGS.root, "bench", "azure-patterns.txt"), corpus),
                              stdout=subprocess.PIPE).stdout.count(b"\n")
    rg_ref = median(res["rg, 23 Azure patterns"]["wall"])
    rows = []
    for label, _, _ in commands:
        w = res[label]["wall"]
        m = median(w)
        rows.append("| %s | %.2f s (%.2f–%.2f) | %.0f MB/s | %.0f files/s | %.2f | %.0f MB |"
                    % (label, m, min(w), max(w), size / 1e6 / m, files / m, m / rg_ref, max(res[label]["rss"])))
    lines = ["### %s" % title, "",
             "%d files, %.1f MB (%s). %d repetitions after a warm-up round, interleaved; wall time median (min–max)."
             % (files, size / 1e6, corpus, reps), "",
             "| command | wall | throughput | files/s | ratio to rg (23 patterns) | peak RSS |",
             "|---|---|---|---|---|---|"] + rows + [""]
    warnings = report.get("warnings", [])
    lines.append("mi-scan: %d findings, %d files scanned, %d warnings; rg (23 patterns): %d matching lines."
                 % (len(findings), report["summary"].get("filesScanned", -1) if isinstance(report.get("summary"), dict)
                    else -1, len(warnings), rg_lines))
    heads = []
    for d in sorted(os.listdir(corpus)):
        head = subprocess.run(["git", "-C", os.path.join(corpus, d), "rev-parse", "--short", "HEAD"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
        if head and os.path.isdir(os.path.join(corpus, d, ".git")):
            heads.append("%s %s" % (d, head))
    if heads:
        lines.append("")
        lines.append("Repositories (commit): %s." % ", ".join(heads))
    if manifest:
        planted = {(p["path"], p["line"]): p for p in manifest["planted"]}
        base = os.path.relpath(corpus, report.get("baseDir") or corpus)
        hit, wrong_rule, extra = set(), 0, 0
        for f in findings:
            path = os.path.relpath(os.path.join(report.get("baseDir") or "", f["path"]), corpus)
            key = (path, f["startLine"])
            if key in planted:
                hit.add(key)
                wrong_rule += planted[key]["rule"] != f["ruleId"]
            else:
                extra += 1
        lines.append("")
        lines.append("Planted credentials: %d; found by mi-scan: %d (%d with another rule than expected); "
                     "findings outside the planted lines: %d." % (len(planted), len(hit), wrong_rule, extra))
        RESULT["planted_ok"] = len(hit) == len(planted) and extra == 0 and wrong_rule == 0
    lines.append("")
    return lines, res, size, files


def staged_block(reps, repo=None, title="Staged scan (pre-commit) latency"):
    repo = repo or ARGS.staged_repo
    launcher = os.path.join(ARGS.root, "mi-scan")
    env = dict(os.environ, MI_SCAN_JAR=ARGS.jar)
    env.pop("MI_SCAN_JAVA_OPTS", None)
    changed = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=repo, stdout=subprocess.PIPE,
                             text=True).stdout.split()
    tracked = subprocess.run(["git", "ls-files"], cwd=repo, stdout=subprocess.PIPE, text=True).stdout.count("\n")
    commands = [
        ("./mi-scan scan --staged (launcher)", [launcher, "scan", "--staged"], {"cwd": repo, "env": env}),
        (".git/hooks/pre-commit (mi-scan install-hook)", ["sh", ".git/hooks/pre-commit"], {"cwd": repo}),
        ("java -jar mi-scan.jar scan --staged (JVM defaults)", ["java", "-jar", ARGS.jar, "scan", "--staged"],
         {"cwd": repo}),
        ("rg, 23 patterns, on the staged file", ["rg", "-n", "-f", os.path.join(ARGS.root, "bench", "azure-patterns.txt")]
         + changed, {"cwd": repo}),
    ]
    res = interleave(commands, reps, warmup=2)
    rows = []
    for label, _, _ in commands:
        w = res[label]["wall"]
        rows.append("| %s | %.3f s | %.3f–%.3f s | %.0f MB | %s |" % (label, median(w), min(w), max(w),
                    max(res[label]["rss"]), ",".join(str(c) for c in sorted(res[label]["rc"]))))
    lines = ["### %s" % title, "",
             "A git repository of %d tracked files with one staged file that adds a storage account key "
             "(generated at run time); %d repetitions after two warm-up rounds, interleaved. Exit code 1 means the "
             "key was found." % (tracked, reps), "",
             "| command | median | min–max | peak RSS | exit code |", "|---|---|---|---|---|"] + rows + [""]
    return lines, res


def hwm_mb(pid):
    """VmHWM (peak resident set) of a live process in MB, or 0."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def children(pid):
    out = []
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def plugin_run(cmd, cwd):
    """Runs Maven; returns (wall, Maven's peak RSS, the largest child JVM's peak RSS, exit code) by polling /proc."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    maven, child = 0.0, 0.0
    while p.poll() is None:
        jvm = p.pid
        # 'mvn' execs Java; a wrapper shell would leave Java as its child
        if not os.path.exists("/proc/%d/exe" % jvm) or "java" not in os.path.basename(os.readlink("/proc/%d/exe" % jvm)):
            kids = children(jvm)
            jvm = kids[0] if kids else jvm
        maven = max(maven, hwm_mb(jvm))
        for c in children(jvm):
            child = max(child, hwm_mb(c))
        time.sleep(0.05)
    return time.perf_counter() - start, maven, child, p.returncode


def plugin_block(reps):
    """mvn mi-scan:check on the sources corpus: Maven's process and the scan's forked JVM, peak RSS each."""
    project = os.path.join(ARGS.work, "plugin-project")
    if not os.path.isdir(os.path.join(project, "corpus")):
        os.makedirs(project, exist_ok=True)
        subprocess.run(["cp", "-al", ARGS.real_corpus, os.path.join(project, "corpus")], check=True)
    with open(os.path.join(ARGS.root, "pom.xml")) as f:
        version = re.search(r"<artifactId>mi-scan-parent</artifactId>\s*<version>([^<]+)</version>", f.read())
    version = version.group(1) if version else "0.1.0-SNAPSHOT"
    with open(os.path.join(project, "pom.xml"), "w") as f:
        f.write("""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>plugin-project</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.miscan</groupId><artifactId>mi-scan-maven-plugin</artifactId><version>%s</version>
    <configuration><failOn>none</failOn></configuration>
  </plugin></plugins></build>
</project>
""" % version)
    variants = [("mvn mi-scan:check (fork: auto, the default)", []),
                ("mvn mi-scan:check -Dmi-scan.fork=never (the scan in Maven's JVM)", ["-Dmi-scan.fork=never"])]
    res = {label: [] for label, _ in variants}
    for r in range(reps + 1):
        for label, extra in variants:
            run = plugin_run(["mvn", "-B", "-o", "-q"] + extra + ["mi-scan:check"], project)
            if r > 0:
                res[label].append(run)
    rows = []
    for label, _ in variants:
        runs = res[label]
        rows.append("| %s | %.2f s | %.0f MB | %s | %s |" % (
            label, median([x[0] for x in runs]), max(x[1] for x in runs),
            "%.0f MB" % max(x[2] for x in runs) if any(x[2] for x in runs) else "(none)",
            ",".join(sorted(set(str(x[3]) for x in runs)))))
    lines = ["### Maven plugin on the sources corpus", "",
             "`mvn -B -o -q mi-scan:check` in a pom-only project holding the sources corpus (hard links), Maven's JVM "
             "with its defaults; %d repetitions after a warm-up round, interleaved. Peak RSS of Maven's process and of "
             "the scan's own JVM, each read from /proc (VmHWM) while it runs." % reps, "",
             "| command | wall (median) | Maven's process, peak RSS | forked scan JVM, peak RSS | exit code |",
             "|---|---|---|---|---|"] + rows + [""]
    return lines, max(x[1] for x in res[variants[0][0]])


def timing_rows(commands, res):
    """One table row per command: median, min–max and peak RSS of its runs."""
    rows = []
    for label, _, _ in commands:
        w = res[label]["wall"]
        rows.append("| %s | %.2f s | %.2f–%.2f s | %.0f MB |" % (label, median(w), min(w), max(w),
                                                               max(res[label]["rss"])))
    return rows


def history_block(reps):
    """history of every commit against a scan of the tip, both with the launcher."""
    repo = ARGS.history_repo
    launcher = os.path.join(ARGS.root, "mi-scan")
    env = dict(os.environ, MI_SCAN_JAR=ARGS.jar)
    env.pop("MI_SCAN_JAVA_OPTS", None)
    commits = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=repo, stdout=subprocess.PIPE,
                             text=True).stdout.strip()
    tracked = subprocess.run(["git", "ls-files"], cwd=repo, stdout=subprocess.PIPE, text=True).stdout.count("\n")
    commands = [
        ("./mi-scan scan (the tip)", [launcher, "scan", repo, "--fail-on", "none"], {"env": env}),
        ("./mi-scan history (every commit)", [launcher, "history", repo, "--fail-on", "none"], {"env": env}),
    ]
    res = interleave(commands, reps)
    rows = timing_rows(commands, res)
    ratio = median(res[commands[1][0]]["wall"]) / median(res[commands[0][0]]["wall"])
    lines = ["### History against a scan of its tip", "",
             "bench/gen_history_repo.py: %s commits, %d tracked files at the tip; %d repetitions after a warm-up "
             "round, interleaved. History / scan: %.2f×." % (commits, tracked, reps, ratio), "",
             "| command | median | min–max | peak RSS |", "|---|---|---|---|"] + rows + [""]
    return lines, ratio


def fatjar_block(reps):
    """bench/gen_fatjar.py's Spring Boot-shaped fat jar: the default scan, with its libraries, and grep's nearest."""
    jar = ARGS.fatjar
    launcher = os.path.join(ARGS.root, "mi-scan")
    env = dict(os.environ, MI_SCAN_JAR=ARGS.jar)
    env.pop("MI_SCAN_JAVA_OPTS", None)
    out_json = os.path.join(ARGS.work, "scan-fatjar.json")
    libs_json = os.path.join(ARGS.work, "scan-fatjar-libraries.json")
    patterns = os.path.join(ARGS.root, "bench", "azure-patterns.txt")
    commands = [
        ("./mi-scan scan app.jar (own code and config)", [launcher, "scan", jar, "--format", "json", "--output",
                                                          out_json, "--fail-on", "none"], {"env": env}),
        ("./mi-scan scan --archive-libraries app.jar", [launcher, "scan", "--archive-libraries", jar, "--format",
                                                        "json", "--output", libs_json, "--fail-on", "none"],
         {"env": env}),
        ("java -jar mi-scan.jar scan app.jar (JVM defaults)", ["java", "-jar", ARGS.jar, "scan", jar, "--fail-on",
                                                               "none", "-q"], {}),
        ("unzip -p app.jar, piped to rg -a, 23 patterns (outer entries only)",
         ["sh", "-c", "unzip -p \"$1\" | rg -a -c -f \"$2\" || true", "sh", jar, patterns], {}),
    ]
    res = interleave(commands, reps)
    rows = timing_rows(commands, res)
    summary = []
    for name, path in (("default", out_json), ("--archive-libraries", libs_json)):
        with open(path) as f:
            s = json.load(f)["summary"]
        summary.append("%s: %d findings, %d entries scanned, %d binary" % (name, s["findings"], s["filesScanned"],
                                                                           s["filesBinary"]))
    lines = ["### A Spring Boot fat jar", "",
             "bench/gen_fatjar.py: %.1f MB (BOOT-INF/lib: the rules module's test classpath, stored; BOOT-INF/classes: "
             "mi-scan's own classes; two planted keys). %d repetitions after a warm-up round, interleaved. %s. ripgrep "
             "cannot open a zip: its row greps what `unzip -p` inflates, for scale."
             % (os.path.getsize(jar) / 1e6, reps, "; ".join(summary)), "",
             "| command | median | min–max | peak RSS |", "|---|---|---|---|"] + rows + [""]
    return lines, res


def guard_block():
    """The small benchmarks' ratios that bench/guard.py compares with."""
    p = subprocess.run([sys.executable, os.path.join(ARGS.root, "bench", "guard.py"), "--record", "--jar", ARGS.jar,
                        "--work", os.path.join(ARGS.work, "guard")], stdout=subprocess.PIPE, text=True)
    return p.stdout.rstrip().splitlines() + [""] if p.returncode == 0 else \
        ["### Regression guard (bench/guard.py)", "", "Not measured: bench/guard.py --record failed.", ""]


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo") as f:
            mem = "%.1f GiB" % (int(f.readline().split()[1]) / 1024 / 1024)
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0]
    rg = subprocess.run(["rg", "--version"], stdout=subprocess.PIPE, text=True).stdout.splitlines()[0]
    return ["| | |", "|---|---|",
            "| date | %s |" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "| CPU | %d cores, %s |" % (os.cpu_count(), cpu),
            "| memory | %s |" % mem,
            "| OS | %s %s |" % (platform.system(), platform.release()),
            "| Java | %s |" % java,
            "| ripgrep | %s |" % rg,
            "| mi-scan | %s (%s) |" % (ARGS.commit, os.path.basename(ARGS.jar)), ""]


def jmh_block():
    if not ARGS.jmh_json or not os.path.exists(ARGS.jmh_json):
        return ["### JMH microbenchmarks", "", "Not run (bench/run.sh --no-jmh).", ""]
    with open(ARGS.jmh_json) as f:
        data = json.load(f)
    lines = ["### JMH microbenchmarks (bench/jmh)", "",
             "One fork, JVM defaults; %s. Average time per operation ± the 99.9%% confidence half-width; throughput "
             "is the input's size over that time. Inputs: a Java source of the sources corpus and files of the "
             "generated corpus." % (("%s warm-up and %s measurement iterations"
                                     % (data[0]["warmupIterations"], data[0]["measurementIterations"])) if data else "no data"),
             "", "| benchmark | input | size | time per op | throughput |", "|---|---|---|---|---|"]
    for b in data:
        name = ".".join(b["benchmark"].rsplit(".", 2)[-2:])
        path = b.get("params", {}).get("input", "")
        size = os.path.getsize(path) if path and os.path.exists(path) else 0
        score = b["primaryMetric"]["score"]
        err = b["primaryMetric"]["scoreError"]
        unit = b["primaryMetric"]["scoreUnit"]
        thr = "%.0f MB/s" % (size / (score / 1e6) / 1e6) if size and unit == "us/op" and score > 0 else ""
        lines.append("| %s | %s | %.1f KB | %.1f ± %.1f %s | %s |" % (name, os.path.basename(path), size / 1000, score,
                     err if err == err else 0.0, unit, thr))
    lines.append("")
    return lines


def main():
    global ARGS, RESULT
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--jar", required=True)
    ap.add_argument("--commit", default="")
    ap.add_argument("--real-corpus", required=True)
    ap.add_argument("--generated-corpus", required=True)
    ap.add_argument("--staged-repo", required=True)
    ap.add_argument("--iac-library", help="bench/gen_iac_library.py's module library")
    ap.add_argument("--staged-large-repo", help="bench/gen_staged_repo.py's 15,000-file repository")
    ap.add_argument("--history-repo", help="bench/gen_history_repo.py's 200-commit repository")
    ap.add_argument("--fatjar", help="bench/gen_fatjar.py's fat jar")
    ap.add_argument("--plugin", action="store_true", help="time mvn mi-scan:check on the sources corpus")
    ap.add_argument("--samples-corpus", help="bench/samples-corpus.sh's four Azure sample repositories")
    ap.add_argument("--real-iac", help="the samples' Terraform, Bicep and ARM files, 20 copies (bench/run.sh makes it)")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--staged-reps", type=int, default=20)
    ap.add_argument("--jmh-json")
    ap.add_argument("--notes", help="a Markdown file appended as the closing section")
    ap.add_argument("--out", required=True)
    ARGS = ap.parse_args()
    RESULT = {}
    with open(ARGS.generated_corpus.rstrip("/") + ".manifest.json") as f:
        manifest = json.load(f)

    real_lines, real, real_size, real_files = corpus_block("Maven Central sources corpus", ARGS.real_corpus, ARGS.reps)
    gen_lines, gen, _, _ = corpus_block("Generated IaC and configuration corpus", ARGS.generated_corpus, ARGS.reps,
                                        manifest)
    samples_lines, samples = [], None
    if ARGS.samples_corpus:
        samples_lines, samples, _, _ = corpus_block("Azure sample repositories (samples-like Java and configuration)",
                                                    ARGS.samples_corpus, ARGS.reps)
    staged_lines, staged = staged_block(ARGS.staged_reps)
    iac_lines, iac = [], None
    if ARGS.iac_library:
        iac_lines, iac, _, _ = corpus_block("Generated IaC module library", ARGS.iac_library, ARGS.reps)
    real_iac_lines = []
    if ARGS.real_iac:
        real_iac_lines, _, _, _ = corpus_block("Real IaC: the samples' Terraform, Bicep and ARM files, 20 copies (figure only)",
                                               ARGS.real_iac, ARGS.reps)
    large_lines, large = [], None
    if ARGS.staged_large_repo:
        large_lines, large = staged_block(ARGS.staged_reps, ARGS.staged_large_repo,
                                          "Staged scan (pre-commit) latency, 15,000-file repository")
    history_lines, history_ratio = history_block(ARGS.reps) if ARGS.history_repo else ([], None)
    fatjar_lines, fatjar = fatjar_block(ARGS.reps) if ARGS.fatjar else ([], None)
    plugin_lines, plugin_rss = plugin_block(max(3, ARGS.reps - 2)) if ARGS.plugin else ([], None)
    guard_lines = guard_block()

    launcher = "mi-scan (./mi-scan launcher)"
    ratio = median(real[launcher]["wall"]) / median(real["rg, 23 Azure patterns"]["wall"])
    ratio_lf = median(real[launcher]["wall"]) / median(real["rg, 16 literal-first patterns"]["wall"])
    rss = max(real[launcher]["rss"])
    staged_median = median(staged["./mi-scan scan --staged (launcher)"]["wall"])
    verdict = lambda ok: "met" if ok else "**not met**"
    summary = [
        "| target (sources corpus, same run) | measured | |", "|---|---|---|",
        "| full scan wall ≤ %.1f× rg's (23 Azure patterns) | %.2f× (%.2f s vs %.2f s); %.2f× rg's 16 literal-first patterns | %s |"
        % (TARGET_RATIO, ratio, median(real[launcher]["wall"]), median(real["rg, 23 Azure patterns"]["wall"]), ratio_lf,
           verdict(ratio <= TARGET_RATIO)),
        "| peak RSS ≤ %d MB (launcher) | %.0f MB | %s |" % (TARGET_RSS_MB, rss, verdict(rss <= TARGET_RSS_MB)),
        "| peak RSS ≤ %d MB (`java -jar`, the JVM's default options) | %.0f MB | %s |"
        % (TARGET_JAVA_RSS_MB, max(real["mi-scan (java -jar, JVM defaults)"]["rss"]),
           verdict(max(real["mi-scan (java -jar, JVM defaults)"]["rss"]) <= TARGET_JAVA_RSS_MB)),
        "| `scan --staged`, one changed file, ≤ %.1f s median | %.3f s (launcher) | %s |"
        % (TARGET_STAGED_S, staged_median, verdict(staged_median <= TARGET_STAGED_S)),
        "| generated corpus: every planted credential found, nothing else | %s | %s |"
        % ("yes" if RESULT.get("planted_ok") else "no", verdict(RESULT.get("planted_ok"))),
    ]
    if iac:
        r = median(iac[launcher]["wall"]) / median(iac["rg, 23 Azure patterns"]["wall"])
        summary.append("| IaC module library ≤ %.1f× rg's (23 Azure patterns) | %.2f× | %s |"
                       % (TARGET_IAC_RATIO, r, verdict(r <= TARGET_IAC_RATIO)))
    if samples:
        r = median(samples[launcher]["wall"]) / median(samples["rg, 23 Azure patterns"]["wall"])
        summary.append("| samples-like Java and configuration (bench/samples-corpus.sh) ≤ %.1f× rg's (23 Azure patterns) "
                       "| %.2f× | %s |" % (TARGET_SAMPLES_RATIO, r, verdict(r <= TARGET_SAMPLES_RATIO)))
    if large:
        m = median(large[".git/hooks/pre-commit (mi-scan install-hook)"]["wall"])
        summary.append("| `scan --staged`, 15,000-file repository, installed hook, ≤ %.2f s median | %.3f s | %s |"
                       % (TARGET_STAGED_LARGE_S, m, verdict(m <= TARGET_STAGED_LARGE_S)))
    if history_ratio is not None:
        summary.append("| history of 200 commits ≤ %.1f× a scan of the tip | %.2f× | %s |"
                       % (TARGET_HISTORY_RATIO, history_ratio, verdict(history_ratio <= TARGET_HISTORY_RATIO)))
    if plugin_rss is not None:
        summary.append("| Maven plugin on the sources corpus ≤ %d MB of Maven's process | %.0f MB | %s |"
                       % (TARGET_PLUGIN_RSS_MB, plugin_rss, verdict(plugin_rss <= TARGET_PLUGIN_RSS_MB)))
    if fatjar:
        m = median(fatjar["./mi-scan scan app.jar (own code and config)"]["wall"])
        summary.append("| a %.0f MB Spring Boot fat jar scans (figure only) | %.2f s (launcher) | measured |"
                       % (os.path.getsize(ARGS.fatjar) / 1e6, m))
    summary.append("")
    md = ["# mi-scan benchmark results", "",
          "Generated by `bench/run.sh` (do not edit by hand; rerun it). Whole-process wall times of `mi-scan scan` "
          "and of ripgrep with an equivalent set of Azure credential patterns (`bench/azure-patterns.txt`: one "
          "regex per shape mi-scan validates, written as a gitleaks-style rule would be; and, for reference, "
          "`bench/azure-patterns-literal-first.txt`, looser patterns that start with a literal so that ripgrep's "
          "literal prefilter applies). ripgrep searches the same files: hidden files included, `.git/`, `target/`, "
          "`build/` and `node_modules/` skipped, 2 MB cap. Peak RSS from `/usr/bin/time -v`.", "",
          "The launcher row runs `./mi-scan` (JVM options `-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn64m`, on two "
          "cores `-XX:CICompilerCount=1`, and its "
          "class-data sharing archive); the `java -jar` row runs the same jar with the JVM's default options "
          "(G1, C2, no archive).", "",
          "## Targets", ""] + summary + ["## Machine", ""] + machine() + ["## Results", ""] + real_lines + gen_lines \
        + iac_lines + samples_lines + real_iac_lines + staged_lines + large_lines + history_lines + fatjar_lines + plugin_lines + guard_lines + jmh_block()
    if ARGS.notes and os.path.exists(ARGS.notes):
        with open(ARGS.notes) as f:
            md += [f.read().rstrip(), ""]
    with open(ARGS.out, "w") as f:
        f.write("\n".join(md))
    print("\n".join(summary), file=sys.stderr)
    print("wrote %s" % ARGS.out, file=sys.stderr)


if __name__ == "__main__":
    main()
