// Copies layouts/ to fixed/ and runs `mi-scan fix` (the CLI jar of this build) on each layout: the Java fixes
// import com.azure.identity, so fix must also give each module's pom.xml azure-identity at the project's version
// (invoker.properties then compiles them). The re-scan of each must have no fixable finding left; the layouts under
// refused/ (an azure-core no azure-sdk-bom manages, Gradle builds) must be refused with their reasons.
import groovy.json.JsonSlurper
import java.nio.file.*

def jar = new File(cliJar)
assert jar.isFile() : "$cliJar is missing: build the cli module first"
def java = Paths.get(System.getProperty('java.home'), 'bin', 'java').toString()
def from = basedir.toPath().resolve('layouts')
def fixed = basedir.toPath().resolve('fixed')
Files.walk(from).each { src ->
    def dst = fixed.resolve(from.relativize(src).toString())
    if (Files.isDirectory(src)) {
        Files.createDirectories(dst)
    } else {
        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING)
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

commitAll(fixed)

['bom-imported', 'spring-starter', 'no-bom', 'multi-module'].each { layout ->
    def dir = fixed.resolve(layout).toString()
    def (exit, out) = run([java, '-jar', jar.path, 'fix', dir], "${layout}-fix.log")
    assert exit == 0 : "mi-scan fix on $layout exited $exit (see ${layout}-fix.log)"
    def pom = (layout == 'multi-module' ? "$layout/orders" : layout) + '/pom.xml'
    assert out.readLines().any { it.startsWith('+++ b/') && it.endsWith(pom) } : "$layout: $pom unchanged"
    def sarif = new File(basedir, "${layout}-after.sarif")
    def (scanExit, scanOut) = run([java, '-jar', jar.path, 'scan', dir, '--format', 'sarif', '-o', sarif.path],
            "${layout}-rescan.log")
    assert scanExit == 0 : "re-scan of $layout exited $scanExit (see ${layout}-rescan.log)"
    def fixable = new JsonSlurper().parse(sarif).runs[0].results.findAll { it.fixes }
    assert fixable.isEmpty() : "$layout: fixable findings left after mi-scan fix"
}

// one reactor compiles them all (invoker.properties), in one Maven run
fixed.resolve('pom.xml').toFile().text = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId>
  <artifactId>fixed-layouts</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <modules>
    <module>bom-imported</module>
    <module>spring-starter</module>
    <module>no-bom</module>
    <module>multi-module</module>
  </modules>
</project>
'''

def (exit, out) = run([java, '-jar', jar.path, 'fix', fixed.resolve('refused').toString()], 'refused-fix.log')
assert exit == 1 : "mi-scan fix on refused/ exited $exit (see refused-fix.log)"
assert out.contains('mi-scan: fixed 0 file(s)')
assert out =~ /Pinned\.java:\d+ .*no azure-sdk-bom mi-scan knows .* manages azure-core 1\.55\.0/
assert out.contains("add implementation platform('com.azure:azure-sdk-bom:1.2.30') and implementation 'com.azure:azure-identity'")
assert out.contains('gradle-kotlin/build.gradle.kts does not declare com.azure:azure-identity: add implementation("com.azure:azure-identity")')
assert !fixed.resolve('refused/unknown-core/src/main/java/demo/Pinned.java').toFile().text.contains('DefaultAzureCredential')
return true
