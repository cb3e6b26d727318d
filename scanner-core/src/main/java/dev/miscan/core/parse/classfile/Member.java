package dev.miscan.core.parse.classfile;

/**
 * A variable of the translation (a method's local or parameter, or a temporary), declared as a field of the
 * translated class so that it can be written on any line. Its name and type are settled once its method has been
 * read (the local variable table comes last).
 */
final class Member {
    private String base;
    private String desc;
    private String name;
    /** Where it was stored: the index of the instruction after the store, to match the local variable table. */
    final int slot;
    final int after;

    Member(String base, String desc, int slot, int after) {
        this.base = base;
        this.desc = desc;
        this.slot = slot;
        this.after = after;
    }

    String base() {
        return base;
    }

    void named(String base, String desc) {
        this.base = base;
        if (desc != null) {
            this.desc = desc;
        }
    }

    String desc() {
        return desc;
    }

    String name() {
        return name == null ? Identifiers.of(base) : name;
    }

    void settle(String unique) {
        this.name = unique;
    }
}
