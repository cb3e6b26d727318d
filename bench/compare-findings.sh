#!/usr/bin/env bash
# Findings of two builds on the same folders, compared: are they identical?
#
#   bench/compare-findings.sh BEFORE.jar AFTER.jar DIR...
#
# Scans each DIR with both jars (JSON report) and compares, as sorted sets: each finding's rule, path, start and end
# line and column, fingerprint, severity, message, snippet and remediation; the suppressed findings (rule, path,
# fingerprint); the warnings (path, message). Then the same with SARIF reports: each result's rule, fingerprints,
# locations, message, properties and fixes. Prints one line per folder and format: counts before -> after, and
# IDENTICAL or DIFFERENT (exit 1 when any differs).
set -euo pipefail
[[ $# -ge 3 ]] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
before=$1; after=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for d in "$@"; do
    for jar in before after; do
        j=$before; [[ $jar == after ]] && j=$after
        java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$j" scan "$d" --format json -o "$work/$jar.json" \
            --fail-on none >/dev/null 2>&1 || true
        java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$j" scan "$d" --format sarif -o "$work/$jar.sarif" \
            --fail-on none >/dev/null 2>&1 || true
    done
    python3 - "$work" "$d" <<'PY' || status=1
import json, sys
work, folder = sys.argv[1], sys.argv[2]
def report(p):
    d = json.load(open(p))
    f = sorted(json.dumps([x["ruleId"], x["path"], x["startLine"], x["startColumn"], x["endLine"], x["endColumn"],
                           x["fingerprint"], x["severity"], x["message"], x["snippet"], x["remediation"]], sort_keys=True)
               for x in d["findings"])
    s = sorted((x["ruleId"], x["path"], x["fingerprint"]) for x in d.get("suppressedFindings", []))
    w = sorted((x["path"], x["message"]) for x in d["warnings"])
    return f, s, w
def sarif(p):
    r = json.load(open(p))["runs"][0]["results"]
    return sorted(json.dumps([x["ruleId"], x.get("partialFingerprints"), x["locations"], x["message"],
                              x.get("properties"), x.get("fixes")], sort_keys=True) for x in r), sum(1 for x in r if x.get("fixes"))
b, a = report(work + "/before.json"), report(work + "/after.json")
sb, sa = sarif(work + "/before.sarif"), sarif(work + "/after.sarif")
print("%s: findings %d -> %d, suppressed %d -> %d, warnings %d -> %d: %s; SARIF results %d -> %d (with fixes %d -> %d): %s"
      % (folder, len(b[0]), len(a[0]), len(b[1]), len(a[1]), len(b[2]), len(a[2]), "IDENTICAL" if a == b else "DIFFERENT",
         len(sb[0]), len(sa[0]), sb[1], sa[1], "IDENTICAL" if sa[0] == sb[0] else "DIFFERENT"))
sys.exit(0 if a == b and sa[0] == sb[0] else 1)
PY
done
exit $status
