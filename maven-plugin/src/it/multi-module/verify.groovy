import groovy.json.JsonSlurper

def sarif = { path -> new JsonSlurper().parse(new File(basedir, path)) }
def uris = { path ->
    sarif(path).runs[0].results.collect { it.ruleId + ' ' + it.locations[0].physicalLocation.artifactLocation.uri }
}
// The reactor's report, at the root: every module's findings, with paths from the repository's root (this
// project is a git repository, see prebuild.groovy), which GitHub code scanning maps to files.
assert uris('target/mi-scan.sarif') == ['MI-STORAGE-CONNSTR config/shared.properties',
                                       'MI-STORAGE-CONNSTR module-a/src/main/resources/application.properties',
                                       'MI-APPINSIGHTS-CONNSTR module-b/src/main/resources/application.properties']
def root = sarif('target/mi-scan.sarif').runs[0]
assert root.originalUriBaseIds.SRCROOT.uri == basedir.toPath().toUri().toString()
assert root.tool.driver.rules*.id.containsAll(['MI-STORAGE-CONNSTR', 'MI-APPINSIGHTS-CONNSTR'])
def fingerprints = root.results.collect { it.partialFingerprints['miScanFingerprint/v2'] }
assert fingerprints.every { it } && fingerprints.unique(false).size() == 3
// The same from a parallel build.
assert uris('target/parallel/mi-scan.sarif') == uris('target/mi-scan.sarif')
// Each module's own report: its findings only, with the same paths.
assert uris('module-a/target/mi-scan.sarif') == ['MI-STORAGE-CONNSTR module-a/src/main/resources/application.properties']
assert uris('module-b/target/mi-scan.sarif') == ['MI-APPINSIGHTS-CONNSTR module-b/src/main/resources/application.properties']
// Without the aggregate, the parent reports its own file only: the modules' files are theirs.
assert uris('target/per-module/mi-scan.sarif') == ['MI-STORAGE-CONNSTR config/shared.properties']
assert uris('module-a/target/per-module/mi-scan.sarif') == ['MI-STORAGE-CONNSTR module-a/src/main/resources/application.properties']

def log = new File(basedir, 'build.log').text
// The log shows paths from the build's root, so each is clickable there.
assert log.contains('[ERROR] config/shared.properties:2:')
assert log.contains('[ERROR] module-a/src/main/resources/application.properties:2:')
assert log.contains('[INFO] module-b/src/main/resources/application.properties:1:')
// three invocations: the parent and module-a one error each, module-b one note
assert log.count('mi-scan: 1 finding (1 error, 0 warnings, 0 notes) in ') == 6
assert log.count('mi-scan: 1 finding (0 errors, 0 warnings, 1 note) in ') == 3
// The parent's report is the reactor's; each module says where that is.
assert log.contains('; reactor report: target/mi-scan.sarif')
assert log.contains('; report: module-a/target/mi-scan.sarif; reactor report: target/mi-scan.sarif')
// A rule's fix once per build, though two modules find it: once per invocation
assert log.count('  fix (MI-STORAGE-CONNSTR') == 3
