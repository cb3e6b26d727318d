import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def injected = (new File(basedir, 'pom.xml').text =~ /<storage\.key>([^<]+)</)[0][1]
def committed = (new File(basedir, 'src/main/resources/storage.properties').text =~ /account-key=(\S+)/)[0][1]
def local = (new File(basedir, 'src/main/resources/application-local.properties').text =~ /account-key=(\S+)/)[0][1]
def runs = log.split(/(?m)^(?=\[INFO\] Scanning for projects)/).findAll { it.contains('mi-scan') }
assert runs.size() == 3 : "expected the logs of three builds, found ${runs.size()}"
def (plain, inject, forked) = runs

// 1. the placeholder is a warning of the sources; the committed key is baselined, and its copies in the build
//    output (target/classes, the jar) are not reported again
assert plain.contains('BUILD SUCCESS')
assert plain =~ /\[WARNING\] src\/main\/resources\/application\.properties:3:\d+  MI-STORAGE-KEY-AUTH  /
assert !(plain =~ /\[ERROR\] .*MI-STORAGE-SHAREDKEY/)
// (the key and the placeholder's warning, each in target/classes and in the jar); the gitignored local settings'
// key, in both too, is left out as its source is
assert plain =~ /mi-scan: build output read: target\/build-output-1\.0\.jar, target\/classes \(\d+ files\); 4 findings there also in the sources, reported once \(from the sources\); 2 findings there in copies of files the source scan skips \(\.gitignore, excludes\), left out too\n/
assert !log.contains('application-local.properties:')
assert plain.contains('1 suppressed')

// 2. the profile's key is only in the build output: one error, at the jar entry, naming target/classes as the
//    other place; the failure message lists that one finding and says where the secret came from
assert inject.contains('BUILD FAILURE')
def finding = /(?m)^\[ERROR\] target\/build-output-1\.0\.jar!\/application\.properties:3:\d+  MI-STORAGE-SHAREDKEY  .*\(also in target\/classes\/application\.properties:3\)$/
assert (inject =~ finding).size() == 1
assert !(inject =~ /(?m)^\[ERROR\] +target\/classes\/application\.properties:\d+/) : 'the injected key is reported once'
assert inject =~ /build output read: [^\n]*; 2 findings there also in the sources, reported once \(from the sources\); 2 findings there in copies of files the source scan skips [^\n]*; 1 finding only there\n/
assert inject.contains("mi-scan found 1 credential finding at or above 'error' in build output:")
assert inject.contains('1 finding is only in the build output, not in the sources: the build put the secret there')
// the placeholder's warning is the sources' (the build output replaced it with the key)
assert inject =~ /\[WARNING\] src\/main\/resources\/application\.properties:3:\d+  MI-STORAGE-KEY-AUTH  /

def sarif = new JsonSlurper().parse(new File(basedir, 'target/mi-scan.sarif'))
def results = sarif.runs[0].results.findAll { !it.suppressions }
def errors = results.findAll { it.level == 'error' }
assert errors.size() == 1
// the jar entry, as SARIF nests it: the entry's artifact has the jar's as its parent
def entry = errors[0].locations[0].physicalLocation.artifactLocation
def artifacts = sarif.runs[0].artifacts
assert entry.uri == 'application.properties'
assert artifacts[artifacts[entry.index].parentIndex].location.uri == 'target/build-output-1.0.jar'
assert errors[0].relatedLocations*.physicalLocation*.artifactLocation*.uri == ['target/classes/application.properties']
assert errors[0].partialFingerprints['miScanFingerprint/v2']
// the committed key: one result, from the sources, suppressed by the baseline (not its copies in the build output)
def accepted = sarif.runs[0].results.findAll { it.suppressions }
assert accepted*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri == ['src/main/resources/storage.properties']

// 3. forked: the same lines as build 2's check, and the same report
def checkLines = { run ->
    def lines = run.readLines()
    def from = lines.findIndexOf { it.startsWith('[INFO] --- mi-scan-maven-plugin:') }
    def to = lines.findIndexOf(from) { it.startsWith('[INFO] BUILD ') }
    lines.subList(from + 1, to).findAll { it =~ /^\[(INFO|WARNING|ERROR)\]/ }*.replace('target/forked/', 'target/')
}
assert forked.contains('[DEBUG] mi-scan: scanning in a forked JVM')
assert checkLines(forked) == checkLines(inject)
assert checkLines(forked).size() > 5
def forkedSarif = new JsonSlurper().parse(new File(basedir, 'target/forked/mi-scan.sarif'))
assert forkedSarif.runs[0].results == sarif.runs[0].results
assert !new File(basedir, 'target').list().any { it.startsWith('mi-scan-fork') }

// never a key, in the log or the report
[injected, committed, local].each { key ->
    assert !log.contains(key)
    assert !new File(basedir, 'target/mi-scan.sarif').text.contains(key)
    assert !new File(basedir, 'target/forked/mi-scan.sarif').text.contains(key)
}
return true
