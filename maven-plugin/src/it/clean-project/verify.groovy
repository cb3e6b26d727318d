def log = new File(basedir, 'build.log').text
assert log.contains('mi-scan: 0 findings (0 errors, 0 warnings, 0 notes) in ')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/mi-scan.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.name == 'mi-scan'
assert sarif.runs[0].tool.driver.version == projectVersion
assert sarif.runs[0].results == []
assert !new File(basedir, 'target/mi-scan.json').exists()
