package dev.miscan.maven;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the values a scan's result is made of (the records of {@code dev.miscan}: findings, their
 * locations, remediations, fixes, rules, warnings; strings, numbers, enums, lists, instants) for the forked scan
 * ({@link ForkedScan}). A record is rebuilt through its canonical constructor, so that it is equal to the one written.
 * Strings keep every UTF-16 unit (an unpaired surrogate of a malformed file included).
 */
final class RecordCodec {
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
    /** Only the project's own types are read back. */
    private static final String PACKAGE = "dev.miscan.";

    private RecordCodec() {
    }

    static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
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

    static Object read(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
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
                int n = in.readInt();
                List<Object> list = new ArrayList<>(Math.min(n, 4096));
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return list;
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
                    values[i] = read(in);
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

    static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        out.writeChars(s);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative string length");
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = in.readChar();
        }
        return new String(chars);
    }

    private static Class<?> type(String name) throws IOException {
        if (!name.startsWith(PACKAGE)) {
            throw new IOException("not a type of the scan: " + name);
        }
        try {
            return Class.forName(name, false, RecordCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown type " + name, e);
        }
    }
}
