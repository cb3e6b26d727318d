#!/usr/bin/env bash
# Scores mi-scan on the evaluation corpus and prints the table (see evaluation/README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Peval test
cat cli/target/evaluation.md
