package dev.miscan.core.secrets;

import java.nio.charset.StandardCharsets;

/**
 * Marvin32, the keyed hash that Microsoft uses for the checksums of identifiable keys (a port of
 * .NET's {@code Marvin.ComputeHash32} as used by microsoft/security-utilities).
 */
public final class Marvin32 {
    private Marvin32() {
    }

    /** The seed for an 8-character ASCII label such as {@code "Default0"}: its bytes as a big-endian long. */
    public static long seed(String label) {
        byte[] b = label.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 8) {
            throw new IllegalArgumentException("seed label must be 8 ASCII characters");
        }
        long seed = 0;
        for (byte x : b) {
            seed = (seed << 8) | (x & 0xFF);
        }
        return seed;
    }

    /** The 32-bit Marvin hash of {@code data[offset, offset+length)}: the XOR of the two halves of the 64-bit state. */
    public static int hash32(byte[] data, int offset, int length, long seed) {
        int p0 = (int) seed;
        int p1 = (int) (seed >>> 32);
        int i = offset;
        int remaining = length;
        while (remaining >= 4) {
            p0 += readInt(data, i);
            int[] s = block(p0, p1);
            p0 = s[0];
            p1 = s[1];
            i += 4;
            remaining -= 4;
        }
        int last;
        switch (remaining) {
            case 0 -> last = 0x80;
            case 1 -> last = 0x8000 | (data[i] & 0xFF);
            case 2 -> last = 0x800000 | (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8;
            default -> last = 0x80000000 | (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16;
        }
        p0 += last;
        int[] s = block(p0, p1);
        s = block(s[0], s[1]);
        return s[0] ^ s[1];
    }

    private static int readInt(byte[] d, int i) {
        return (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8 | (d[i + 2] & 0xFF) << 16 | (d[i + 3] & 0xFF) << 24;
    }

    private static int[] block(int p0, int p1) {
        p1 ^= p0;
        p0 = Integer.rotateLeft(p0, 20);
        p0 += p1;
        p1 = Integer.rotateLeft(p1, 9);
        p1 ^= p0;
        p0 = Integer.rotateLeft(p0, 27);
        p0 += p1;
        p1 = Integer.rotateLeft(p1, 19);
        return new int[] {p0, p1};
    }
}
