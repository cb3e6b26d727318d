package dev.miscan.core.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * mi-scan's own YAML data files (the rules, the Azure catalogue, the SDK BOMs) as the build compiles them: each
 * file's document (maps, lists, strings, numbers, booleans) in a binary file beside it ({@code NAME.yml.bin}), which a
 * process reads in a fraction of the time a cold SnakeYAML takes to parse the YAML (the rules file: 52 ms against 11,
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
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int TRUE = 5;
    private static final int FALSE = 6;
    private static final int LIST = 7;
    private static final int MAP = 8;
    private static final int BIG_INTEGER = 9;

    private CompiledYaml() {
    }

    /** Compiles each YAML data file named into its {@code .bin} beside it. */
    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path yaml = Path.of(arg);
            byte[] text = Files.readAllBytes(yaml);
            Files.write(yaml.resolveSibling(yaml.getFileName() + SUFFIX), compile(text, parse(text)));
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
            write(out, doc);
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
            Object doc = read(in, 0);
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

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            string(out, s);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof BigInteger b) {
            out.writeByte(BIG_INTEGER);
            string(out, b.toString());
        } else if (v instanceof List<?> l) {
            out.writeByte(LIST);
            out.writeInt(l.size());
            for (Object o : l) {
                write(out, o);
            }
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else {
            // a set, a timestamp, binary: none of mi-scan's data files holds one
            throw new IllegalArgumentException("a data file may not hold a " + v.getClass().getSimpleName());
        }
    }

    private static Object read(DataInputStream in, int depth) throws IOException {
        if (depth > 64) {
            throw new IOException("nested too deep");
        }
        int tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return string(in);
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case BIG_INTEGER:
                return new BigInteger(string(in));
            case LIST: {
                int n = count(in);
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(read(in, depth + 1));
                }
                return l;
            }
            case MAP: {
                int n = count(in);
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(read(in, depth + 1), read(in, depth + 1));
                }
                return m;
            }
            default:
                throw new IOException("unknown tag " + tag);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(in.readNBytes(count(in)), StandardCharsets.UTF_8);
    }

    /** A length or count, no more than the bytes left (each element takes at least one). */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad length " + n);
        }
        return n;
    }
}
