def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def keys = new File(basedir, 'target/planted.txt').readLines()
assert keys.size() == 3

// 3 findings of one rule: 3 lines, then 1 line with the rule's fix; no per-finding details.
def findingLine = ~/^\[ERROR\] src\/main\/resources\/application\.properties:[123]:\d+  MI-STORAGE-CONNSTR  Storage account key of account 'contosodata'.*/
assert lines.count { it ==~ findingLine } == 3
assert lines.count { it.startsWith('[ERROR]   fix (MI-STORAGE-CONNSTR, as for src/main/resources/application.properties:1): Remove the account key') } == 1
assert lines.count { it.contains('  fix') } == 1
assert !lines.any { it =~ /^\[\w+\]   (preview|line|role|run|dependency): / }
// everything the goal logs: the 3 findings, the fix and the summary
def plugin = lines.dropWhile { !it.contains('mi-scan-maven-plugin:') }.drop(1).takeWhile { !it.startsWith('[INFO] ---') && !it.contains('BUILD FAILURE') }
assert plugin.size() == 5 : plugin.size() + ' lines'
assert plugin.last() =~ /^\[INFO\] mi-scan: 3 findings \(3 errors, 0 warnings, 0 notes\) in \d+ files; 0 binary; 0 skipped; 0 suppressed; report: target\/mi-scan\.sarif /
assert plugin.last().endsWith("(each finding's roles, az commands and code: -Dmi-scan.verbose=true)")

// The failure message stays clear: what, where, what to do.
assert log.contains("mi-scan found 3 credential findings at or above 'error' in compact-log:")
assert lines.count { it ==~ /^\[ERROR\]   src\/main\/resources\/application\.properties:[123]:\d+  MI-STORAGE-CONNSTR  .*/ } == 3
assert log.contains('Remove each credential and use Managed Identity as the fix lines above say (all details in target/mi-scan.sarif)')

keys.each { assert !log.contains(it) }
assert !new File(basedir, 'target/mi-scan.sarif').text.contains(keys[0])
return true
