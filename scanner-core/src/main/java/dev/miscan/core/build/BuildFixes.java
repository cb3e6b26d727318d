package dev.miscan.core.build;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fix;
import dev.miscan.core.catalogue.AzureSdkBoms;
import dev.miscan.core.engine.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Dependency;

/**
 * The project-level step after a scan that makes Java fixes build: a fix whose code needs an artifact on the class
 * path ({@link Fix#requires()}, e.g. {@code com.azure:azure-identity} for {@code DefaultAzureCredentialBuilder})
 * gets the edit of its module's {@code pom.xml} that declares it, or is withdrawn with the reason
 * ({@link dev.miscan.core.api.Remediation#manual()}) when the build cannot be made to have it.
 *
 * <p>Maven, from the module's POM and its parents inside the tree: nothing to do when the artifact is declared;
 * the dependency without a version when {@code azure-sdk-bom}, the Spring Cloud Azure BOM or a
 * {@code <dependencyManagement>} entry manages it; nothing when a Spring Cloud Azure starter brings azure-identity
 * and nothing manages it; otherwise the import of the {@code azure-sdk-bom} whose azure-core is the project's
 * (from the declared com.azure versions, {@code ${…}} resolved from the POMs' properties, {@link AzureSdkBoms})
 * and the dependency without a version. Gradle builds are never edited: the fix needs the artifact declared
 * already, and the reason says what to add. Decisions are made once per build file.
 */
public final class BuildFixes {
    static final String AZURE = "com.azure";
    static final String SPRING_AZURE = "com.azure.spring";
    static final String SPRING_AZURE_BOM = "spring-cloud-azure-dependencies";
    private static final Pattern GRADLE_AZURE = Pattern.compile("['\"]com\\.azure:([a-z0-9-]+):(\\d[0-9.]*)['\"]");

    /** What a build needs so that a fix's code compiles. */
    public sealed interface Decision permits Ready, Change, Refused {
    }

    /** The build has the artifact already ({@code why} says where from): nothing to change. */
    public record Ready(String why) implements Decision {
    }

    /** The build gets the artifact with {@code change}. */
    public record Change(Fix.FileChange change) implements Decision {
    }

    /** The build cannot be made to have the artifact: the fix is not applied, for {@code reason}. */
    public record Refused(String reason) implements Decision {
    }

    private final Path base;
    private final MavenPoms poms;
    private final Map<String, Decision> decided = new HashMap<>();

    public BuildFixes(Path base) {
        this.base = base.toAbsolutePath().normalize();
        this.poms = new MavenPoms(this.base);
    }

    /**
     * The scan with each Java fix that needs an artifact made buildable (the build file's edit attached) or
     * withdrawn (its reason as the remediation's {@code manual}). A scan without a base directory is returned as
     * it is.
     */
    public static ScanResult attach(ScanResult result) {
        if (result.baseDir() == null) {
            return result;
        }
        BuildFixes builds = new BuildFixes(result.baseDir());
        List<Finding> findings = result.findings().stream().map(builds::attach).toList();
        List<Finding> suppressed = result.suppressedFindings().stream().map(builds::attach).toList();
        return new ScanResult(result.baseDir(), result.rules(), findings, result.warnings(), result.filesScanned(),
                result.bytesScanned(), result.suppressed(), suppressed, result.fingerprintKey(), result.filesBinary());
    }

    /** {@code f} with its fix made buildable or withdrawn; unchanged when its fix needs nothing. */
    public Finding attach(Finding f) {
        Fix fix = f.remediation().fix();
        if (fix == null || fix.requires().isEmpty() || !fix.changes().isEmpty()) {
            return f;
        }
        Fix out = fix;
        for (String coordinates : fix.requires()) {
            Decision d = decide(f.location().path(), coordinates);
            if (d instanceof Refused r) {
                return f.withRemediation(f.remediation().withFix(null).withManual(r.reason()));
            }
            if (d instanceof Change c) {
                out = out.withChange(c.change(), c.change().description());
            }
        }
        return f.withRemediation(f.remediation().withFix(out));
    }

    /**
     * What the build of {@code path} (a file of the tree, relative to it with {@code /}) needs so that code using
     * {@code coordinates} ({@code group:artifact}) compiles: the nearest {@code pom.xml}, {@code build.gradle.kts} or
     * {@code build.gradle} above it decides.
     */
    public Decision decide(String path, String coordinates) {
        String[] ga = coordinates.split(":");
        if (ga.length != 2) {
            throw new IllegalArgumentException("group:artifact expected");
        }
        Path file = base.resolve(path).normalize();
        for (Path dir = file.getParent(); dir != null && dir.startsWith(base); dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            Path kts = dir.resolve("build.gradle.kts");
            Path groovy = dir.resolve("build.gradle");
            Path build = Files.isRegularFile(pom) ? pom : Files.isRegularFile(kts) ? kts
                    : Files.isRegularFile(groovy) ? groovy : null;
            if (build != null) {
                // a test source compiles with test-scoped dependencies too
                boolean test = dir.relativize(file).toString().replace('\\', '/').startsWith("src/test/");
                return decided.computeIfAbsent(build + "\n" + coordinates + "\n" + test, k -> build == pom
                        ? maven(pom, ga[0], ga[1], test) : gradle(build, ga[0], ga[1]));
            }
        }
        return new Refused("the fix needs " + coordinates + ", and no pom.xml or Gradle build file holds this file"
                + " in the scanned tree: add " + coordinates + " to its build, then run fix again");
    }

    private Decision maven(Path pomFile, String group, String artifact, boolean test) {
        String coordinates = group + ":" + artifact;
        List<MavenPoms.Pom> chain;
        try {
            chain = poms.chain(poms.read(pomFile));
        } catch (MavenPoms.Unreadable e) {
            return new Refused("the fix needs " + coordinates + " in the build, and " + e.getMessage());
        }
        MavenPoms.Pom module = chain.get(0);
        Map<String, String> props = MavenPoms.properties(chain);
        for (MavenPoms.Pom pom : chain) {
            for (Dependency d : pom.model().getDependencies()) {
                if (MavenPoms.is(d, group, artifact, props)) {
                    // declared for the tests only: the fixed main code would not compile, and a second
                    // declaration of the same artifact is a Maven error
                    return "test".equals(d.getScope()) && !test ? new Refused("the fix needs " + coordinates
                            + " at compile scope, and " + pom.path() + " declares it for the tests only: change its"
                            + " scope, then run fix again")
                            : new Ready(coordinates + " is declared in " + pom.path());
                }
            }
        }
        String manager = manager(chain, group, artifact, props);
        if (manager != null) {
            PomText text = PomText.of(module.text()).orElse(null);
            if (text == null) {
                return new Refused("the fix needs " + coordinates + ", and " + module.path() + " is not well-formed XML");
            }
            return new Change(new Fix.FileChange(module.path(), "add " + coordinates + " to " + module.path()
                    + " (its version comes from " + manager + ")",
                    List.of(text.addDependency(group, artifact, null)), module.textHash()));
        }
        if (artifact.equals("azure-identity")) {
            for (MavenPoms.Pom pom : chain) {
                for (Dependency d : pom.model().getDependencies()) {
                    String a = MavenPoms.interpolate(d.getArtifactId(), props);
                    if (SPRING_AZURE.equals(MavenPoms.interpolate(d.getGroupId(), props)) && a != null
                            && a.startsWith("spring-cloud-azure-starter")) {
                        return new Ready(coordinates + " comes with " + SPRING_AZURE + ":" + a + " (" + pom.path() + ")");
                    }
                }
            }
        }
        if (!group.equals(AZURE)) {
            return new Refused("the fix needs " + coordinates + ", which " + module.path() + " does not declare: add it,"
                    + " then run fix again");
        }
        return bomImport(chain, module, coordinates, artifact, props);
    }

    /** What manages the version of {@code group:artifact} in the chain's {@code <dependencyManagement>}, or null. */
    private static String manager(List<MavenPoms.Pom> chain, String group, String artifact, Map<String, String> props) {
        for (MavenPoms.Pom pom : chain) {
            if (pom.model().getDependencyManagement() == null) {
                continue;
            }
            for (Dependency d : pom.model().getDependencyManagement().getDependencies()) {
                boolean imported = MavenPoms.isImport(d);
                if (imported && group.equals(AZURE) && MavenPoms.is(d, AZURE, AzureSdkBoms.ARTIFACT, props)) {
                    return AZURE + ":" + AzureSdkBoms.ARTIFACT + ", imported in " + pom.path();
                }
                if (imported && group.equals(AZURE) && MavenPoms.is(d, SPRING_AZURE, SPRING_AZURE_BOM, props)) {
                    return SPRING_AZURE + ":" + SPRING_AZURE_BOM + ", imported in " + pom.path();
                }
                if (!imported && MavenPoms.is(d, group, artifact, props)) {
                    return "the <dependencyManagement> of " + pom.path();
                }
            }
        }
        return null;
    }

    /** The import of the azure-sdk-bom whose versions are the project's, and the dependency without a version. */
    private Decision bomImport(List<MavenPoms.Pom> chain, MavenPoms.Pom module, String coordinates, String artifact,
            Map<String, String> props) {
        Map<String, String> declared = new LinkedHashMap<>();
        Map<String, String> where = new HashMap<>();
        for (MavenPoms.Pom pom : chain) {
            List<Dependency> all = new ArrayList<>(pom.model().getDependencies());
            if (pom.model().getDependencyManagement() != null) {
                pom.model().getDependencyManagement().getDependencies().stream().filter(d -> !MavenPoms.isImport(d))
                        .forEach(all::add);
            }
            for (Dependency d : all) {
                String g = MavenPoms.interpolate(d.getGroupId(), props);
                String a = MavenPoms.interpolate(d.getArtifactId(), props);
                if (!AZURE.equals(g) || a == null || d.getVersion() == null || declared.containsKey(a)) {
                    continue;
                }
                String v = MavenPoms.interpolate(d.getVersion(), props);
                if (v == null || !v.matches("\\d[0-9A-Za-z.-]*")) {
                    return new Refused("the fix needs " + coordinates + " at the version of the project's azure-core,"
                            + " and " + pom.path() + " gives " + AZURE + ":" + a + " the version "
                            + d.getVersion().strip() + (v == null ? ", which no POM in the tree defines" : "")
                            + ": add " + coordinates + " by hand");
                }
                declared.put(a, v);
                where.put(a, pom.path());
            }
        }
        AzureSdkBoms boms = AzureSdkBoms.get();
        if (boms.deciding(declared).isEmpty()) {
            return new Refused("the fix needs " + coordinates + ", and " + module.path() + " names no version of"
                    + " azure-core or of an Azure SDK library mi-scan knows, from which to choose the azure-sdk-bom"
                    + " to import: import com.azure:azure-sdk-bom at the version of your azure-core, and add "
                    + coordinates + ", by hand");
        }
        Optional<String> bom = boms.matching(declared);
        List<String> versions = boms.versions();
        if (bom.isEmpty()) {
            StringBuilder seen = new StringBuilder();
            for (String a : boms.deciding(declared)) {
                seen.append(seen.length() == 0 ? "" : ", ").append(a).append(' ').append(declared.get(a)).append(" (")
                        .append(where.get(a)).append(')');
            }
            return new Refused("the fix needs " + coordinates + " at the version of the project's azure-core, and no"
                    + " azure-sdk-bom mi-scan knows (" + versions.get(versions.size() - 1) + " to " + versions.get(0)
                    + ") manages " + seen + ": import the azure-sdk-bom of that azure-core, and add " + coordinates
                    + ", by hand");
        }
        PomText text = PomText.of(module.text()).orElse(null);
        if (text == null) {
            return new Refused("the fix needs " + coordinates + ", and " + module.path() + " is not well-formed XML");
        }
        String core = boms.managed(bom.get(), "azure-core").orElse("?");
        List<Fix.Edit> edits = List.of(text.addDependency(AZURE, AzureSdkBoms.ARTIFACT, bom.get()),
                text.addDependency(AZURE, artifact, null));
        return new Change(new Fix.FileChange(module.path(), "import " + AZURE + ":" + AzureSdkBoms.ARTIFACT + " "
                + bom.get() + " (azure-core " + core + ", as the project's) and add " + coordinates + " to "
                + module.path(), edits, module.textHash()));
    }

    /**
     * A Gradle build is not edited: the artifact must be declared in the module's build file, one above it, or a
     * version catalogue it uses; else the fix is refused with the two lines to add, in the file's DSL.
     */
    private Decision gradle(Path buildFile, String group, String artifact) {
        String coordinates = group + ":" + artifact;
        String display = dev.miscan.core.source.ReportedPaths.slashes(base.relativize(buildFile));
        String own;
        try {
            own = read(buildFile);
        } catch (IOException e) {
            return new Refused("the fix needs " + coordinates + ", and " + display + " cannot be read");
        }
        Pattern named = Pattern.compile("group\\s*[:=]\\s*['\"]" + Pattern.quote(group)
                + "['\"]\\s*,\\s*name\\s*[:=]\\s*['\"]" + Pattern.quote(artifact) + "['\"]");
        StringBuilder builds = new StringBuilder();
        for (Path dir = buildFile.getParent(); dir != null && dir.startsWith(base); dir = dir.getParent()) {
            for (String name : List.of("build.gradle.kts", "build.gradle")) {
                Path f = dir.resolve(name);
                String text = f.equals(buildFile) ? own : readQuietly(f);
                if (text.contains(coordinates) || named.matcher(text).find()) {
                    return new Ready(coordinates + " is declared in "
                            + dev.miscan.core.source.ReportedPaths.slashes(base.relativize(f)));
                }
                builds.append(text).append('\n');
            }
            String catalogue = readQuietly(dir.resolve("gradle/libs.versions.toml"));
            Matcher alias = Pattern.compile("(?m)^\\s*([A-Za-z0-9_.-]+)\\s*=\\s*\\{[^}\\n]*(?:module\\s*=\\s*\""
                    + Pattern.quote(coordinates) + "\"|group\\s*=\\s*\"" + Pattern.quote(group)
                    + "\"\\s*,\\s*name\\s*=\\s*\"" + Pattern.quote(artifact) + "\")").matcher(catalogue);
            while (alias.find()) {
                String accessor = "libs." + alias.group(1).replace('-', '.').replace('_', '.');
                if (builds.indexOf(accessor) >= 0 || own.contains(accessor)) {
                    return new Ready(coordinates + " is declared in " + display + " (" + accessor + ")");
                }
            }
        }
        boolean kotlin = buildFile.getFileName().toString().endsWith(".kts");
        String dependency = kotlin ? "implementation(\"" + coordinates + "\")" : "implementation '" + coordinates + "'";
        if (!group.equals(AZURE) || own.contains(AzureSdkBoms.ARTIFACT)) {
            return new Refused("mi-scan does not edit Gradle builds, and " + display + " does not declare " + coordinates
                    + ": add " + dependency + " to its dependencies, then run fix again");
        }
        Map<String, String> declared = new LinkedHashMap<>();
        Matcher m = GRADLE_AZURE.matcher(own);
        while (m.find()) {
            declared.putIfAbsent(m.group(1), m.group(2));
        }
        AzureSdkBoms boms = AzureSdkBoms.get();
        Optional<String> matching = boms.matching(declared);
        String bom = matching.orElse(boms.versions().get(0));
        String platform = kotlin ? "implementation(platform(\"com.azure:azure-sdk-bom:" + bom + "\"))"
                : "implementation platform('com.azure:azure-sdk-bom:" + bom + "')";
        return new Refused("mi-scan does not edit Gradle builds, and " + display + " does not declare " + coordinates
                + ": add " + platform + " and " + dependency + " to its dependencies"
                + (matching.isPresent() ? " (that BOM's azure-core is " + boms.managed(bom, "azure-core").orElse("?")
                        + ", as the build's)" : " (" + bom + " is the newest azure-sdk-bom mi-scan knows: take the one"
                        + " whose azure-core your build resolves)") + ", then run fix again");
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > (4L << 20)) {
            throw new IOException("not a regular file");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.isRegularFile(file) ? read(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
