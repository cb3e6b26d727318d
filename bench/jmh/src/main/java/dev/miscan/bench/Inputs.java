package dev.miscan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Benchmark inputs: files of the benchmark corpora, named by bench/run.sh with {@code -p input=PATH}. */
final class Inputs {
    private Inputs() {
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark input " + path + " (run bench/run.sh, which makes the corpora)", e);
        }
    }
}
