import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /mi-scan found \d+ credential findings? at or above 'error' in orders-service:/
assert log.contains('MI-STORAGE-CONNSTR')
assert log.contains('MI-SERVICEBUS-CONNSTR')
def vulnerable = new JsonSlurper().parse(new File(basedir, 'twins/vulnerable/target/mi-scan.sarif')).runs[0].results
def fixed = new JsonSlurper().parse(new File(basedir, 'twins/fixed/target/mi-scan.sarif')).runs[0].results
assert vulnerable.any { it.level == 'error' }
assert fixed.every { it.level != 'error' }
