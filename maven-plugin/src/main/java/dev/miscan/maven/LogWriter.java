package dev.miscan.maven;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer whose every line becomes one log line ({@code \r\n} or {@code \n} ends a line). */
final class LogWriter extends Writer {
    private final Consumer<String> sink;
    private final StringBuilder line = new StringBuilder();

    LogWriter(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(char[] cbuf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                emit();
            } else {
                line.append(c);
            }
        }
    }

    private void emit() {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        sink.accept(line.substring(0, end));
        line.setLength(0);
    }

    @Override
    public synchronized void flush() {
        // whole lines only: a partial line waits for its end (or close)
    }

    @Override
    public synchronized void close() {
        if (line.length() > 0) {
            emit();
        }
    }
}
