def log = new File(basedir, 'build.log').text
assert log.contains("mi-scan: the 'baseline' parameter (mi-scan.baseline) is not available in this version of mi-scan-maven-plugin")
assert log.contains("mi-scan: the 'config' parameter (mi-scan.config) is not available in this version of mi-scan-maven-plugin")
