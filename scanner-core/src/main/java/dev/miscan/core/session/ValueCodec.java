package dev.miscan.core.session;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads values in a tagged binary form: strings, numbers, booleans, enums, lists, maps (in their order),
 * instants, and the records of {@code dev.miscan} (findings, their locations, remediations, fixes, rules, warnings).
 * What the Maven plugin's forked scan sends back (a scan's result) and what the build compiles mi-scan's own YAML
 * data into ({@link dev.miscan.core.catalogue.CompiledYaml}) are written with it. A record is rebuilt through its
 * canonical constructor, so that it is equal to the one written. Strings keep every UTF-16 unit (an unpaired
 * surrogate of a malformed file included: a string with surrogates is written as its UTF-16 units, any other as
 * UTF-8). Only the project's own types are read back.
 */
public final class ValueCodec {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int ENUM = 6;
    private static final int LIST = 7;
    private static final int RECORD = 8;
    private static final int INSTANT = 9;
    private static final int MAP = 10;
    private static final int BIG_INTEGER = 11;
    /** A string without surrogates, as UTF-8: half the bytes of most strings, and decoded by the JDK's fast path. */
    private static final int UTF8_STRING = 12;
    /** How deep lists, maps and records may nest when read (a damaged input must not overflow the stack). */
    private static final int MAX_DEPTH = 200;
    /** Only the project's own types are read back. */
    private static final String PACKAGE = "dev.miscan.";

    private ValueCodec() {
    }

    /** Writes {@code value}; a value of another kind (a set, a date, another package's object) is an IOException. */
    public static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s && !hasSurrogate(s)) {
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeByte(UTF8_STRING);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Enum<?> e) {
            out.writeByte(ENUM);
            writeString(out, e.getDeclaringClass().getName());
            writeString(out, e.name());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object o : list) {
                write(out, o);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (value instanceof BigInteger b) {
            out.writeByte(BIG_INTEGER);
            writeString(out, b.toString());
        } else if (value instanceof Instant t) {
            out.writeByte(INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (value instanceof Record r && r.getClass().getName().startsWith(PACKAGE)) {
            out.writeByte(RECORD);
            writeString(out, r.getClass().getName());
            RecordComponent[] components = r.getClass().getRecordComponents();
            for (RecordComponent c : components) {
                try {
                    c.getAccessor().setAccessible(true);
                    write(out, c.getAccessor().invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IOException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
                }
            }
        } else {
            throw new IOException("cannot write a " + value.getClass().getName());
        }
    }

    /** A value {@link #write} wrote (a map as a {@link LinkedHashMap}, a list as an {@link ArrayList}). */
    public static Object read(DataInputStream in) throws IOException {
        return read(in, 0);
    }

    private static Object read(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("values nested more than " + MAX_DEPTH + " deep");
        }
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
            case UTF8_STRING: {
                int n = count(in);
                byte[] utf8 = in.readNBytes(n);
                if (utf8.length != n) {
                    throw new java.io.EOFException();
                }
                return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            }
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case ENUM: {
                Class<?> type = type(readString(in));
                String name = readString(in);
                if (!type.isEnum()) {
                    throw new IOException("not an enum: " + type.getName());
                }
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(name)) {
                        return constant;
                    }
                }
                throw new IOException("unknown constant " + type.getSimpleName() + "." + name);
            }
            case LIST: {
                int n = count(in);
                List<Object> list = new ArrayList<>(Math.min(n, 4096));
                for (int i = 0; i < n; i++) {
                    list.add(read(in, depth + 1));
                }
                return list;
            }
            case MAP: {
                int n = count(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(read(in, depth + 1), read(in, depth + 1));
                }
                return map;
            }
            case BIG_INTEGER:
                try {
                    return new BigInteger(readString(in));
                } catch (NumberFormatException e) {
                    throw new IOException("not a number", e);
                }
            case INSTANT:
                return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case RECORD: {
                Class<?> type = type(readString(in));
                if (!type.isRecord()) {
                    throw new IOException("not a record: " + type.getName());
                }
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                Object[] values = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    values[i] = read(in, depth + 1);
                }
                try {
                    Constructor<?> canonical = type.getDeclaredConstructor(types);
                    canonical.setAccessible(true);
                    return canonical.newInstance(values);
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    throw new IOException("cannot make a " + type.getSimpleName(), e);
                }
            }
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        out.writeChars(s);
    }

    public static String readString(DataInputStream in) throws IOException {
        int n = count(in);
        if (n > Integer.MAX_VALUE / 2) {
            throw new IOException("string too long");
        }
        byte[] bytes = in.readNBytes(2 * n);
        if (bytes.length != 2 * n) {
            throw new java.io.EOFException();
        }
        char[] chars = new char[n];
        ByteBuffer.wrap(bytes).asCharBuffer().get(chars); // the units as written: no decoding, no replacement
        return new String(chars);
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A length or count: not negative. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length");
        }
        return n;
    }

    private static Class<?> type(String name) throws IOException {
        if (!name.startsWith(PACKAGE)) {
            throw new IOException("not a type of the scan: " + name);
        }
        try {
            return Class.forName(name, false, ValueCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown type " + name, e);
        }
    }
}
