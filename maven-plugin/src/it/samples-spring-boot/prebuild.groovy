// Copies the sample twins to twins/ (no POM there, so their Spring Boot parent is looked up in the
// repository, as in samples/), so the build writes nothing into samples/.
import java.nio.file.*

def samples = Paths.get(samplesDirectory, 'spring-boot-app')
['vulnerable', 'fixed'].each { twin ->
    def from = samples.resolve(twin)
    def to = basedir.toPath().resolve('twins').resolve(twin)
    Files.walk(from).filter { !it.toString().contains('/target/') }.each { src ->
        def dst = to.resolve(from.relativize(src).toString())
        if (Files.isDirectory(src)) {
            Files.createDirectories(dst)
        } else {
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING)
        }
    }
    // The samples declare the plugin at the project's version; a release that forgets them fails here.
    def pom = to.resolve('pom.xml').toFile().text
    assert pom.contains('<artifactId>mi-scan-maven-plugin</artifactId>') : "samples/spring-boot-app/$twin/pom.xml must declare mi-scan-maven-plugin"
    assert pom.contains("<version>${projectVersion}</version>") : "samples/spring-boot-app/$twin/pom.xml must use mi-scan-maven-plugin $projectVersion"
}
return true
