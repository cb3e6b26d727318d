package dev.miscan.core.parse.iac;

/** A statement the IaC parsers cannot read; the parser reports it, skips the statement and goes on. */
final class IacSyntaxException extends RuntimeException {
    private final int offset;

    IacSyntaxException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
