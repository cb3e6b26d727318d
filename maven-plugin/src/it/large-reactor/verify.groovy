import groovy.json.JsonSlurper

def results = { path -> new JsonSlurper().parse(new File(basedir, path)).runs[0].results }
def log = new File(basedir, 'build.log').text

// Every module's findings in the reactor's report, though module-c left it to module-d, which skips the goal.
['target', 'target/parallel', 'target/bound', 'target/fae'].each { dir ->
    def all = results("${dir}/mi-scan.sarif")
    assert all.size() == 800 : "${dir}: ${all.size()} results"
    assert all.collect { it.locations[0].physicalLocation.artifactLocation.uri.split('/')[0] }.countBy { it } ==
            ['module-a': 300, 'module-b': 200, 'module-c': 300]
}
// Each module keeps its own report.
assert results('module-c/target/mi-scan.sarif').size() == 300

// Up to 500 findings the aggregate is written after each module; module-c's 800 wait for the last module.
assert log.contains('in 201 files; 0 binary; 0 skipped; 0 suppressed; report: module-b/target/mi-scan.sarif; reactor report: target/mi-scan.sarif (')
assert log.contains('in 301 files; 0 binary; 0 skipped; 0 suppressed; report: module-c/target/mi-scan.sarif; reactor report: target/mi-scan.sarif once the last module has run (')
assert log.contains('mi-scan: skipped (mi-scan.skip)')
// only the --fail-at-end build fails (module-b), and it skips module-d
assert log.count('BUILD FAILURE') == 1
assert log.contains('module-d ........................................... SKIPPED')
return true
