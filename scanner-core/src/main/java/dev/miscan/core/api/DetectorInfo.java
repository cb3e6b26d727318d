package dev.miscan.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a {@link Detector} reports and when it runs. The rules themselves (ids, tiers, prose) are data; the
 * registry checks that every id named here is a rule.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DetectorInfo {
    /**
     * The rules this detector reports under; the first is the one {@code report} without an id uses. A detector
     * driven by data may name none here and return them from {@link Detector#ruleIds()}.
     */
    String[] rules() default {};

    /**
     * Lower-case literals of which at least one must occur in a file for the detector to run on it.
     * The engine matches all detectors' keywords in one pass. A detector driven by data may name none here and
     * return them from {@link Detector#keywords()}.
     */
    String[] keywords() default {};

    /**
     * When two detectors report the same secret at the same place under rules of the same tier, the lower
     * precedence wins: specific shapes (a parsed connection string) beat generic ones (a bare key shape).
     */
    int precedence() default 50;

    /**
     * What kind of detector this is, written on every result it reports: value (a credential recognised by its
     * shape), config (a configuration slot), java (an SDK sink), iac (a template property) or script.
     */
    String kind() default "value";
}
