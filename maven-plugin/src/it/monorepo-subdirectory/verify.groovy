import groovy.json.JsonSlurper

def key = new File(basedir, 'target/planted.txt').text
def reports = new File(basedir, 'services/orders/target')
def sarif = new JsonSlurper().parse(new File(reports, 'mi-scan.sarif'))
def run = sarif.runs[0]
assert run.results.size() == 1
assert run.results[0].locations[0].physicalLocation.artifactLocation.uri == 'services/orders/src/main/resources/application.properties'
assert run.results[0].locations[0].physicalLocation.artifactLocation.uriBaseId == 'SRCROOT'
assert run.originalUriBaseIds.SRCROOT.uri == basedir.toPath().toUri().toString()
def json = new JsonSlurper().parse(new File(reports, 'mi-scan.json'))
assert json.findings*.path == ['services/orders/src/main/resources/application.properties']

def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] src\/main\/resources\/application\.properties:1:\d+  MI-STORAGE-CONNSTR  /
assert log.contains('; report: target/mi-scan.sarif, target/mi-scan.json')
[log, new File(reports, 'mi-scan.sarif').text, new File(reports, 'mi-scan.json').text].each { assert !it.contains(key) }
return true
