// Records the hash of the planted key (never the key) so that verify.groovy can check that no log line shows it.
def props = new File(basedir, 'module-a/src/main/resources/application.properties').text
def m = props =~ /AccountKey=([^;]+);/
assert m.find()
new File(basedir, 'key-hash.txt').text = m.group(1).sha256()
// The project is its own git repository with everything committed, as a real one is: report paths start at its
// root, and 'fix' changes only files without uncommitted changes.
def run = { List<String> command ->
    def p = command.execute(null, basedir)
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0 : "${command.join(' ')} failed (the plugin integration tests need git)"
}
run(['git', 'init', '-q', '.'])
run(['git', 'add', '-A'])
run(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-q', '-m', 'the project'])
return true
