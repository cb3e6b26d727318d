import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// One plan for the whole build, at the top-level project only
def md = new File(basedir, 'target/mi-scan-plan.md')
def json = new File(basedir, 'target/mi-scan-plan.json')
assert md.isFile() && json.isFile()
assert !new File(basedir, 'module-a/target/mi-scan-plan.md').exists()
assert !new File(basedir, 'module-b/target/mi-scan-plan.md').exists()
def plan = new JsonSlurper().parse(json)
def text = groovy.json.JsonOutput.toJson(plan)
// both modules' resources are in it: the storage account of module-a and the Service Bus of module-b
assert text.contains('planfixdata') : 'the plan misses module-a'
assert text.contains('module-b/src/main/resources/application.properties') : 'the plan misses module-b'
assert log.contains('mi-scan: plan: ')
assert log =~ /Storage Blob Data/
// the dry run said what it would change; the fix changed it once
assert log =~ /mi-scan: dry run: 2 file\(s\) would change/
assert log =~ /mi-scan: fixed 2 file\(s\); re-scan: 0 finding/
def props = new File(basedir, 'module-a/src/main/resources/application.properties').text
assert !props.contains('AccountKey=') : 'the connection string is still there'
assert props.contains('https://planfixdata.blob.core.windows.net')
assert new File(basedir, 'module-b/src/main/resources/application.properties').text
        .contains('managed-identity-enabled=true')
// no line of the log shows the key, the diff included
def key = (new File(basedir, 'key-hash.txt').text.trim())
assert !log.readLines().any { line -> line.split(/[^A-Za-z0-9+\/=]+/).any { it.length() >= 20 && it.sha256() == key } }
return true
