def log = new File(basedir, 'build.log').text
assert log.contains('1 suppressed') || log.contains('suppressed')
assert log.contains('baseline file not found')
assert log.contains('MI-STORAGE-CONNSTR')
def key = new File(basedir, 'src/main/resources/application.properties').text.find(/AccountKey=([^;]+)/) { m, k -> k }
assert key != null && !log.contains(key)
return true
