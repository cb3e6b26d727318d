#!/usr/bin/env bash
# Validate a SARIF 2.1.0 log the way GitHub code scanning would see it.
#
#   .ci/validate-sarif.sh FILE
#
# Two checks, both must pass:
#   1. Microsoft SARIF Multitool `validate --rule-kind "Sarif;Gh"`: JSON schema
#      plus the SARIF (SARIF1xxx/2xxx) and GitHub ingestion (GHxxxx) rules.
#   2. A JSON-schema check of FILE against the SARIF 2.1.0 schema shipped with the
#      Multitool, using ajv. This is a safety net: Multitool 5.7.0 silently
#      reports *nothing* when a nested value has the wrong type or an unknown enum
#      value (e.g. a result with "level": "fatal"), so on its own it would pass
#      such a log.
#
# Exit codes: 0 valid (only notes, if anything), 1 errors or warnings found,
#             2 usage error or the validator itself could not run.
#
# Tools are installed with npm into a cache dir outside the repository
# (override with MI_SCAN_CI_CACHE). Needs node + npm; nothing else: .NET runs in
# globalization-invariant mode, so libicu is not required.
set -euo pipefail

MULTITOOL_VERSION=5.7.0
AJV_VERSION=8.20.0
AJV_FORMATS_VERSION=3.0.1

die() { echo "validate-sarif: $*" >&2; exit 2; }

[[ $# -eq 1 ]] || die "usage: $0 FILE.sarif"
INPUT=$1
[[ -f $INPUT ]] || die "no such file: $INPUT"
INPUT=$(cd "$(dirname "$INPUT")" && pwd)/$(basename "$INPUT")

command -v node >/dev/null || die "node is required"
command -v npm >/dev/null || die "npm is required"

CACHE=${MI_SCAN_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mi-scan-ci}
NM=$CACHE/node_modules
PKG_DIR=$NM/@microsoft/sarif-multitool-linux

installed_version() { # $1 = package dir
    if [[ -f $1/package.json ]]; then
        node -p "require(process.argv[1]).version" "$1/package.json" 2>/dev/null || true
    fi
}

if [[ $(installed_version "$PKG_DIR") != "$MULTITOOL_VERSION" ||
      $(installed_version "$NM/ajv") != "$AJV_VERSION" ||
      $(installed_version "$NM/ajv-formats") != "$AJV_FORMATS_VERSION" ]]; then
    echo "validate-sarif: installing @microsoft/sarif-multitool-linux@$MULTITOOL_VERSION, ajv@$AJV_VERSION into $CACHE" >&2
    mkdir -p "$CACHE"
    # --ignore-scripts: the package's only script is the chmod done below.
    npm install --prefix "$CACHE" --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error --update-notifier=false \
        "@microsoft/sarif-multitool-linux@$MULTITOOL_VERSION" \
        "ajv@$AJV_VERSION" "ajv-formats@$AJV_FORMATS_VERSION" >&2 \
        || die "npm install failed"
fi

# The binary ships without its execute bit (npm only sets it in a postinstall script).
BIN=$(find "$PKG_DIR" -maxdepth 2 -type f -name Sarif.Multitool -print -quit 2>/dev/null || true)
[[ -n $BIN ]] || die "Sarif.Multitool binary not found under $PKG_DIR"
chmod +x "$BIN"
SCHEMA=$PKG_DIR/sarif-2.1.0.json
[[ -f $SCHEMA ]] || die "SARIF schema not found at $SCHEMA"

# .NET: no ICU needed (the validator does no culture-sensitive work), no telemetry,
# and keep any single-file extraction inside the cache.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_BUNDLE_EXTRACT_BASE_DIR=${DOTNET_BUNDLE_EXTRACT_BASE_DIR:-$CACHE/dotnet-bundle}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=$TMP/validation.sarif

echo "validate-sarif: $("$BIN" --version 2>&1 | head -n1) on $INPUT"
# The input file must come first: --log takes a list and would swallow it.
if ! "$BIN" validate "$INPUT" --rule-kind "Sarif;Gh" --output "$OUT" --log ForceOverwrite >"$TMP/multitool.log" 2>&1; then
    cat "$TMP/multitool.log" >&2
    die "Sarif.Multitool validate failed to run"
fi
[[ -s $OUT ]] || { cat "$TMP/multitool.log" >&2; die "Sarif.Multitool wrote no output"; }

node - "$OUT" "$INPUT" "$SCHEMA" "$NM" <<'EOF'
const fs = require('fs');
const path = require('path');
const [outFile, inputFile, schemaFile, nodeModules] = process.argv.slice(2);
process.on('uncaughtException', e => { console.error(`validate-sarif: internal error: ${e.stack || e}`); process.exit(2); });
let problems = 0;

// --- 1. Multitool results -------------------------------------------------------
const log = JSON.parse(fs.readFileSync(outFile, 'utf8'));
const format = (ms, args) =>
  (ms || '').replace(/\{(\d+)\}/g, (m, i) => (args && args[i] !== undefined ? args[i] : m));
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  const byId = new Map(rules.map(r => [r.id, r]));
  for (const inv of run.invocations || []) {
    if (inv.executionSuccessful === false) {
      console.log('error   Multitool: execution was not successful');
      problems++;
    }
    for (const n of inv.toolExecutionNotifications || []) {
      if ((n.level || 'warning') === 'error') {
        console.log(`error   Multitool: ${(n.message && n.message.text) || JSON.stringify(n)}`);
        problems++;
      }
    }
  }
  for (const res of run.results || []) {
    const rule = (Number.isInteger(res.ruleIndex) && rules[res.ruleIndex]) || byId.get(res.ruleId) || {};
    // SARIF 3.27.10: a missing level comes from the rule's defaultConfiguration, else "warning".
    const level = res.level || (rule.defaultConfiguration && rule.defaultConfiguration.level) || 'warning';
    const msg = res.message || {};
    let text = msg.text;
    if (text === undefined && msg.id) {
      const ms = rule.messageStrings && rule.messageStrings[msg.id];
      text = format(ms && ms.text, msg.arguments);
    }
    if (text === undefined) text = JSON.stringify(msg);
    const region = (((res.locations || [])[0] || {}).physicalLocation || {}).region || {};
    // The region is where the problem sits in the validated file.
    const where = region.startLine ? ` (line ${region.startLine}${region.startColumn ? ', col ' + region.startColumn : ''})` : '';
    const line = `${level.padEnd(8)}${res.ruleId}${rule.name ? ' ' + rule.name : ''}${where}: ${text}`;
    if (level === 'error' || level === 'warning') {
      console.log(line);
      problems++;
    } else {
      console.log(`(ignored) ${line}`);
    }
  }
}

// --- 2. Schema check with ajv (safety net, see header) ----------------------------
const req = m => require(path.join(nodeModules, m));
const Ajv2020 = req('ajv/dist/2020').default;
const addFormats = req('ajv-formats').default;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
let input;
try {
  input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
} catch (e) {
  input = undefined; // JSON syntax errors are already reported by the Multitool (JSON0001)
  if (problems === 0) { console.log(`error   JSON: ${e.message}`); problems++; }
}
if (input !== undefined && !validate(input)) {
  // Skip the noisy "must match a schema in anyOf/oneOf" wrappers when a concrete error exists.
  const errs = validate.errors.filter(e => !['anyOf', 'oneOf'].includes(e.keyword));
  for (const e of (errs.length ? errs : validate.errors)) {
    const extra = e.keyword === 'enum' ? ` (${e.params.allowedValues.join(', ')})`
                : e.keyword === 'additionalProperties' ? ` ('${e.params.additionalProperty}')` : '';
    console.log(`error   SCHEMA ${e.keyword} ${e.instancePath || '/'}: ${e.message}${extra}`);
    problems++;
  }
}

if (problems) {
  console.log(`validate-sarif: FAILED, ${problems} error(s)/warning(s) in ${inputFile}`);
  process.exit(1);
}
console.log(`validate-sarif: OK, no errors or warnings in ${inputFile}`);
EOF
