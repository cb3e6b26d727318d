package dev.miscan.core.catalogue;

import dev.miscan.core.session.ValueCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * mi-scan's own YAML data files (the rules, the Azure catalogue, the SDK BOMs) as the build compiles them: each
 * file's document (maps, lists, strings, numbers, booleans) in a binary file beside it ({@code NAME.yml.bin}), which a
 * process reads in a fraction of the time a cold SnakeYAML takes to parse the YAML (the rules file: 52 ms against 16,
 * on the critical path of every run's start). The YAML stays the source: a compiled file holds the length and CRC-32
 * of the YAML it was made from and its own CRC-32 at its end, and a data file without a compiled file that matches it
 * (another rule pack, an IDE build that skipped the step, a hand edit, a damaged copy) is parsed as before.
 *
 * <p>The builds of scanner-core and of the rules module run {@link #main} after copying their resources.
 */
public final class CompiledYaml {
    /** What the compiled file's name adds to the data file's. */
    public static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x4d495942; // "MIYB"
    private static final int VERSION = 1;

    private CompiledYaml() {
    }

    /** Compiles each YAML data file named into its {@code .bin} beside it. */
    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path yaml = Path.of(arg);
            byte[] text = Files.readAllBytes(yaml);
            byte[] compiled = compile(text, parse(text));
            Path out = yaml.resolveSibling(yaml.getFileName() + SUFFIX);
            // an unchanged file is left as it is: a rebuild of the same sources then packages the same jar
            if (!Files.isRegularFile(out) || !java.util.Arrays.equals(Files.readAllBytes(out), compiled)) {
                Files.write(out, compiled);
            }
        }
    }

    /** The document of the YAML data file at {@code url}: from its compiled file when one matches it, else parsed. */
    public static Object load(URL url) throws IOException {
        byte[] text;
        try (InputStream in = url.openStream()) {
            text = in.readAllBytes();
        }
        Object compiled = read(url, text);
        return compiled != null ? compiled : parse(text);
    }

    /** The document of {@code yaml}, as SnakeYAML's safe constructor makes it. */
    public static Object parse(byte[] yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(new ByteArrayInputStream(yaml));
    }

    /** The compiled form of {@code doc}, the document of {@code yaml}. */
    static byte[] compile(byte[] yaml, Object doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(yaml.length);
            out.writeLong(crc(yaml, yaml.length));
            ValueCodec.write(out, doc); // a set, a timestamp or binary (none of the data files holds one) fails the build
            out.flush();
            out.writeLong(crc(bytes.toByteArray(), bytes.size()));
        }
        return bytes.toByteArray();
    }

    /**
     * The document compiled beside the data file at {@code url} whose text is {@code yaml}, or null when there is no
     * compiled file, or it was made from another text or by another version of this class, or it is damaged.
     */
    public static Object read(URL url, byte[] yaml) {
        byte[] compiled;
        try (InputStream in = new URL(url.toString() + SUFFIX).openStream()) {
            compiled = in.readAllBytes();
        } catch (IOException e) {
            return null; // none: the YAML is parsed
        }
        int body = compiled.length - Long.BYTES;
        if (body < 0 || ByteBuffer.wrap(compiled, body, Long.BYTES).getLong() != crc(compiled, body)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(compiled, 0, body))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != yaml.length
                    || in.readLong() != crc(yaml, yaml.length)) {
                return null;
            }
            Object doc = ValueCodec.read(in);
            return in.read() == -1 ? doc : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
