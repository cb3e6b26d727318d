import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def props = new File(basedir, 'src/main/resources/application.properties').text
def key = (props =~ /AccountKey=([^;]+);/)[0][1]

// The finding, with file:line:column and the fix.
assert log =~ /\[ERROR\] src\/main\/resources\/application\.properties:3:\d+  MI-STORAGE-CONNSTR  /
assert log.contains('  fix: ')
assert log.contains('  role: Storage Blob Data')
// The failure message names the finding and ends with what to do.
assert log.contains("mi-scan found 1 credential finding at or above 'error' in storage key fails:")
assert log.contains('; to accept one, add a comment \'mi-scan:allow RULE-ID reason\' on its line or the line before.')
assert log.contains('mi-scan: 1 finding (1 error, 0 warnings, 0 notes) in ')
// Never the secret itself.
assert !log.contains(key)

def sarifFile = new File(basedir, 'target/mi-scan.sarif')
assert !sarifFile.text.contains(key)
def sarif = new JsonSlurper().parse(sarifFile)
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'MI-STORAGE-CONNSTR'
assert results[0].level == 'error'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/application.properties'
assert results[0].locations[0].physicalLocation.region.startLine == 3
assert results[0].partialFingerprints['miScanFingerprint/v2']
