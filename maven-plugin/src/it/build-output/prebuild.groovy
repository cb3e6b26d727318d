// The project is its own git repository, as a real one is (report paths start at its root), with a gitignored local
// settings file, and a baseline that accepts the key committed in storage.properties, written by the CLI jar of this
// build.
import java.nio.file.Paths

def run = { List<String> command ->
    def p = command.execute(null, basedir)
    def out = new StringBuilder()
    p.waitForProcessOutput(out, out)
    assert p.exitValue() == 0 : "${command.join(' ')} failed (exit ${p.exitValue()})"
}
run(['git', 'init', '-q', '.'])
// a developer's local settings, gitignored, with a key of their own (generated): the source scan skips the file, so
// its copies in target/classes and the jar are left out too
def bytes = new byte[64]
new java.security.SecureRandom().nextBytes(bytes)
new File(basedir, 'src/main/resources/application-local.properties').text =
        'azure.storage.account-name=devlocal\nazure.storage.account-key=' + bytes.encodeBase64().toString() + '\n'
new File(basedir, '.gitignore').text = 'application-local.properties\n'
def jar = new File(cliJar)
assert jar.isFile() : "$cliJar is missing: build the cli module first"
// the class-data sharing archives of the launcher and the pre-commit hook hold only classes of class-file version 50
// or later: the command line's own classes and picocli's (raised from Java 5 by the cli build) must all be
def tooOld = []
new java.util.zip.ZipFile(jar).withCloseable { zip ->
    zip.entries().findAll { it.name.endsWith('.class') && (it.name.startsWith('picocli/') || it.name.startsWith('dev/miscan/')) }
            .each { entry ->
                def header = zip.getInputStream(entry).withCloseable { it.readNBytes(8) }
                if ((((header[6] & 0xff) << 8) | (header[7] & 0xff)) < 50) {
                    tooOld << entry.name
                }
            }
}
assert tooOld.isEmpty() : "class files older than version 50 in $cliJar: ${tooOld.take(5)} (${tooOld.size()})"
def java = Paths.get(System.getProperty('java.home'), 'bin', 'java').toString()
run([java, '-jar', jar.path, 'baseline', 'create', 'src/main/resources/storage.properties'])
assert new File(basedir, '.mi-scan-baseline.json').isFile()
return true
