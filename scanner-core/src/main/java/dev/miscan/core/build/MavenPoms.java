package dev.miscan.core.build;

import dev.miscan.core.secrets.Redaction;
import dev.miscan.core.source.ReportedPaths;
import dev.miscan.core.source.SkippedException;
import dev.miscan.core.source.TextDecoding;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The {@code pom.xml} files of a tree, read with Maven's model reader ({@code MavenXpp3Reader}): a module's POM and
 * the chain of its parents that are inside the tree ({@code <parent><relativePath>}, {@code ../pom.xml} unless
 * given), with their properties for {@code ${…}} versions. A parent outside the tree (Spring Boot's, a company's)
 * ends the chain: what it declares is unknown here.
 */
final class MavenPoms {
    /** POMs larger than this are not read (no real POM comes near). */
    private static final long MAX_BYTES = 4L << 20;
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** A POM that could not be read: the message says which and why, without quoting its text. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * One POM as read.
     *
     * @param file     where it is
     * @param path     its path relative to the tree, with {@code /}
     * @param text     its text as the scan decodes it ({@code \n} line ends)
     * @param textHash SHA-256 of {@code text}
     * @param model    what it declares (not interpolated, not inherited)
     */
    record Pom(Path file, String path, String text, String textHash, Model model) {
    }

    private final Path base;
    private final Map<Path, Object> cache = new HashMap<>();

    MavenPoms(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** The POM at {@code file} (inside the tree). */
    Pom read(Path file) throws Unreadable {
        Path normal = file.toAbsolutePath().normalize();
        Object cached = cache.get(normal);
        if (cached == null) {
            try {
                cached = load(normal);
            } catch (Unreadable e) {
                cached = e;
            }
            cache.put(normal, cached);
        }
        if (cached instanceof Unreadable e) {
            throw e;
        }
        return (Pom) cached;
    }

    private Pom load(Path file) throws Unreadable {
        String display = ReportedPaths.slashes(base.relativize(file));
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new Unreadable(display + " is not a regular file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new Unreadable(display + " is too large to read");
            }
            String text = TextDecoding.decode(Files.readAllBytes(file)).text();
            Model model;
            try {
                model = new MavenXpp3Reader().read(new StringReader(text), false);
            } catch (Exception e) {
                // the parser's message quotes the text around the problem (a password could be there): the line only.
                // (Inside Maven the reader is Maven's own: its exception may come from another class loader.)
                throw new Unreadable(display + " does not parse as a POM" + (e instanceof XmlPullParserException x
                        ? " (line " + x.getLineNumber() + ")" : ""));
            }
            return new Pom(file, display, text, Redaction.sha256(text), model);
        } catch (SkippedException e) {
            throw new Unreadable(display + " is not text");
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(display + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The module's POM first, then each parent inside the tree that {@code <parent>} names (matched by group and
     * artifact id). A parent file that is there but does not parse makes the chain unreadable.
     */
    List<Pom> chain(Pom module) throws Unreadable {
        List<Pom> chain = new ArrayList<>();
        chain.add(module);
        Pom pom = module;
        while (pom.model().getParent() != null && chain.size() < 32) {
            Parent p = pom.model().getParent();
            String relative = p.getRelativePath() == null ? "../pom.xml" : p.getRelativePath().strip();
            if (relative.isEmpty()) {
                break;
            }
            Path candidate = pom.file().getParent().resolve(relative).normalize();
            if (Files.isDirectory(candidate)) {
                candidate = candidate.resolve("pom.xml");
            }
            if (!candidate.startsWith(base) || !Files.isRegularFile(candidate)) {
                break;
            }
            Pom parent = read(candidate);
            Model m = parent.model();
            String group = m.getGroupId() != null ? m.getGroupId()
                    : m.getParent() != null ? m.getParent().getGroupId() : null;
            if (!p.getArtifactId().equals(m.getArtifactId()) || group == null || !group.equals(p.getGroupId())
                    || chain.stream().anyMatch(c -> c.file().equals(parent.file()))) {
                break; // another project's POM: the parent is outside the tree
            }
            chain.add(parent);
            pom = parent;
        }
        return chain;
    }

    /**
     * The properties in force in the module of {@code chain}: each POM's {@code <properties>} over its parents',
     * and the project's own coordinates.
     */
    static Map<String, String> properties(List<Pom> chain) {
        Map<String, String> props = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Properties p = chain.get(i).model().getProperties();
            p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
        }
        Model module = chain.get(0).model();
        Parent parent = module.getParent();
        String version = module.getVersion() != null ? module.getVersion() : parent == null ? null : parent.getVersion();
        String group = module.getGroupId() != null ? module.getGroupId() : parent == null ? null : parent.getGroupId();
        for (String prefix : List.of("project.", "pom.", "")) {
            if (version != null) {
                props.put(prefix + "version", version);
            }
            if (group != null) {
                props.put(prefix + "groupId", group);
            }
        }
        if (parent != null && parent.getVersion() != null) {
            props.put("project.parent.version", parent.getVersion());
        }
        return props;
    }

    /** {@code value} with every {@code ${name}} replaced from {@code props}, or null when one is not defined. */
    static String interpolate(String value, Map<String, String> props) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        for (int round = 0; round < 10 && v.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(v);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = props.get(m.group(1));
                if (replacement == null) {
                    return null;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement.strip()));
            }
            m.appendTail(out);
            v = out.toString();
        }
        return v.contains("${") ? null : v;
    }

    /** Whether {@code d} is {@code group:artifact} once interpolated. */
    static boolean is(Dependency d, String group, String artifact, Map<String, String> props) {
        return group.equals(interpolate(d.getGroupId(), props)) && artifact.equals(interpolate(d.getArtifactId(), props));
    }

    /** Whether {@code d} imports a BOM ({@code <type>pom</type><scope>import</scope>}). */
    static boolean isImport(Dependency d) {
        return "pom".equals(d.getType()) && "import".equals(d.getScope());
    }
}
