def log = new File(basedir, 'build.log').text
assert log.contains('mi-scan: skipped (mi-scan.skip)')
assert log.contains("mi-scan: unknown failOn 'critical'; use error (or secret), warning (or key-based-auth), note (or hardening), none")
assert log.contains('mi-scan: 1 finding (1 error, 0 warnings, 0 notes) in ')
assert new File(basedir, 'target/mi-scan.json').exists()
assert !new File(basedir, 'target/mi-scan.sarif').exists()
