package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the Bicep and HCL parsers have in common: a cursor over a {@link TokenLexer}'s tokens in which newlines
 * count or not depending on the brackets around them, statements that are skipped to the next one when they
 * cannot be read, and expressions up to their postfix parts (conditionals, binary operators by precedence,
 * {@code !} and {@code -}, literals, strings with interpolated holes). Nesting is bounded by {@link #MAX_DEPTH}
 * so that hostile input cannot exhaust the stack. A subclass reads its statements, names, brackets and postfix
 * operators.
 */
abstract class TokenParser {
    protected static final int MAX_DEPTH = 100;

    protected final String text;
    protected final List<Token> toks;
    /** Where statements that could not be read are named; interpolations share their parser's. */
    protected final List<ParseProblem> problems;
    /** Whether newlines mean nothing at the current bracket level (inside parentheses they never do). */
    protected final Modes newlinesIgnored = new Modes();

    /** A stack of booleans without boxing: read on every token. */
    protected static final class Modes {
        private boolean[] stack = new boolean[16];
        private int size;

        void push(boolean ignored) {
            if (size == stack.length) {
                stack = java.util.Arrays.copyOf(stack, size * 2);
            }
            stack[size++] = ignored;
        }

        void pop() {
            if (size > 0) {
                size--;
            }
        }

        void clear() {
            size = 0;
        }

        /** The current mode; false when the stack is empty. */
        boolean peek() {
            return size > 0 && stack[size - 1];
        }
    }
    /** Each binary operator's precedence level, loosest 0. */
    private final java.util.Map<String, Integer> levels = new java.util.HashMap<>();
    /** Binary or conditional operators that may start a line, continuing the expression on the line before. */
    private final Set<String> lineLeadingOperators;
    protected int i;
    protected int depth;

    protected TokenParser(String text, List<Token> toks, List<ParseProblem> problems, String[][] operatorLevels,
            Set<String> lineLeadingOperators) {
        this.text = text;
        this.toks = toks;
        this.problems = problems;
        for (int l = 0; l < operatorLevels.length; l++) {
            for (String op : operatorLevels[l]) {
                levels.putIfAbsent(op, l);
            }
        }
        this.lineLeadingOperators = lineLeadingOperators;
        newlinesIgnored.push(false);
    }

    // ---- statements ----

    /** Reads statements to the end; one that fails is named in a problem and skipped to the next. */
    protected final void statements(Runnable statement) {
        while (true) {
            skipNewlines();
            if (peekRaw().type() == Token.Type.EOF) {
                return;
            }
            int before = i;
            try {
                statement.run();
            } catch (IacSyntaxException e) {
                problems.add(new ParseProblem(e.offset(), e.getMessage()));
                resync(before);
            }
        }
    }

    /** Whether a statement can start with {@code t} when it stands at the start of a line. */
    protected abstract boolean startsStatement(Token t);

    /** After an error: on to the next token at the start of a line that can start a statement. */
    private void resync(int failedAt) {
        newlinesIgnored.clear();
        newlinesIgnored.push(false);
        depth = 0;
        i = Math.max(i, failedAt + 1);
        while (i < toks.size() - 1) {
            Token t = toks.get(i);
            if (startsStatement(t) && atLineStart(t.start())) {
                return;
            }
            i++;
        }
    }

    protected final boolean atLineStart(int offset) {
        return offset == 0 || text.charAt(offset - 1) == '\n';
    }

    // ---- expressions ----

    protected final IacValue expr() {
        if (++depth > MAX_DEPTH) {
            throw new IacSyntaxException(peek().start(), "expression nested too deeply");
        }
        try {
            int s = peek().start();
            IacValue c = binary(0);
            if (operatorAhead("?")) {
                next();
                IacValue a = expr();
                operatorAhead(":");
                expect(":");
                IacValue b = expr();
                return combine(s, List.of(c, a, b), List.of());
            }
            return c;
        } finally {
            depth--;
        }
    }

    /**
     * Operators of {@code level} and tighter, by precedence climbing: each operand looks at the token after it once
     * (not once per level). Operands joined by operators of one level make one value, as {@code a + b + c} does.
     */
    private IacValue binary(int level) {
        int s = peek().start();
        return climb(level, s, unary());
    }

    private IacValue climb(int minLevel, int start, IacValue first) {
        IacValue left = first;
        int level;
        while ((level = levelAhead()) >= minLevel) {
            List<IacValue> parts = new ArrayList<>();
            parts.add(left);
            while (levelAhead() == level) {
                i = aheadAt;
                next();
                int s = peek().start();
                parts.add(climb(level + 1, s, unary()));
            }
            left = combine(start, parts, List.of());
        }
        return left;
    }

    /** Where the operator that {@link #levelAhead} found stands (past the newlines before a line-leading one). */
    private int aheadAt;

    /**
     * The precedence level of the binary operator that comes next, or -1. One of the {@link #lineLeadingOperators}
     * is also looked for at the start of a following line: see {@link #operatorAhead}.
     */
    private int levelAhead() {
        Token t = peek();
        aheadAt = i;
        Integer level = t.type() == Token.Type.SYMBOL ? levels.get(t.text()) : null;
        if (level != null) {
            return level;
        }
        if (t.type() != Token.Type.NEWLINE || lineLeadingOperators.isEmpty()) {
            return -1;
        }
        int k = i;
        while (k < toks.size() - 1 && toks.get(k).type() == Token.Type.NEWLINE) {
            k++;
        }
        Token after = toks.get(k);
        level = after.type() == Token.Type.SYMBOL && lineLeadingOperators.contains(after.text())
                ? levels.get(after.text()) : null;
        aheadAt = k;
        return level == null ? -1 : level;
    }

    /**
     * Whether one of {@code ops} comes next. One of the {@link #lineLeadingOperators} is also looked for at the
     * start of a following line, and the newlines before it are then consumed: no statement, member or item
     * starts with such an operator, so this never joins two of them.
     */
    private boolean operatorAhead(String... ops) {
        if (isOperator(peek(), ops)) {
            return true;
        }
        int k = i;
        while (k < toks.size() - 1 && toks.get(k).type() == Token.Type.NEWLINE) {
            k++;
        }
        if (!isOperator(toks.get(k), ops) || !lineLeadingOperators.contains(toks.get(k).text())) {
            return false;
        }
        i = k;
        return true;
    }

    private static boolean isOperator(Token t, String[] ops) {
        if (t.type() != Token.Type.SYMBOL) {
            return false;
        }
        for (String op : ops) {
            if (t.text().equals(op)) {
                return true;
            }
        }
        return false;
    }

    private IacValue unary() {
        Token t = peek();
        if (t.is("!") || t.is("-")) {
            next();
            return combine(t.start(), List.of(unary()), List.of());
        }
        return postfix();
    }

    /** A primary expression and what follows it: member access, indexes, calls on it. */
    protected abstract IacValue postfix();

    protected final IacValue primary() {
        Token t = next();
        switch (t.type()) {
            case STRING -> {
                return string(t);
            }
            case NUMBER -> {
                return IacValue.scalar(IacValue.Kind.NUMBER, t.text(), t.start(), t.end());
            }
            case IDENT -> {
                switch (t.text()) {
                    case "true", "false" -> {
                        return IacValue.scalar(IacValue.Kind.BOOL, t.text(), t.start(), t.end());
                    }
                    case "null" -> {
                        return IacValue.scalar(IacValue.Kind.NULL, t.text(), t.start(), t.end());
                    }
                    default -> {
                        return named(t);
                    }
                }
            }
            case SYMBOL -> {
                IacValue v = bracketed(t);
                if (v != null) {
                    return v;
                }
            }
            default -> {
            }
        }
        throw new IacSyntaxException(t.start(), "unexpected '" + describe(t) + "'");
    }

    /** What starts with a name that is no literal: a reference, a call, a lambda. */
    protected abstract IacValue named(Token name);

    /** What starts with the symbol {@code open}, already read: a group, an object, an array; or null. */
    protected abstract IacValue bracketed(Token open);

    /** A name read as a value. */
    protected static IacValue reference(Token name) {
        return IacValue.expression(name.text(), name.start(), name.end(), List.of(name.text()), List.of(), List.of());
    }

    /** A string literal, or an expression made of the expressions in its holes. */
    private IacValue string(Token t) {
        if (!t.interpolated()) {
            return IacValue.string(t.text(), t.contentStart(), t.contentEnd());
        }
        List<IacValue> parts = new ArrayList<>();
        for (int[] hole : t.holes()) {
            TokenParser sub = holeParser(hole[0], hole[1]);
            sub.depth = depth;
            sub.newlinesIgnored.push(true);
            IacValue v = sub.expr();
            if (sub.peek().type() != Token.Type.EOF) {
                throw new IacSyntaxException(sub.peek().start(), "unexpected '" + sub.peek().text() + "' in ${…}");
            }
            parts.add(v);
        }
        return IacValue.expression(text.substring(t.start(), t.end()), t.start(), t.end(), List.of(), List.of(), parts);
    }

    /** A parser of the expression in the hole {@code text[from, to)} of a string. */
    protected abstract TokenParser holeParser(int from, int to);

    /**
     * The comma-separated items after a {@code (}, each read by {@code item}, up to and including the closing
     * {@code )}.
     */
    protected final List<IacValue> parenthesisedList(Supplier<IacValue> item) {
        newlinesIgnored.push(true);
        List<IacValue> items = new ArrayList<>();
        while (!peek().is(")")) {
            items.add(item.get());
            if (peek().is(",")) {
                next();
            } else if (!peek().is(")")) {
                newlinesIgnored.pop();
                throw new IacSyntaxException(peek().start(), "expected ')'");
            }
        }
        newlinesIgnored.pop();
        expect(")");
        return items;
    }

    /**
     * Skips the separators before the next member of the object or array opened by {@code open}: false at its
     * {@code close}. An object or array still open at the end is reported at its opening.
     */
    protected final boolean hasNextMember(Token open, String close) {
        skipSeparators();
        Token t = peek();
        if (t.is(close)) {
            return false;
        }
        if (t.type() == Token.Type.EOF) {
            throw new IacSyntaxException(open.start(), "unclosed '" + open.text() + "'");
        }
        return true;
    }

    /** An expression of the source from {@code start} to the last token read, made of {@code parts}. */
    protected final IacValue combine(int start, List<IacValue> parts, List<String> calls) {
        int end = Math.max(start, prevEnd());
        return IacValue.expression(text.substring(start, end), start, end, List.of(), calls, parts);
    }

    // ---- tokens ----

    protected final Token peekRaw() {
        return toks.get(Math.min(i, toks.size() - 1));
    }

    /** The next token; newlines are skipped where they mean nothing. */
    protected final Token peek() {
        if (newlinesIgnored.peek()) {
            while (i < toks.size() - 1 && toks.get(i).type() == Token.Type.NEWLINE) {
                i++;
            }
        }
        return peekRaw();
    }

    protected final Token peekAt(int ahead) {
        return toks.get(Math.min(i + ahead, toks.size() - 1));
    }

    /** The next token, read; the EOF token is never read past. */
    protected final Token next() {
        Token t = peek();
        if (i < toks.size() - 1) {
            i++;
        }
        return t;
    }

    /** The end of the last token read. */
    protected final int prevEnd() {
        return i == 0 ? 0 : toks.get(i - 1).end();
    }

    protected final Token expect(String symbol) {
        Token t = peek();
        if (!t.is(symbol)) {
            throw new IacSyntaxException(t.start(), "expected '" + symbol + "' but found '" + describe(t) + "'");
        }
        return next();
    }

    protected final Token expectIdent() {
        Token t = peek();
        if (!t.isIdent()) {
            throw new IacSyntaxException(t.start(), "expected a name but found '" + t.text() + "'");
        }
        return next();
    }

    /** A token as an error message names it. */
    protected static String describe(Token t) {
        return t.type() == Token.Type.NEWLINE ? "end of line" : t.text();
    }

    protected final void skipNewlines() {
        while (peekRaw().type() == Token.Type.NEWLINE) {
            i++;
        }
    }

    protected final void skipSeparators() {
        while (peekRaw().type() == Token.Type.NEWLINE || peekRaw().is(",")) {
            i++;
        }
    }
}
