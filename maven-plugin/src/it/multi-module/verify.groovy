import groovy.json.JsonSlurper

def uris = { dir ->
    def sarif = new JsonSlurper().parse(new File(basedir, dir + 'target/mi-scan.sarif'))
    sarif.runs[0].results.collect { it.ruleId + ' ' + it.locations[0].physicalLocation.artifactLocation.uri }
}
// The parent reports its own file only: the modules' files are theirs.
assert uris('') == ['MI-STORAGE-CONNSTR config/shared.properties']
assert uris('module-a/') == ['MI-STORAGE-CONNSTR src/main/resources/application.properties']
assert uris('module-b/') == ['MI-APPINSIGHTS-CONNSTR src/main/resources/application.properties']

def log = new File(basedir, 'build.log').text
// The log shows paths from the build's root, so each is clickable there.
assert log.contains('[ERROR] config/shared.properties:2:')
assert log.contains('[ERROR] module-a/src/main/resources/application.properties:2:')
assert log.contains('[INFO] module-b/src/main/resources/application.properties:1:')
assert log.count('mi-scan: 1 finding (1 error, 0 warnings, 0 notes) in ') == 2
assert log.count('mi-scan: 1 finding (0 errors, 0 warnings, 1 note) in ') == 1
