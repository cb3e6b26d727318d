package dev.miscan.kotlin;

import java.nio.file.Files;
import java.nio.file.Path;

/** Development aid: prints the Java reading of a Kotlin file (run with -Dpreview=path). */
public final class TranslationPreview {
    public static void main(String[] args) throws Exception {
        Path p = Path.of(args[0]);
        long t0 = System.nanoTime();
        String java = KotlinPsi.toJava(p.getFileName().toString(), Files.readString(p)).java();
        long t1 = System.nanoTime();
        System.out.println(java);
        System.out.println("---- " + (t1 - t0) / 1_000_000 + " ms (first, with the environment)");
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            KotlinPsi.toJava(p.getFileName().toString(), Files.readString(p));
            System.out.println("---- " + (System.nanoTime() - a) / 1_000 + " us");
        }
    }
}
