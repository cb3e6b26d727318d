import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def props = new File(basedir, 'src/main/resources/application.properties').text
def key = (props =~ /AccountKey=([^;]+);/)[0][1]

// The finding on one line, with file:line:column, then the rule's fix once; the details (roles, az commands,
// code) are in the SARIF and behind -Dmi-scan.verbose=true (the verbose-log test).
assert log =~ /\[ERROR\] src\/main\/resources\/application\.properties:3:\d+  MI-STORAGE-CONNSTR  /
assert log.count('[ERROR]   fix (MI-STORAGE-CONNSTR, as for src/main/resources/application.properties:3): Remove the account key') == 1
assert !log.contains('  role: ')
assert log.contains('(each finding\'s roles, az commands and code: -Dmi-scan.verbose=true)')
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
assert results[0].properties.remediation.roles.any { it.name.startsWith('Storage Blob Data') }
assert results[0].properties.remediation.commands.any { it.startsWith('az role assignment create') }
