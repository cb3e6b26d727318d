package dev.miscan.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option whose values are the words of a scanner-core enum. picocli's own enum handling would list and
 * accept the constants' names (ERROR); this lists their labels (error) and accepts what scanner-core's parser
 * accepts, so that a value means the same on the command line, in a POM and in {@code .mi-scan.yml}.
 * Subclasses are both the option's {@code converter} and its {@code completionCandidates}.
 */
abstract class Choices<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final List<String> labels;
    private final Function<String, Optional<E>> parser;

    Choices(E[] values, Function<E, String> label, Function<String, Optional<E>> parser) {
        this.labels = Arrays.stream(values).map(label).toList();
        this.parser = parser;
    }

    @Override
    public E convert(String value) {
        return parser.apply(value).orElseThrow(() -> new TypeConversionException("expected one of " + labels
                + " but was '" + value + "'"));
    }

    @Override
    public Iterator<String> iterator() {
        return labels.iterator();
    }
}
