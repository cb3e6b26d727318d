package dev.miscan.core.engine;

import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Tier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A rules file ({@link RuleRegistry#RULES_RESOURCE}) as the build compiles it: the same rules in a binary file beside
 * it ({@code rules.yml.bin}), which a process reads in a fraction of a millisecond where parsing the YAML with a cold
 * JVM takes about 50 ms, on the critical path of every run's start. The YAML stays the source: the compiled file
 * names the length and CRC-32 of the YAML it was made from, and a rules file without a compiled file that matches it
 * (another rule pack, an IDE build that skipped the step, a hand edit) is parsed as before; so is one whose own
 * CRC-32, at its end, does not match (a damaged copy).
 *
 * <p>The rules module's build runs {@link #main} after copying its resources.
 */
public final class CompiledRules {
    static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x4d495242; // "MIRB"
    private static final int VERSION = 1;

    private CompiledRules() {
    }

    /** Compiles each rules file named into its {@code .bin} beside it. */
    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path yaml = Path.of(arg);
            byte[] text = Files.readAllBytes(yaml);
            List<RuleDescriptor> rules = RuleRegistry.readRules(yaml.toUri().toURL(), text);
            Files.write(yaml.resolveSibling(yaml.getFileName() + SUFFIX), compile(text, rules));
        }
    }

    /** The compiled form of {@code rules}, read from the rules file {@code yaml}. */
    static byte[] compile(byte[] yaml, List<RuleDescriptor> rules) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(yaml.length);
            out.writeLong(crc(yaml));
            out.writeInt(rules.size());
            for (RuleDescriptor r : rules) {
                for (String s : List.of(r.id(), r.name(), r.tier().name(), r.service(), r.keyAuth(), r.summary(),
                        r.description(), r.help(), r.bad(), r.good())) {
                    string(out, s);
                }
                out.writeDouble(r.securitySeverity());
                strings(out, r.tags());
                string(out, r.cwe());
                strings(out, r.aliases());
                string(out, r.manualFix());
            }
            out.flush();
            out.writeLong(crc(bytes.toByteArray())); // the file's own check: a damaged copy is not read
        }
        return bytes.toByteArray();
    }

    /**
     * The rules compiled beside the rules file at {@code url} whose text is {@code yaml}, or null when there is no
     * compiled file, or it was made from another text or by another version of this class.
     */
    public static List<RuleDescriptor> read(URL url, byte[] yaml) {
        byte[] compiled;
        try (InputStream in = new URL(url.toString() + SUFFIX).openStream()) {
            compiled = in.readAllBytes();
        } catch (IOException e) {
            return null; // none: the YAML is parsed
        }
        if (compiled.length < Long.BYTES || java.nio.ByteBuffer.wrap(compiled, compiled.length - Long.BYTES, Long.BYTES)
                .getLong() != crc(java.util.Arrays.copyOf(compiled, compiled.length - Long.BYTES))) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(compiled, 0,
                compiled.length - Long.BYTES))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != yaml.length
                    || in.readLong() != crc(yaml)) {
                return null;
            }
            int n = in.readInt();
            List<RuleDescriptor> rules = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = string(in);
                String name = string(in);
                Tier tier = Tier.valueOf(string(in));
                rules.add(new RuleDescriptor(id, name, tier, string(in), string(in), string(in), string(in),
                        string(in), string(in), string(in), in.readDouble(), strings(in), string(in), strings(in),
                        string(in)));
            }
            return in.read() == -1 ? rules : null;
        } catch (IOException | RuntimeException e) {
            return null; // truncated or damaged: the YAML is parsed
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void strings(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) {
            string(out, s);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(string(in));
        }
        return out;
    }
}
