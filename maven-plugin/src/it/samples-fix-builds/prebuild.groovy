// Copies each sample's vulnerable tree, runs `mi-scan fix` (the CLI jar of this build) on a copy, and checks
// the re-scan: no result with a fix may be left. invoker.properties then compiles the Java sample before and
// after, so a fix that breaks the build fails here.
import groovy.json.JsonSlurper
import java.nio.file.*

def jar = new File(cliJar)
assert jar.isFile() : "$cliJar is missing: build the cli module first (mvn install)"
def java = Paths.get(System.getProperty('java.home'), 'bin', 'java').toString()

def copy = { Path from, Path to ->
    Files.walk(from).filter { !from.relativize(it).toString().split('/').contains('target') }.each { src ->
        def dst = to.resolve(from.relativize(src).toString())
        if (Files.isDirectory(src)) {
            Files.createDirectories(dst)
        } else {
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
def run = { List<String> command, String log ->
    def p = command.execute()
    def out = new StringBuilder()
    p.waitForProcessOutput(out, out)
    new File(basedir, log).text = out.toString()
    return [p.exitValue(), out.toString()]
}
// the tree to fix is a git repository of its own with everything committed, as a project is: 'fix' then changes
// files without uncommitted changes, and its lock (in the repository's git folder) is not the one of the repository
// this build runs in, which the ITs running in parallel would otherwise share
def commitAll = { Path dir ->
    [['git', 'init', '-q', '.'], ['git', 'add', '-A'],
     ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-q', '-m', 'the project']].each { c ->
        def p = c.execute(null, dir.toFile())
        p.waitForProcessOutput(System.out, System.err)
        assert p.exitValue() == 0 : "${c.join(' ')} failed in $dir (the plugin integration tests need git)"
    }
}

['spring-boot-app', 'infra-app'].each { sample ->
    def from = Paths.get(samplesDirectory, sample, 'vulnerable')
    def root = basedir.toPath().resolve(sample)
    copy(from, root.resolve('original'))
    copy(from, root.resolve('fixed'))
    commitAll(root.resolve('fixed'))
    def fixed = root.resolve('fixed').toString()

    def (fixExit, fixOut) = run([java, '-jar', jar.path, 'fix', fixed], "${sample}-fix.log")
    // 1: findings that need a person remain (database passwords, IaC parameters…); anything else is an error
    assert fixExit == 1 : "mi-scan fix on $sample exited $fixExit (see ${sample}-fix.log)"
    assert fixOut =~ /mi-scan: fixed [1-9]\d* file/ : "mi-scan fix changed nothing in $sample"
    assert fixOut.contains('not fixed automatically: ')

    def sarif = new File(basedir, "${sample}-after.sarif")
    def (scanExit, scanOut) = run([java, '-jar', jar.path, 'scan', fixed, '--format', 'sarif', '-o', sarif.path],
            "${sample}-rescan.log")
    assert scanExit in [0, 1] : "re-scan of $sample exited $scanExit (see ${sample}-rescan.log)"
    def results = new JsonSlurper().parse(sarif).runs[0].results
    def fixable = results.findAll { it.fixes }
    assert fixable.isEmpty() : "$sample: fixable findings left after mi-scan fix: " + fixable.collect { it.ruleId }
}
return true
