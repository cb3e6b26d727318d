package dev.miscan.core.api;

/** An Azure built-in role (or data-plane role) by its exact name and definition id. */
public record Role(String name, String id) {
}
