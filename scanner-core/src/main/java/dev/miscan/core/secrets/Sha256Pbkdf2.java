package dev.miscan.core.secrets;

/**
 * PBKDF2-HMAC-SHA256 with a 32-byte output, on SHA-256's compression function (FIPS 180-4) written out over int
 * arrays, for a JVM that runs C1 only (the launcher, the pre-commit hook): there the JDK's SHA-256 has no intrinsic
 * and goes through its generic block code and a {@code MessageDigest} copy per HMAC, and this is about twice as
 * fast (16 ms a digest instead of 31 at 10,000 iterations on the 2-core development machine). With C2 the JDK's
 * SHA-256 uses the processor's SHA instructions and is about three times faster than this: {@link FingerprintKey}
 * chooses. Both give the same bytes (FingerprintKeyTest compares them with the JDK's PBKDF2WithHmacSHA256).
 *
 * <p>As in the JDK path, the HMAC's pad blocks are compressed once; each iteration is then two compressions of one
 * block whose padding and length are fixed (a 32-byte message after the 64-byte pad).
 */
final class Sha256Pbkdf2 {
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    private static final int[] H0 = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

    private Sha256Pbkdf2() {
    }

    static byte[] derive(byte[] password, byte[] salt, int iterations) {
        byte[] key = password.length > 64 ? toBytes(hash(H0.clone(), 0, password)) : password;
        byte[] ipad = pad(key, 0x36);
        byte[] opad = pad(key, 0x5c);
        int[] w = new int[64];
        int[] inner = H0.clone();
        load(ipad, 0, w);
        compress(inner, w);
        int[] outer = H0.clone();
        load(opad, 0, w);
        compress(outer, w);
        // U1 = HMAC(P, S || INT(1))
        byte[] first = new byte[salt.length + 4];
        System.arraycopy(salt, 0, first, 0, salt.length);
        first[salt.length + 3] = 1;
        int[] u = hash(outer.clone(), 64, toBytes(hash(inner.clone(), 64, first)));
        int[] result = u.clone();
        int[] s = new int[8];
        for (int n = 1; n < iterations; n++) {
            // inner: the 32 bytes of U after the 64 of the pad: one block, its padding and length (96 bytes) fixed
            System.arraycopy(inner, 0, s, 0, 8);
            oneBlock(s, u, w);
            System.arraycopy(outer, 0, u, 0, 8);
            oneBlock(u, s, w);
            for (int i = 0; i < 8; i++) {
                result[i] ^= u[i];
            }
        }
        return toBytes(result);
    }

    /** HMAC's inner ({@code 0x36}) or outer ({@code 0x5c}) pad block of a key of at most 64 bytes (RFC 2104). */
    static byte[] pad(byte[] key, int xor) {
        byte[] pad = new byte[64];
        for (int i = 0; i < 64; i++) {
            pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ xor);
        }
        return pad;
    }

    /** Compresses into {@code state} the block of the 8 words {@code words}, 0x80, zeros and the length 768 bits. */
    private static void oneBlock(int[] state, int[] words, int[] w) {
        System.arraycopy(words, 0, w, 0, 8);
        w[8] = 0x80000000;
        for (int i = 9; i < 15; i++) {
            w[i] = 0;
        }
        w[15] = 768;
        compress(state, w);
    }

    /** SHA-256 of {@code message} from {@code state}, after {@code prefix} bytes already compressed into it. */
    private static int[] hash(int[] state, long prefix, byte[] message) {
        long bits = (prefix + message.length) * 8;
        int padded = (message.length + 9 + 63) / 64 * 64;
        byte[] m = java.util.Arrays.copyOf(message, padded);
        m[message.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            m[padded - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int[] w = new int[64];
        for (int off = 0; off < padded; off += 64) {
            load(m, off, w);
            compress(state, w);
        }
        return state;
    }

    private static void load(byte[] b, int off, int[] w) {
        for (int i = 0; i < 16; i++) {
            int j = off + 4 * i;
            w[i] = (b[j] & 0xff) << 24 | (b[j + 1] & 0xff) << 16 | (b[j + 2] & 0xff) << 8 | b[j + 3] & 0xff;
        }
    }

    private static byte[] toBytes(int[] words) {
        byte[] b = new byte[32];
        for (int i = 0; i < 8; i++) {
            b[4 * i] = (byte) (words[i] >>> 24);
            b[4 * i + 1] = (byte) (words[i] >>> 16);
            b[4 * i + 2] = (byte) (words[i] >>> 8);
            b[4 * i + 3] = (byte) words[i];
        }
        return b;
    }

    /** SHA-256's compression function (FIPS 180-4 section 6.2.2): {@code w[0..15]} is the block; w is overwritten. */
    private static void compress(int[] state, int[] w) {
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ x >>> 3;
            int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ y >>> 10;
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        // eight rounds a pass, each naming the working variables one place on instead of moving seven of them
        // along as FIPS 180-4 writes it (h = g, g = f, ...): about an eighth faster under C1
        for (int t = 0; t < 64; t += 8) {
            h += (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + (e & f ^ ~e & g) + K[t] + w[t];
            d += h;
            h += (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + (a & b ^ a & c ^ b & c);
            g += (Integer.rotateRight(d, 6) ^ Integer.rotateRight(d, 11) ^ Integer.rotateRight(d, 25))
                    + (d & e ^ ~d & f) + K[t + 1] + w[t + 1];
            c += g;
            g += (Integer.rotateRight(h, 2) ^ Integer.rotateRight(h, 13) ^ Integer.rotateRight(h, 22))
                    + (h & a ^ h & b ^ a & b);
            f += (Integer.rotateRight(c, 6) ^ Integer.rotateRight(c, 11) ^ Integer.rotateRight(c, 25))
                    + (c & d ^ ~c & e) + K[t + 2] + w[t + 2];
            b += f;
            f += (Integer.rotateRight(g, 2) ^ Integer.rotateRight(g, 13) ^ Integer.rotateRight(g, 22))
                    + (g & h ^ g & a ^ h & a);
            e += (Integer.rotateRight(b, 6) ^ Integer.rotateRight(b, 11) ^ Integer.rotateRight(b, 25))
                    + (b & c ^ ~b & d) + K[t + 3] + w[t + 3];
            a += e;
            e += (Integer.rotateRight(f, 2) ^ Integer.rotateRight(f, 13) ^ Integer.rotateRight(f, 22))
                    + (f & g ^ f & h ^ g & h);
            d += (Integer.rotateRight(a, 6) ^ Integer.rotateRight(a, 11) ^ Integer.rotateRight(a, 25))
                    + (a & b ^ ~a & c) + K[t + 4] + w[t + 4];
            h += d;
            d += (Integer.rotateRight(e, 2) ^ Integer.rotateRight(e, 13) ^ Integer.rotateRight(e, 22))
                    + (e & f ^ e & g ^ f & g);
            c += (Integer.rotateRight(h, 6) ^ Integer.rotateRight(h, 11) ^ Integer.rotateRight(h, 25))
                    + (h & a ^ ~h & b) + K[t + 5] + w[t + 5];
            g += c;
            c += (Integer.rotateRight(d, 2) ^ Integer.rotateRight(d, 13) ^ Integer.rotateRight(d, 22))
                    + (d & e ^ d & f ^ e & f);
            b += (Integer.rotateRight(g, 6) ^ Integer.rotateRight(g, 11) ^ Integer.rotateRight(g, 25))
                    + (g & h ^ ~g & a) + K[t + 6] + w[t + 6];
            f += b;
            b += (Integer.rotateRight(c, 2) ^ Integer.rotateRight(c, 13) ^ Integer.rotateRight(c, 22))
                    + (c & d ^ c & e ^ d & e);
            a += (Integer.rotateRight(f, 6) ^ Integer.rotateRight(f, 11) ^ Integer.rotateRight(f, 25))
                    + (f & g ^ ~f & h) + K[t + 7] + w[t + 7];
            e += a;
            a += (Integer.rotateRight(b, 2) ^ Integer.rotateRight(b, 13) ^ Integer.rotateRight(b, 22))
                    + (b & c ^ b & d ^ c & d);
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
