// The project is its own git repository, as a real one is: report paths are relative to its root (without this,
// the root would be that of the repository the test runs in).
def git = ['git', 'init', '-q', basedir.absolutePath].execute()
git.waitForProcessOutput(System.out, System.err)
assert git.exitValue() == 0 : 'git init failed (the plugin integration tests need git)'
return true
