import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] src\/main\/resources\/application\.properties:2:\d+  MI-APPINSIGHTS-CONNSTR  /
// a Kotlin source is read as Java by the plugin too
assert log =~ /\[WARNING\] src\/main\/kotlin\/app\/Storage\.kt:7:\d+  MI-STORAGE-KEY-AUTH  /
assert log.contains('mi-scan: 2 findings (0 errors, 1 warning, 1 note) in ')
assert !log.contains('mi-scan found')

def json = new JsonSlurper().parse(new File(basedir, 'target/mi-scan.json'))
assert json.formatVersion == 1
assert new JsonSlurper().parse(new File(basedir, 'target/mi-scan.sarif')).runs[0].results.find { it.ruleId == 'MI-APPINSIGHTS-CONNSTR' }.level == 'note'
assert new File(basedir, 'target/mi-scan.txt').text.contains('MI-APPINSIGHTS-CONNSTR')
