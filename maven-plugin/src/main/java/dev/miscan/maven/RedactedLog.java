package dev.miscan.maven;

import dev.miscan.core.secrets.Redactor;
import org.apache.maven.plugin.logging.Log;

/** Maven's log seen through the run's {@link Redactor}: no line the plugin logs shows a secret the scan found. */
final class RedactedLog implements Log {
    private final Log log;
    private final Redactor redactor;

    RedactedLog(Log log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    private String r(CharSequence s) {
        return s == null ? null : redactor.redact(s.toString());
    }

    /** A throwable's own text is not passed on: only its type and its redacted message. */
    private String r(Throwable t) {
        return t == null ? null : t.getClass().getName() + (t.getMessage() == null ? "" : ": " + r(t.getMessage()));
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(r(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(r(content) + " (" + r(error) + ")");
    }

    @Override
    public void debug(Throwable error) {
        log.debug(r(error));
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        log.info(r(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.info(r(content) + " (" + r(error) + ")");
    }

    @Override
    public void info(Throwable error) {
        log.info(r(error));
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        log.warn(r(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.warn(r(content) + " (" + r(error) + ")");
    }

    @Override
    public void warn(Throwable error) {
        log.warn(r(error));
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        log.error(r(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.error(r(content) + " (" + r(error) + ")");
    }

    @Override
    public void error(Throwable error) {
        log.error(r(error));
    }
}
