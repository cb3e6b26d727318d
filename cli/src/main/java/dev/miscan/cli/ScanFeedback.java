package dev.miscan.cli;

import dev.miscan.core.engine.ScanProgress;
import dev.miscan.core.report.TerminalText;
import dev.miscan.core.source.ScanWarning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a person sees of a scan while it runs, on standard error: a progress line (files done of all, megabytes and
 * megabytes per second) overwritten in place and cleared at the end, drawn only when standard error is a terminal and
 * the scan has taken more than a second; and, with {@code --verbose}, each file's size and time once it is over.
 * Nothing of it reaches a pipe, a file or a CI log.
 */
final class ScanFeedback implements ScanProgress, AutoCloseable {
    /** How long a scan runs before its progress shows: a quick scan stays silent. */
    static volatile long delayNanos = TimeUnit.SECONDS.toNanos(1);
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Erase the line the cursor is on, from its start. */
    private static final String CLEAR = "\r\u001b[K";

    private final PrintWriter err;
    private final boolean draw;
    private final boolean timings;
    private final long begin = System.nanoTime();
    private final AtomicInteger total = new AtomicInteger(-1);
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong chars = new AtomicLong();
    private final ConcurrentLinkedQueue<Timing> files = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService ticker;
    private long phaseStart = begin;
    private long lastDraw;
    private boolean drawn;
    private boolean closed;

    private record Timing(String path, long chars, long nanos) {
    }

    /**
     * @param err      the command's standard error
     * @param draw     draw the progress line (standard error is a terminal, and not {@code --quiet})
     * @param timings  keep each file's time for {@link #printTimings} ({@code --verbose})
     */
    ScanFeedback(PrintWriter err, boolean draw, boolean timings) {
        this.err = err;
        this.draw = draw;
        this.timings = timings;
        if (draw) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mi-scan-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 200, 200, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** The feedback of a scan run by {@code command} on {@code terminal}. */
    static ScanFeedback of(PrintWriter err, Terminal terminal, boolean quiet, boolean verbose) {
        return new ScanFeedback(err, terminal.stderr() && !quiet, verbose);
    }

    @Override
    public void started(int fileCount) {
        synchronized (this) {
            // a history scan has two phases: the commits' versions, then the tip (what is still there)
            total.set(fileCount);
            done.set(0);
            chars.set(0);
            phaseStart = System.nanoTime();
        }
        tick();
    }

    @Override
    public void scanned(String path, long scannedChars, long nanos) {
        done.incrementAndGet();
        chars.addAndGet(scannedChars);
        if (timings) {
            files.add(new Timing(path, scannedChars, nanos));
        }
        if (draw && System.nanoTime() - lastDraw >= REDRAW_NANOS) {
            tick();
        }
    }

    /** Redraws the progress line when it is time to. */
    synchronized void tick() {
        if (!draw || closed) {
            return;
        }
        long now = System.nanoTime();
        if (now - begin < delayNanos) {
            return;
        }
        lastDraw = now;
        err.print(CLEAR + line(now));
        err.flush();
        drawn = true;
    }

    /** "mi-scan: 1,204/3,310 files  48.2 MB  31.5 MB/s", or "mi-scan: listing files..." before the count is known. */
    private String line(long now) {
        int all = total.get();
        if (all < 0) {
            return "mi-scan: listing files...";
        }
        double mb = chars.get() / 1e6;
        double seconds = Math.max(1e-3, (now - phaseStart) / 1e9);
        return String.format(Locale.ROOT, "mi-scan: %,d/%,d files  %.1f MB  %.1f MB/s", Math.min(done.get(), all), all,
                mb, mb / seconds);
    }

    /** Stops drawing and clears the progress line, so that what follows starts on a clean line. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closed = true;
            if (drawn) {
                err.print(CLEAR);
                err.flush();
                drawn = false;
            }
        }
    }

    /**
     * {@code --verbose}: each file by path with its size and time (a skipped one with the reason), then the total and
     * the slowest file, on standard error.
     */
    void printTimings(List<ScanWarning> warnings) {
        if (!timings) {
            return;
        }
        Map<String, String> skipped = new HashMap<>();
        for (ScanWarning w : warnings) {
            if (w.skipped()) {
                skipped.putIfAbsent(w.path(), w.message());
            }
        }
        List<Timing> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(Timing::path).thenComparingLong(Timing::nanos));
        long totalChars = 0;
        long totalNanos = System.nanoTime() - begin;
        Timing slowest = null;
        for (Timing t : sorted) {
            totalChars += t.chars();
            if (slowest == null || t.nanos() > slowest.nanos()) {
                slowest = t;
            }
            String reason = skipped.get(t.path());
            err.println(String.format(Locale.ROOT, "mi-scan: %8.1f ms %9s  %s%s", t.nanos() / 1e6, size(t.chars()),
                    TerminalText.safe(t.path()), reason != null && t.chars() == 0 ? "  (" + TerminalText.safe(reason) + ")"
                            : ""));
        }
        err.println(String.format(Locale.ROOT, "mi-scan: %,d file(s), %s in %.2f s (%.1f MB/s)%s", sorted.size(),
                size(totalChars), totalNanos / 1e9, totalChars / 1e6 / Math.max(1e-3, totalNanos / 1e9),
                slowest == null ? "" : String.format(Locale.ROOT, "; slowest: %s (%.1f ms)",
                        TerminalText.safe(slowest.path()), slowest.nanos() / 1e6)));
    }

    /** Decimal units, as the progress line's megabytes. */
    private static String size(long chars) {
        if (chars < 1000) {
            return chars + " B";
        }
        return chars < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", chars / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", chars / 1e6);
    }
}
