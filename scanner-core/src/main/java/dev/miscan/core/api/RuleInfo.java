package dev.miscan.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * All metadata of a rule, in one place (the Error Prone {@code @BugPattern} model). The catalogue test
 * validates every registered rule's annotation; ids are permanent.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Permanent id, {@code MI-[A-Z0-9-]+}; never renamed or reused. */
    String id();

    /** Kebab-case name, unique. */
    String name();

    Tier tier();

    /** Overrides the tier's default level when set. */
    Severity[] severity() default {};

    /** One line, no trailing period, unique across rules. */
    String summary();

    /** Why it matters, in Markdown. */
    String description();

    /** How to fix it, in Markdown (the rule's help text). */
    String help();

    /** A short example of the problem. */
    String bad();

    /** The same example without the credential. */
    String good();

    /** GitHub code scanning's 0.0–10.0 score for security results. */
    String securitySeverity();

    String[] tags() default {};

    String cwe() default "CWE-798";

    /**
     * Lower-case literals of which at least one must occur in a file for the rule to run on it.
     * The engine matches all rules' keywords in one pass.
     */
    String[] keywords();

    /**
     * When two rules report the same secret at the same place, the lower precedence wins: specific
     * shapes (a parsed connection string) beat generic ones (a bare key shape).
     */
    int precedence() default 50;
}
