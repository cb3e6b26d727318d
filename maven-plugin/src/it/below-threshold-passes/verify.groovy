import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] src\/main\/resources\/application\.properties:2:\d+  MI-APPINSIGHTS-CONNSTR  /
assert log.contains('mi-scan: 1 finding (0 errors, 0 warnings, 1 note) in ')
assert !log.contains('mi-scan found')

def json = new JsonSlurper().parse(new File(basedir, 'target/mi-scan.json'))
assert json.formatVersion == 1
assert new JsonSlurper().parse(new File(basedir, 'target/mi-scan.sarif')).runs[0].results[0].level == 'note'
assert new File(basedir, 'target/mi-scan.txt').text.contains('MI-APPINSIGHTS-CONNSTR')
