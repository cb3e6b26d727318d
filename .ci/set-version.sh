#!/usr/bin/env bash
# Sets VERSION in every POM of the build (the parent, each module, and their references to the parent), as a
# release does with its tag's version:
#
#   .ci/set-version.sh 1.2.0
#
# Used by .github/workflows/release.yml and .ci/release-dry-run.sh (which runs it in a copy of the tree).
set -euo pipefail
VERSION=${1:?usage: .ci/set-version.sh VERSION}
[[ $VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-][0-9A-Za-z.-]+)?$ ]] || { echo "set-version: '$VERSION' is not a version" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Dstyle.color=never versions:set -DnewVersion="$VERSION" -DgenerateBackupPoms=false -DprocessAllModules=true
