#!/usr/bin/env bash
# A release without publishing: what .github/workflows/release.yml does on a tag, up to the upload, then a check that
# a project that knows mi-scan only from the released files can use it.
#
#   bash .ci/release-dry-run.sh [VERSION]         (default: the POM's version without -SNAPSHOT)
#
#   1. copies the work tree (tracked and new files, not ignored ones) to target/release-dry-run/src and sets VERSION
#      there with .ci/set-version.sh, as the workflow does with the tag's version;
#   2. runs the release profile with signing skipped (-Dgpg.skip), deploying to the file repository
#      target/release-dry-run/repo (nothing is installed into ~/.m2); then the same with the central profile, whose
#      plugin takes over the deploy phase, with -Dcentral.skip: nothing is uploaded;
#   3. checks each published module has what Maven Central requires: POM (name, description, url, licenses,
#      developers, scm, inherited from the parent), jar, sources and javadoc jars; the CLI's runnable jar (classifier
#      all) runs on its own, and the GitHub release's mi-scan.jar.sha256 verifies;
#   4. writes a throw-away project (target/release-dry-run/consumer) with a generated fake storage key, whose Maven
#      knows only that file repository and Maven Central (a fresh local repository under target/), and runs
#      'mvn mi-scan:check': it must resolve the plugin from the file repository and fail on the key, without
#      printing it.
# Needs Java 17, Maven, git and Maven Central (for plugins and the plugin's dependencies). Exit 0 when all passes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
WORK=$ROOT/target/release-dry-run
REPO=$WORK/repo
fail() { echo "release-dry-run: FAILED: $*" >&2; exit 1; }
pass() { echo "release-dry-run: ok: $*"; }
MVN=(mvn -B -Dstyle.color=never)

POM_VERSION=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)
VERSION=${1:-${POM_VERSION%-SNAPSHOT}}
echo "release-dry-run: version $VERSION, work in ${WORK#"$ROOT"/}"
rm -rf "$WORK"
mkdir -p "$WORK/src" "$REPO"

# 1. the tree as the tag would have it
git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - | tar -xf - -C "$WORK/src"
(cd "$WORK/src" && bash .ci/set-version.sh "$VERSION") >"$WORK/set-version.log" 2>&1 \
    || { cat "$WORK/set-version.log" >&2; fail "set-version failed"; }
grep -q "<version>$VERSION</version>" "$WORK/src/cli/pom.xml" || fail "set-version did not set $VERSION"
pass "version $VERSION set in every POM of the copy"

# 2. the release build, deploying to a file repository
(cd "$WORK/src" && "${MVN[@]}" -Prelease -Dgpg.skip=true -Dcentral.skip=true -DskipTests -Dinvoker.skip=true \
    -Dmaven.install.skip=true -DaltDeploymentRepository="dryrun::file://$REPO" deploy) >"$WORK/release-build.log" 2>&1 \
    || { tail -60 "$WORK/release-build.log" >&2; fail "the release build failed (log: ${WORK#"$ROOT"/}/release-build.log)"; }
for a in mi-scan-parent scanner-core rules mi-scan-kotlin mi-scan-cli mi-scan-maven-plugin; do
    grep -q "maven-gpg-plugin:[0-9.]*:sign (sign-artifacts) @ $a ---" "$WORK/release-build.log" \
        || fail "the signing step is not part of the release build of $a"
done
pass "release profile built (signing step in every module, skipped) and deployed to ${REPO#"$ROOT"/}"

# the Central profile on top: its plugin takes over the deploy phase of every module; with -Dcentral.skip it uploads
# nothing (it reads the server's credentials first: a dummy one here)
cat >"$WORK/central-settings.xml" <<'EOF'
<settings>
  <servers>
    <server>
      <id>central</id>
      <username>dry-run</username>
      <password>dry-run</password>
    </server>
  </servers>
</settings>
EOF
(cd "$WORK/src" && "${MVN[@]}" -s "$WORK/central-settings.xml" -Prelease,central -Dgpg.skip=true -Dcentral.skip=true \
    -DskipTests -Dinvoker.skip=true -Dmaven.install.skip=true deploy) >"$WORK/central-build.log" 2>&1 \
    || { tail -40 "$WORK/central-build.log" >&2; fail "the release build with the central profile failed"; }
for a in mi-scan-parent scanner-core rules mi-scan-kotlin mi-scan-cli mi-scan-maven-plugin; do
    grep -q "central-publishing-maven-plugin:[0-9.]*:publish (injected-central-publishing) @ $a ---" \
        "$WORK/central-build.log" || fail "central-publishing-maven-plugin did not take over the deploy of $a"
done
if grep -q 'Uploading\|Deployment .* has been' "$WORK/central-build.log"; then fail "the dry run uploaded something"; fi
pass "-Prelease,central: central-publishing-maven-plugin publishes every module (skipped here, nothing uploaded)"

# 3. what Central requires, module by module
G=$REPO/dev/miscan
parent=$G/mi-scan-parent/$VERSION/mi-scan-parent-$VERSION.pom
[[ -f $parent ]] || fail "no parent POM in the repository"
for element in '<name>' '<description>' '<url>' '<license>' '<developer>' '<scm>' '<connection>'; do
    grep -q "$element" "$parent" || fail "the parent POM has no $element"
done
for a in scanner-core rules mi-scan-kotlin mi-scan-cli mi-scan-maven-plugin; do
    d=$G/$a/$VERSION
    for f in "$a-$VERSION.pom" "$a-$VERSION.jar" "$a-$VERSION-sources.jar" "$a-$VERSION-javadoc.jar"; do
        [[ -s $d/$f ]] || fail "$a: $f is missing"
    done
    for element in '<name>' '<description>'; do
        grep -q "$element" "$d/$a-$VERSION.pom" || fail "$a's POM has no $element"
    done
    grep -q '<artifactId>mi-scan-parent</artifactId>' "$d/$a-$VERSION.pom" || fail "$a's POM does not name its parent"
    # (listed first: grep -q closing a pipe early would fail the pipeline under pipefail)
    javadoc=$(unzip -Z1 "$d/$a-$VERSION-javadoc.jar")
    sources=$(unzip -Z1 "$d/$a-$VERSION-sources.jar")
    grep -qx 'index.html' <<<"$javadoc" || fail "$a's javadoc jar has no index.html"
    grep -q '\.java$' <<<"$sources" || fail "$a's sources jar has no source"
done
pass "each module: POM with name and description (url, licenses, developers, scm from the parent), jar, sources, javadoc"
CLI=$G/mi-scan-cli/$VERSION/mi-scan-cli-$VERSION-all.jar
[[ -s $CLI ]] || fail "the runnable CLI jar (classifier all) was not published"
[[ $(java -jar "$CLI" --version) == "mi-scan $VERSION" ]] || fail "the CLI jar does not run: $(java -jar "$CLI" --version 2>&1)"
cmp -s "$CLI" "$WORK/src/cli/target/mi-scan.jar" || fail "the published CLI jar is not cli/target/mi-scan.jar"
# the GitHub release's assets, made as the workflow makes them
mkdir -p "$WORK/github-release"
cp "$WORK/src/cli/target/mi-scan.jar" "$WORK/github-release/mi-scan.jar"
(cd "$WORK/github-release" && sha256sum mi-scan.jar >mi-scan.jar.sha256 && sha256sum -c --quiet mi-scan.jar.sha256) \
    || fail "the release checksum does not verify"
pass "the runnable CLI jar is published as mi-scan-cli-$VERSION-all.jar ('mi-scan $VERSION'); mi-scan.jar.sha256 verifies"
if ls "$G"/*/"$VERSION"/*.asc >/dev/null 2>&1; then fail "signatures were written although -Dgpg.skip"; fi

# 4. a fresh project that knows mi-scan only from that repository
C=$WORK/consumer
M2=$WORK/m2
mkdir -p "$C/src/main/resources" "$M2"
cat >"$WORK/settings.xml" <<EOF
<settings>
  <localRepository>$M2</localRepository>
  <profiles>
    <profile>
      <id>mi-scan-release</id>
      <pluginRepositories>
        <pluginRepository>
          <id>mi-scan-release</id>
          <url>file://$REPO</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>mi-scan-release</activeProfile>
  </activeProfiles>
</settings>
EOF
cat >"$C/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>orders-service</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.miscan</groupId>
        <artifactId>mi-scan-maven-plugin</artifactId>
        <version>$VERSION</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
key=$(head -c 64 /dev/urandom | base64 -w0)
printf 'spring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;AccountName=ordersdata;AccountKey=%s;EndpointSuffix=core.windows.net\n' \
    "$key" >"$C/src/main/resources/application.properties"
rc=0
(cd "$C" && "${MVN[@]}" -s "$WORK/settings.xml" -Dmaven.repo.local="$M2" mi-scan:check) >"$WORK/consumer.log" 2>&1 || rc=$?
[[ $rc -ne 0 ]] || fail "mi-scan:check passed a project with a storage key (log: ${WORK#"$ROOT"/}/consumer.log)"
grep -q 'BUILD FAILURE' "$WORK/consumer.log" || { tail -30 "$WORK/consumer.log" >&2; fail "no BUILD FAILURE"; }
grep -q 'mi-scan found 1 credential finding' "$WORK/consumer.log" \
    || { tail -30 "$WORK/consumer.log" >&2; fail "mi-scan:check did not report the key"; }
grep -q 'MI-STORAGE-CONNSTR' "$WORK/consumer.log" || fail "the finding is not MI-STORAGE-CONNSTR"
if grep -qF "${key:8:16}" "$WORK/consumer.log" "$C/target/mi-scan.sarif" 2>/dev/null; then
    fail "the key is in the log or the report"
fi
remote=$M2/dev/miscan/mi-scan-maven-plugin/$VERSION/_remote.repositories
grep -q '>mi-scan-release=' "$remote" || fail "the plugin was not resolved from the file repository: $(cat "$remote")"
for a in scanner-core rules; do
    grep -q '>mi-scan-release=' "$M2/dev/miscan/$a/$VERSION/_remote.repositories" \
        || fail "$a was not resolved from the file repository"
done
pass "a fresh project resolved mi-scan-maven-plugin $VERSION from the file repository and 'mvn mi-scan:check' failed on the planted key (not printed)"
echo "release-dry-run: all passed"
