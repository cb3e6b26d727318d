#!/usr/bin/env python3
"""Merges the SARIF logs of an mi-scan sweep into one Markdown table: repository, errors, warnings, notes, top rules
and whether code scanning got the log. Used by .github/workflows/mi-scan-sweep.yml (through the action beside this
file); runs anywhere with Python 3.8 or later and nothing else.

    sweep-summary.py [--repositories JSON-LIST] [--top N] DIR

DIR holds one folder per repository (the sweep's artifacts): a SARIF log (*.sarif) and mi-scan-sweep.json,
{"repository": "owner/name", "uploaded": "yes" | "no" | ""}. A folder without mi-scan-sweep.json is named after
itself. --repositories lists every repository the sweep meant to scan, so that one whose job left no log is
listed as such. Suppressed results (inline allows, baselines) are not counted. Only counts and rule ids are
printed: no message, snippet or path from a log, so the table cannot show more than the logs' rule ids.
"""
import argparse
import collections
import json
import pathlib
import sys

UPLOADED = {"yes": "uploaded", "no": "not uploaded: artifact only"}


def cell(text):
    """A Markdown table cell: one line, and what Markdown or HTML acts on inside a line escaped."""
    out = []
    for c in " ".join(str(text).split()):
        if c in "\\`*_[]<>|~&":
            out.append("\\")
        out.append(c)
    return "".join(out)


def count(sarif_files):
    """(errors, warnings, notes, Counter of rule ids) over every unsuppressed result of the logs."""
    levels = collections.Counter()
    rules = collections.Counter()
    for f in sarif_files:
        log = json.loads(f.read_text(encoding="utf-8"))
        for run in log.get("runs") or []:
            descriptors = ((run.get("tool") or {}).get("driver") or {}).get("rules") or []
            default_level = {}
            for i, d in enumerate(descriptors):
                level = (d.get("defaultConfiguration") or {}).get("level", "warning")
                default_level[d.get("id")] = level
                default_level[i] = level
            for r in run.get("results") or []:
                if r.get("suppressions"):
                    continue
                rule = r.get("ruleId") or (r.get("rule") or {}).get("id") or "?"
                level = r.get("level") or default_level.get(rule) or default_level.get(r.get("ruleIndex")) or "warning"
                levels[level] += 1
                rules[rule] += 1
    return levels["error"], levels["warning"], levels["note"], rules


def main(argv):
    p = argparse.ArgumentParser(description="Merge the SARIF logs of an mi-scan sweep into one Markdown table.")
    p.add_argument("dir", type=pathlib.Path)
    p.add_argument("--repositories", default="[]", help="JSON list of every repository the sweep scanned")
    p.add_argument("--top", type=int, default=3, help="how many rules to name per repository (default 3)")
    a = p.parse_args(argv)
    try:
        expected = json.loads(a.repositories or "[]")
        if not isinstance(expected, list):
            raise ValueError("not a list")
    except ValueError as e:
        print(f"sweep-summary: --repositories is not a JSON list: {e}", file=sys.stderr)
        return 2

    rows = {}
    folders = sorted(d for d in a.dir.iterdir() if d.is_dir()) if a.dir.is_dir() else []
    for folder in folders:
        meta = {}
        meta_file = folder / "mi-scan-sweep.json"
        if meta_file.is_file():
            try:
                meta = json.loads(meta_file.read_text(encoding="utf-8"))
            except ValueError:
                meta = {}
        name = str(meta.get("repository") or folder.name)
        uploaded = str(meta.get("uploaded") or "")
        sarif = sorted(folder.glob("*.sarif"))
        if not sarif:
            rows[name] = (None, "no SARIF log in the artifact", uploaded)
            continue
        try:
            rows[name] = (count(sarif), "", uploaded)
        except (ValueError, OSError, AttributeError, TypeError) as e:
            rows[name] = (None, f"unreadable SARIF log ({type(e).__name__})", uploaded)
    for name in expected:
        rows.setdefault(str(name), (None, "no report: the scan job failed (see its log)", ""))

    scanned = {n: r for n, r in rows.items() if r[0] is not None}
    failed = {n: r for n, r in rows.items() if r[0] is None}
    totals = [sum(r[0][i] for r in scanned.values()) for i in range(3)]
    out = ["## mi-scan sweep", ""]
    with_findings = sum(1 for r in scanned.values() if sum(r[0][:3]) > 0)
    out.append(f"{len(rows)} repositories: {len(scanned)} scanned, {with_findings} with findings, "
               f"{len(failed)} without a report. {totals[0]} error, {totals[1]} warning, {totals[2]} note.")
    out.append("")
    out.append("| Repository | Errors | Warnings | Notes | Top rules | Code scanning |")
    out.append("|---|---:|---:|---:|---|---|")
    order = sorted(scanned.items(), key=lambda kv: (-kv[1][0][0], -kv[1][0][1], -kv[1][0][2], kv[0].lower()))
    for name, ((errors, warnings, notes, rules), _, uploaded) in order:
        top = ", ".join(f"{cell(rule)} ({n})" for rule, n in sorted(rules.items(), key=lambda x: (-x[1], x[0]))[:a.top])
        upload = UPLOADED.get(uploaded, "")
        out.append(f"| {cell(name)} | {errors} | {warnings} | {notes} | {top} | {upload} |")
    for name, (_, problem, _) in sorted(failed.items(), key=lambda kv: kv[0].lower()):
        out.append(f"| {cell(name)} | | | | {cell(problem)} | |")
    out.append(f"| **Total** | **{totals[0]}** | **{totals[1]}** | **{totals[2]}** | | |")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
