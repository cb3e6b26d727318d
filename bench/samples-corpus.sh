#!/usr/bin/env bash
# The "samples-like" benchmark corpus: four public Azure repositories of Java applications, their configuration,
# Bicep, Terraform, workflows and Kubernetes manifests (about 22 MB), cloned shallow into DEST.
#
#   bench/samples-corpus.sh [DEST]        (default /tmp/realworld-dev; needs network access to github.com)
#
# bench/run.sh times it when given --samples DEST (or SAMPLES_CORPUS=DEST), as the issue's "samples-like Java and
# configuration" corpus. Their default branches move: the figures are for the commits cloned (the results name them).
set -euo pipefail
dest=${1:-/tmp/realworld-dev}
mkdir -p "$dest"
for repo in Azure-Samples/azure-spring-apps-samples Azure-Samples/java-on-aks Azure-Samples/todo-java-mongo-aca \
        Azure/terraform-azurerm-avm-res-storage-storageaccount; do
    dir=$dest/${repo/\//+}
    [[ -d $dir ]] || git clone -q --depth 1 "https://github.com/$repo.git" "$dir"
done
ls "$dest"
