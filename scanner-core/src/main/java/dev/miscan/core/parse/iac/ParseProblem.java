package dev.miscan.core.parse.iac;

/** Something a parser could not read, at an offset of the document; it was skipped. */
record ParseProblem(int offset, String message) {
}
