def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def keys = new File(basedir, 'target/planted.txt').readLines()
assert keys.size() == 3

// Each finding's line, then its details: redacted preview and source line, fix, code, roles, az commands.
def findingLine = ~/^\[ERROR\] src\/main\/resources\/application\.properties:[123]:\d+  MI-STORAGE-CONNSTR  .*/
assert lines.count { it ==~ findingLine } == 3
assert lines.count { it.startsWith('[ERROR]   preview: ') } == 3
assert lines.count { it.startsWith('[ERROR]   line: storage.') } == 3
assert lines.count { it.startsWith('[ERROR]   fix: Remove the account key') } == 3
assert lines.count { it.startsWith('[ERROR]   role: Storage Blob Data') } >= 3
assert lines.count { it.startsWith('[ERROR]   run: az role assignment create') } >= 3
assert lines.count { it.contains('  fix (MI-STORAGE-CONNSTR') } == 0
assert !log.contains('-Dmi-scan.verbose=true)')
assert log.contains("mi-scan found 3 credential findings at or above 'error' in verbose-log:")

keys.each { assert !log.contains(it) }
return true
