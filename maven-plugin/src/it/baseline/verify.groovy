def log = new File(basedir, 'build.log').text
assert log.contains('1 suppressed') || log.contains('suppressed')
assert log.contains('baseline file not found')
assert log.contains('MI-STORAGE-CONNSTR')
// mi-scan-baseline.json is of format 1 (unsalted hashes): it still suppresses, with one warning per build that
// uses it telling how to rewrite it keyed
assert log.count('baseline of format 1') == 1
assert log.contains("mi-scan baseline update --file")
def key = new File(basedir, 'src/main/resources/application.properties').text.find(/AccountKey=([^;]+)/) { m, k -> k }
assert key != null && !log.contains(key)
return true
