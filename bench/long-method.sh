#!/usr/bin/env bash
# Many sinks in one Java method: generated code (a migration, a test fixture, a registry of clients) where each
# sink's analysis once walked the whole method (issue "faster than grep", fifth round).
#
#   bench/long-method.sh [RUNS]        (default 3 paired runs; medians)
#
# Generates three Java files (keys random, made here), each one class with one method, inside the default 2 MB cap:
#   key-credentials  8,000 pairs 'String kN = System.getenv(...); new StorageSharedKeyCredential("acct", kN)'
#   mixed-sinks      1,200 groups of a key credential passed to a builder's credential(...), a builder variable
#                    with its connection string, a client secret credential given to a Key Vault client, and a SQL
#                    Server data source's server name and password
#   literal-keys     1,500 local variables holding a storage account key, each given to a shared-key credential
# Times each file's scan ('java -jar mi-scan.jar scan --format json', whole process) beside ripgrep with
# bench/azure-patterns.txt on the same file, in the same run, and checks the number of findings. Before the fix
# (the same machine, 2 cores): 8,000 key credentials 152 s, 600 mixed groups 57 s, 1,500 literal keys 22 s.
set -euo pipefail

RUNS=${1:-3}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${MI_SCAN_JAR:-$ROOT/cli/target/mi-scan.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
for t in python3 rg /usr/bin/time; do command -v "$t" >/dev/null || { echo "bench/long-method.sh: $t is missing" >&2; exit 1; }; done
if [[ ! -f $JAR ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -Dinvoker.skip package -pl cli -am) >&2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" <<'PY'
import base64, os, sys
work = sys.argv[1]
def write(name, imports, body):
    os.makedirs(os.path.join(work, name))
    lines = ["import %s;" % i for i in imports] + ["class Generated {", "  void register() {"] + body + ["  }", "}"]
    with open(os.path.join(work, name, "Generated.java"), "w") as f:
        f.write("\n".join(lines) + "\n")
body = []
for i in range(8000):
    body.append('    String k%d = System.getenv("K%d");' % (i, i))
    body.append('    Object c%d = new StorageSharedKeyCredential("acct", k%d);' % (i, i))
write("key-credentials", ["com.azure.storage.common.StorageSharedKeyCredential"], body)
body = []
for i in range(1200):
    body += ['    String key%d = System.getenv("KEY%d");' % (i, i),
             '    AzureKeyCredential kc%d = new AzureKeyCredential(key%d);' % (i, i),
             '    Object ta%d = new TextAnalyticsClientBuilder().endpoint("https://x%d.cognitiveservices.azure.com")'
             '.credential(kc%d).buildClient();' % (i, i, i),
             '    BlobServiceClientBuilder b%d = new BlobServiceClientBuilder();' % i,
             '    b%d.endpoint("https://acct%d.blob.core.windows.net");' % (i, i),
             '    b%d.connectionString(System.getenv("CS%d"));' % (i, i),
             '    BlobServiceClient c%d = b%d.buildClient();' % (i, i),
             '    c%d.getBlobContainerClient("x").getBlobClient("y").downloadContent();' % i,
             '    ClientSecretCredential cred%d = new ClientSecretCredentialBuilder().tenantId("t").clientId("c")'
             '.clientSecret(System.getenv("S%d")).build();' % (i, i),
             '    Object sc%d = new SecretClientBuilder().vaultUrl("https://v%d.vault.azure.net").credential(cred%d)'
             '.buildClient();' % (i, i, i),
             '    SQLServerDataSource ds%d = new SQLServerDataSource();' % i,
             '    ds%d.setServerName("srv%d.database.windows.net");' % (i, i),
             '    ds%d.setPassword(System.getenv("PW%d"));' % (i, i)]
write("mixed-sinks", ["com.azure.storage.blob.BlobServiceClientBuilder", "com.azure.storage.blob.BlobServiceClient",
                      "com.azure.core.credential.AzureKeyCredential", "com.azure.ai.textanalytics.TextAnalyticsClientBuilder",
                      "com.azure.identity.ClientSecretCredential", "com.azure.identity.ClientSecretCredentialBuilder",
                      "com.azure.security.keyvault.secrets.SecretClientBuilder",
                      "com.microsoft.sqlserver.jdbc.SQLServerDataSource"], body)
body = []
for i in range(1500):
    body += ['    String key%d = "%s";' % (i, base64.b64encode(os.urandom(64)).decode()),
             '    StorageSharedKeyCredential cr%d = new StorageSharedKeyCredential("acct%d", key%d);' % (i, i, i),
             '    BlobServiceClient c%d = new BlobServiceClientBuilder().endpoint("https://acct%d.blob.core.windows.net")'
             '.credential(cr%d).buildClient();' % (i, i, i)]
write("literal-keys", ["com.azure.storage.blob.BlobServiceClientBuilder", "com.azure.storage.blob.BlobServiceClient",
                       "com.azure.storage.common.StorageSharedKeyCredential"], body)
PY

declare -A times expected
expected=([key-credentials]=8000 [mixed-sinks]=4800 [literal-keys]=1500)
run() { # name, command...
    local name=$1; shift
    /usr/bin/time -f "%e" -o "$WORK/time" "$@" > "$WORK/out" 2>/dev/null || true
    times[$name]+="$(tail -n 1 "$WORK/time") "
}
for ((i = 1; i <= RUNS; i++)); do
    for c in key-credentials mixed-sinks literal-keys; do
        run "$c rg-23" rg --no-config -c -f "$ROOT/bench/azure-patterns.txt" "$WORK/$c"
        run "$c mi-scan" "$JAVA" -jar "$JAR" scan --format json "$WORK/$c"
        n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$WORK/out")
        [[ $n == "${expected[$c]}" ]] || { echo "bench/long-method.sh: $c: $n findings, expected ${expected[$c]}" >&2; exit 1; }
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf '| file | size | findings | rg-23 (s) | mi-scan (s) |\n|---|---|---|---|---|\n'
for c in key-credentials mixed-sinks literal-keys; do
    printf '| %s | %d KB | %s | %s | %s |\n' "$c" "$(( $(stat -c %s "$WORK/$c/Generated.java") / 1024 ))" "${expected[$c]}" \
        "$(echo "${times[$c rg-23]}" | median)" "$(echo "${times[$c mi-scan]}" | median)"
done
