#!/usr/bin/env python3
"""Sanity check of evaluation/truth.tsv against evaluation/projects/."""
import collections
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECTS = os.path.join(HERE, "projects")
LABELS = {"secret", "key-auth", "trap"}


def kind(path):
    name = os.path.basename(path)
    if name == "Dockerfile" or name == "Makefile":
        return name
    if name.startswith(".env"):
        return ".env"
    if name.endswith(".lock.hcl"):
        return ".hcl"
    return os.path.splitext(name)[1] or name


def main():
    errors = []
    rows = []
    with open(os.path.join(HERE, "truth.tsv"), newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = next(reader)
        if header != ["path", "line", "label", "service", "note"]:
            errors.append(f"bad header {header}")
        for n, row in enumerate(reader, start=2):
            if len(row) != 5:
                errors.append(f"row {n}: {len(row)} columns")
                continue
            rows.append((n, *row))

    seen = set()
    per_label = collections.Counter()
    per_kind = collections.defaultdict(collections.Counter)
    cache = {}
    for n, path, line, label, service, note in rows:
        full = os.path.join(PROJECTS, path)
        if label not in LABELS:
            errors.append(f"row {n}: unknown label {label!r}")
        if not note.strip() or not service.strip():
            errors.append(f"row {n}: empty service/note")
        if (path, line) in seen:
            errors.append(f"row {n}: duplicate {path}:{line}")
        seen.add((path, line))
        if not os.path.isfile(full):
            errors.append(f"row {n}: missing file {path}")
            continue
        if full not in cache:
            with open(full, encoding="utf-8") as fh:
                cache[full] = fh.read().split("\n")
        lines = cache[full]
        try:
            ln = int(line)
        except ValueError:
            errors.append(f"row {n}: line {line!r} is not a number")
            continue
        if not 1 <= ln <= len(lines):
            errors.append(f"row {n}: line {ln} out of range (file has {len(lines)} lines)")
            continue
        if not lines[ln - 1].strip():
            errors.append(f"row {n}: {path}:{ln} is blank")
        per_label[label] += 1
        per_kind[kind(path)][label] += 1

    files = [os.path.join(r, f) for r, _, fs in os.walk(PROJECTS) for f in fs]
    projects = sorted(d for d in os.listdir(PROJECTS) if os.path.isdir(os.path.join(PROJECTS, d)))
    print(f"projects: {len(projects)}   files: {len(files)}   truth rows: {len(rows)}")
    for p in projects:
        cnt = sum(1 for f in files if f.startswith(os.path.join(PROJECTS, p) + os.sep))
        print(f"  {p:<24} {cnt:>3} files")
    print("\nper label:")
    for lab in ("secret", "key-auth", "trap"):
        print(f"  {lab:<9} {per_label[lab]:>4}")
    print(f"  credentials (secret+key-auth): {per_label['secret'] + per_label['key-auth']}")
    print("\nper file kind:          secret key-auth   trap")
    for k in sorted(per_kind, key=lambda k: -sum(per_kind[k].values())):
        c = per_kind[k]
        print(f"  {k:<20} {c['secret']:>7} {c['key-auth']:>8} {c['trap']:>6}")
    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK: every row points at an existing, non-blank line")


if __name__ == "__main__":
    main()
