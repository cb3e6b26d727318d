package dev.miscan.core.parse.iac;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tolerant parser for the part of Bicep that decides where credentials go: {@code param} (with decorators
 * such as {@code @secure()}), {@code var}, {@code resource} (conditions, loops, {@code existing}, nested
 * child resources, {@code parent:}), {@code module}, {@code output}, and {@code .bicepparam} files
 * ({@code using}, {@code param x = …}). Expressions are parsed to find what they read and call; nothing is
 * evaluated. Statements it does not model ({@code type}, {@code func}, {@code import}, {@code metadata},
 * {@code targetScope}, {@code extension}, {@code assert}) are skipped; anything it cannot read is skipped to
 * the next top-level statement and named in a problem, never thrown.
 */
final class BicepParser {
    private static final Set<String> SKIPPED = Set.of("using", "targetscope", "metadata", "import", "type", "func",
            "extension", "provider", "assert", "extends", "with");
    private static final Set<String> STATEMENTS = Set.of("param", "var", "resource", "module", "output", "using",
            "targetScope", "metadata", "import", "type", "func", "extension", "provider", "assert", "extends");
    /** Functions whose first argument is a resource type: {@code resourceId('Microsoft.Storage/…', …)}. */
    private static final Set<String> TYPED_FUNCTIONS = Set.of("resourceid", "reference", "subscriptionresourceid",
            "extensionresourceid", "tenantresourceid", "listkeys");
    private static final int MAX_DEPTH = 100;

    private final String text;
    private final List<Token> toks;
    private final IacTemplate template;
    private final boolean paramsFile;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final Deque<Boolean> newlinesIgnored = new ArrayDeque<>();
    private final Deque<List<Pending>> nestedResources = new ArrayDeque<>();
    private int i;
    private int depth;

    /** A nested {@code resource} read inside a body, materialised once its parent exists. */
    private record Pending(Token keyword, Token symbol, Token type, boolean existing, IacValue body,
            List<Pending> children) {
    }

    private BicepParser(String text, List<Token> toks, boolean paramsFile) {
        this.text = text;
        this.toks = toks;
        this.paramsFile = paramsFile;
        this.template = new IacTemplate(paramsFile ? IacTemplate.Format.BICEP_PARAMS : IacTemplate.Format.BICEP);
        newlinesIgnored.push(false);
    }

    /** Parses a {@code .bicep} or ({@code paramsFile}) {@code .bicepparam} text; problems go to {@code problems}. */
    static IacTemplate parse(String text, boolean paramsFile, List<ParseProblem> problems) {
        BicepLexer lexer = BicepLexer.lex(text, 0, text.length());
        BicepParser p = new BicepParser(text, lexer.tokens(), paramsFile);
        p.problems.addAll(lexer.problems());
        p.file();
        p.linkParents();
        problems.addAll(p.problems);
        return p.template;
    }

    // ---- statements ----

    private void file() {
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.type() == Token.Type.EOF) {
                return;
            }
            int before = i;
            try {
                statement();
            } catch (IacSyntaxException e) {
                problems.add(new ParseProblem(e.offset(), e.getMessage()));
                resync(before);
            }
        }
    }

    private void statement() {
        List<String> decorators = decorators();
        Token k = peek();
        if (!k.isIdent()) {
            throw new IacSyntaxException(k.start(), "unexpected '" + k.text() + "'");
        }
        switch (k.text()) {
            case "param" -> param(decorators);
            case "var" -> variable();
            case "resource" -> {
                Pending p = resourceDeclaration();
                materialise(p, null);
            }
            case "module" -> module();
            case "output" -> output(decorators);
            default -> {
                if (SKIPPED.contains(k.text().toLowerCase(Locale.ROOT))) {
                    skipStatement();
                    return;
                }
                throw new IacSyntaxException(k.start(), "unknown statement '" + k.text() + "'");
            }
        }
        endOfStatement();
    }

    private void endOfStatement() {
        Token t = peek();
        if (t.type() != Token.Type.NEWLINE && t.type() != Token.Type.EOF) {
            throw new IacSyntaxException(t.start(), "unexpected '" + t.text() + "' after a statement");
        }
    }

    /** Decorators before a statement or property; returns their names in lower case ({@code secure}). */
    private List<String> decorators() {
        List<String> names = new ArrayList<>();
        while (peek().is("@")) {
            next();
            StringBuilder name = new StringBuilder(expectIdent().text());
            while (peek().is(".")) {
                next();
                name.setLength(0);
                name.append(expectIdent().text()); // sys.secure → secure
            }
            if (peek().is("(")) {
                skipBalanced();
            }
            names.add(name.toString().toLowerCase(Locale.ROOT));
            skipNewlines();
        }
        return names;
    }

    private void param(List<String> decorators) {
        next();
        Token name = expectIdent();
        if (peek().is("=")) {
            next();
            IacValue value = expr();
            if (paramsFile) {
                template.assignments.add(new IacTemplate.Assignment(name.text(), name.start(), value));
            } else {
                template.parameters.add(new IacTemplate.Parameter(name.text(), name.start(), "",
                        decorators.contains("secure"), value));
            }
            return;
        }
        String type = typeUntilEquals();
        IacValue def = null;
        if (peek().is("=")) {
            next();
            def = expr();
        }
        template.parameters.add(new IacTemplate.Parameter(name.text(), name.start(), type,
                decorators.contains("secure"), def));
    }

    private void variable() {
        next();
        Token name = expectIdent();
        if (!peek().is("=")) {
            typeUntilEquals();
        }
        expect("=");
        template.variables.add(new IacTemplate.Variable(name.text(), name.start(), expr()));
    }

    private void module() {
        Token kw = next();
        Token symbol = expectIdent();
        Token source = expectString();
        expect("=");
        IacValue body = declarationBody();
        template.modules.add(new IacTemplate.Module(symbol.text(), source.text(), kw.start(), body));
    }

    private void output(List<String> decorators) {
        Token kw = next();
        Token name = expectIdent();
        typeUntilEquals();
        expect("=");
        IacValue value = expr();
        template.outputs.add(new IacTemplate.Output(name.text(), kw.start(), decorators.contains("secure"), value));
    }

    /** {@code resource sym 'type@version' [existing] = body}, its nested resources collected as pending. */
    private Pending resourceDeclaration() {
        Token kw = next();
        Token symbol = expectIdent();
        Token type = expectString();
        boolean existing = false;
        if (peek().is("existing")) {
            next();
            existing = true;
        }
        expect("=");
        nestedResources.push(new ArrayList<>());
        IacValue body;
        List<Pending> children;
        try {
            body = declarationBody();
        } finally {
            children = nestedResources.pop();
        }
        return new Pending(kw, symbol, type, existing, body, children);
    }

    private void materialise(Pending p, IacTemplate.Resource parent) {
        String typeText = p.type().text();
        int at = typeText.indexOf('@');
        String type = at >= 0 ? typeText.substring(0, at) : typeText;
        String api = at >= 0 ? typeText.substring(at + 1) : "";
        if (parent != null && !type.contains("/")) {
            type = parent.type() + "/" + type;
            api = api.isEmpty() ? parent.apiVersion() : api;
        }
        IacTemplate.Resource r = new IacTemplate.Resource(p.symbol().text(), type, api, p.keyword().start(),
                p.type().end(), p.body(), p.existing(), parent, false);
        template.resources.add(r);
        for (Pending child : p.children()) {
            materialise(child, r);
        }
    }

    /** The body after {@code =}: an object, {@code if (…) {…}} or {@code [for … : …]}; the object is returned. */
    private IacValue declarationBody() {
        Token t = peek();
        if (t.is("if")) {
            next();
            expect("(");
            newlinesIgnored.push(true);
            expr();
            newlinesIgnored.pop();
            expect(")");
            return object();
        }
        if (t.is("[")) {
            next();
            newlinesIgnored.push(false);
            skipNewlines();
            if (!peek().is("for")) {
                throw new IacSyntaxException(peek().start(), "expected 'for'");
            }
            forHead();
            skipNewlines();
            IacValue body = declarationBody();
            skipNewlines();
            newlinesIgnored.pop();
            expect("]");
            return body;
        }
        return object();
    }

    /** {@code for x in items:} or {@code for (x, i) in items:} up to and including the colon. */
    private IacValue forHead() {
        expect("for");
        if (peek().is("(")) {
            skipBalanced();
        } else {
            expectIdent();
        }
        expect("in");
        IacValue items = expr();
        expect(":");
        return items;
    }

    /**
     * Links {@code parent: sym} of top-level child resources to their parent (filling in the parent's type), parents
     * first, so that every resource's {@code parent()} is the object in the template's list.
     */
    private void linkParents() {
        List<IacTemplate.Resource> rs = template.resources;
        java.util.Map<IacTemplate.Resource, IacTemplate.Resource> done = new java.util.IdentityHashMap<>();
        List<IacTemplate.Resource> linked = new ArrayList<>();
        for (IacTemplate.Resource r : rs) {
            linked.add(relink(r, done, 0));
        }
        rs.clear();
        rs.addAll(linked);
        template.invalidateIndex();
    }

    private IacTemplate.Resource relink(IacTemplate.Resource r, java.util.Map<IacTemplate.Resource,
            IacTemplate.Resource> done, int depth) {
        IacTemplate.Resource d = done.get(r);
        if (d != null) {
            return d;
        }
        IacTemplate.Resource parent = r.parent();
        if (parent == null && r.body() != null && r.body().kind() == IacValue.Kind.OBJECT) {
            String ref = template.singleReference(r.body().get("parent"));
            parent = ref == null ? null : template.resource(ref);
        }
        IacTemplate.Resource newParent = parent == null || parent == r || depth > 16 ? null
                : relink(parent, done, depth + 1);
        IacTemplate.Resource out = r;
        if (newParent != r.parent()) {
            String type = r.type().contains("/") || newParent == null ? r.type() : newParent.type() + "/" + r.type();
            out = new IacTemplate.Resource(r.symbol(), type, r.apiVersion(), r.offset(), r.declEnd(), r.body(),
                    r.existing(), newParent, false);
        }
        done.put(r, out);
        return out;
    }

    /** Skips a type annotation ({@code string}, {@code string[]}, {@code 'a' | 'b'}, {@code resource 'T@v'}). */
    private String typeUntilEquals() {
        int start = peek().start();
        int end = start;
        int level = 0;
        while (true) {
            Token t = peekRaw();
            if (t.type() == Token.Type.EOF || level == 0 && (t.type() == Token.Type.NEWLINE || t.is("="))) {
                break;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                level++;
            } else if ((t.is(")") || t.is("]") || t.is("}")) && level > 0) {
                level--;
            }
            end = t.end();
            i++;
        }
        return text.substring(start, Math.max(start, end)).strip();
    }

    // ---- expressions ----

    private IacValue expr() {
        if (++depth > MAX_DEPTH) {
            throw new IacSyntaxException(peek().start(), "expression nested too deeply");
        }
        try {
            int s = peek().start();
            IacValue c = binary(0);
            if (continuesOnNextLine("?")) {
                next();
                IacValue a = expr();
                continuesOnNextLine(":");
                expect(":");
                IacValue b = expr();
                return combine(s, List.of(c, a, b), List.of());
            }
            return c;
        } finally {
            depth--;
        }
    }

    private static final String[][] LEVELS = {{"??"}, {"||"}, {"&&"}, {"==", "!=", "=~", "!~"},
        {"<", ">", "<=", ">="}, {"+", "-"}, {"*", "/", "%"}};

    private IacValue binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        int s = peek().start();
        IacValue left = binary(level + 1);
        List<IacValue> parts = null;
        while (isOperator(peek(), LEVELS[level]) || level <= 2 && continuesOnNextLine(LEVELS[level])) {
            next();
            if (parts == null) {
                parts = new ArrayList<>();
                parts.add(left);
            }
            parts.add(binary(level + 1));
        }
        return parts == null ? left : combine(s, parts, List.of());
    }

    /**
     * Whether the expression goes on at the start of a following line with one of {@code ops} (a multi-line
     * ternary, {@code &&}, {@code ||}, {@code ??}); if so, the newlines are consumed. No statement, member or item
     * starts with these operators, so this never joins two of them.
     */
    private boolean continuesOnNextLine(String... ops) {
        int k = i;
        while (k < toks.size() - 1 && toks.get(k).type() == Token.Type.NEWLINE) {
            k++;
        }
        if (!isOperator(toks.get(k), ops)) {
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

    private IacValue postfix() {
        int s = peek().start();
        IacValue v = primary();
        while (true) {
            Token t = peekRaw();
            if (t.is(".") || t.is(".?") || t.is("::")) {
                next();
                Token member = next();
                if (!member.isIdent()) {
                    throw new IacSyntaxException(member.start(), "expected a name after '" + t.text() + "'");
                }
                if (peekRaw().is("(")) {
                    List<IacValue> args = arguments();
                    List<IacValue> parts = new ArrayList<>(args);
                    parts.add(0, v);
                    v = combine(s, parts, List.of(member.text()));
                } else {
                    v = combine(s, List.of(v), List.of());
                }
            } else if (t.is("[")) {
                next();
                newlinesIgnored.push(true);
                if (peek().is("?")) {
                    next();
                }
                IacValue index = expr();
                newlinesIgnored.pop();
                expect("]");
                v = combine(s, List.of(v, index), List.of());
            } else if (t.is("!") && !peekAt(1).is("=")) {
                next(); // non-null assertion
                v = combine(s, List.of(v), List.of());
            } else {
                return v;
            }
        }
    }

    private IacValue primary() {
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
                    }
                }
                if (peekRaw().is("(")) {
                    List<IacValue> args = arguments();
                    List<String> refs = new ArrayList<>();
                    if (TYPED_FUNCTIONS.contains(t.text().toLowerCase(Locale.ROOT)) && !args.isEmpty()
                            && args.get(0).isString() && args.get(0).text().contains("/")) {
                        refs.add("type:" + args.get(0).text());
                    }
                    return IacValue.expression(source(t.start()), t.start(), prevEnd(), refs, List.of(t.text()), args);
                }
                if (peekRaw().is("=>")) {
                    next();
                    IacValue body = expr();
                    return combine(t.start(), List.of(body), List.of());
                }
                return IacValue.expression(t.text(), t.start(), t.end(), List.of(t.text()), List.of(), List.of());
            }
            case SYMBOL -> {
                switch (t.text()) {
                    case "(" -> {
                        return parenthesised(t);
                    }
                    case "{" -> {
                        i--;
                        return object();
                    }
                    case "[" -> {
                        i--;
                        return array();
                    }
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
        throw new IacSyntaxException(t.start(), "unexpected '" + (t.type() == Token.Type.NEWLINE ? "end of line"
                : t.text()) + "'");
    }

    /** {@code (expr)} or a lambda {@code (a, b) => expr}. */
    private IacValue parenthesised(Token open) {
        newlinesIgnored.push(true);
        List<IacValue> parts = new ArrayList<>();
        while (!peek().is(")")) {
            parts.add(expr());
            if (peek().is(",")) {
                next();
            } else if (!peek().is(")")) {
                newlinesIgnored.pop();
                throw new IacSyntaxException(peek().start(), "expected ')'");
            }
        }
        newlinesIgnored.pop();
        expect(")");
        if (peekRaw().is("=>")) {
            next();
            return combine(open.start(), List.of(expr()), List.of());
        }
        return combine(open.start(), parts, List.of());
    }

    private List<IacValue> arguments() {
        expect("(");
        newlinesIgnored.push(true);
        List<IacValue> args = new ArrayList<>();
        while (!peek().is(")")) {
            if (peek().is("...")) {
                next();
            }
            args.add(expr());
            if (peek().is(",")) {
                next();
            } else if (!peek().is(")")) {
                newlinesIgnored.pop();
                throw new IacSyntaxException(peek().start(), "expected ')'");
            }
        }
        newlinesIgnored.pop();
        expect(")");
        return args;
    }

    private IacValue string(Token t) {
        if (!t.interpolated()) {
            return IacValue.string(t.text(), t.contentStart(), t.contentEnd());
        }
        List<IacValue> parts = new ArrayList<>();
        for (int[] hole : t.holes()) {
            BicepLexer inner = BicepLexer.lex(text, hole[0], hole[1]);
            BicepParser sub = new BicepParser(text, inner.tokens(), paramsFile);
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

    private IacValue object() {
        Token open = expect("{");
        newlinesIgnored.push(false);
        depth++;
        try {
            List<IacProperty> props = new ArrayList<>();
            List<IacValue> spreads = new ArrayList<>();
            while (true) {
                skipSeparators();
                Token t = peek();
                if (t.is("}")) {
                    break;
                }
                if (t.type() == Token.Type.EOF) {
                    throw new IacSyntaxException(open.start(), "unclosed '{'");
                }
                decorators();
                t = peek();
                if (t.is("resource") && peekAt(1).isIdent() && peekAt(2).type() == Token.Type.STRING) {
                    Pending nested = resourceDeclaration();
                    if (!nestedResources.isEmpty()) {
                        nestedResources.peek().add(nested);
                    }
                    endOfMember();
                    continue;
                }
                if (t.is("...")) {
                    next();
                    spreads.add(expr());
                    endOfMember();
                    continue;
                }
                String name;
                if (t.isIdent()) {
                    name = t.text();
                } else if (t.type() == Token.Type.STRING) {
                    name = t.interpolated() ? text.substring(t.contentStart(), t.contentEnd()) : t.text();
                } else {
                    throw new IacSyntaxException(t.start(), "unexpected '" + t.text() + "' in an object");
                }
                next();
                expect(":");
                IacValue value = expr();
                props.add(new IacProperty(name, t.start(), value));
                endOfMember();
            }
            Token close = next();
            IacValue obj = IacValue.object(props, open.start(), close.end());
            if (spreads.isEmpty()) {
                return obj;
            }
            spreads.add(0, obj);
            return IacValue.expression(text.substring(open.start(), close.end()), open.start(), close.end(), List.of(),
                    List.of(), spreads);
        } finally {
            depth--;
            newlinesIgnored.pop();
        }
    }

    private IacValue array() {
        Token open = expect("[");
        newlinesIgnored.push(false);
        depth++;
        try {
            skipSeparators();
            if (peek().is("for")) {
                IacValue items = forHead();
                skipNewlines();
                IacValue body;
                if (peek().is("if")) {
                    next();
                    expect("(");
                    newlinesIgnored.push(true);
                    IacValue cond = expr();
                    newlinesIgnored.pop();
                    expect(")");
                    body = combine(peek().start(), List.of(cond, expr()), List.of());
                } else {
                    body = expr();
                }
                skipNewlines();
                Token close = expect("]");
                return IacValue.expression(text.substring(open.start(), close.end()), open.start(), close.end(),
                        List.of(), List.of(), List.of(items, body));
            }
            List<IacValue> items = new ArrayList<>();
            while (true) {
                skipSeparators();
                Token t = peek();
                if (t.is("]")) {
                    break;
                }
                if (t.type() == Token.Type.EOF) {
                    throw new IacSyntaxException(open.start(), "unclosed '['");
                }
                if (t.is("...")) {
                    next();
                }
                items.add(expr());
                endOfMember();
            }
            Token close = next();
            return IacValue.array(items, open.start(), close.end());
        } finally {
            depth--;
            newlinesIgnored.pop();
        }
    }

    /** After an object member or array item: a newline, a comma or the closing bracket. */
    private void endOfMember() {
        Token t = peekRaw();
        if (t.type() == Token.Type.NEWLINE || t.is(",") || t.is("}") || t.is("]")) {
            return;
        }
        throw new IacSyntaxException(t.start(), "unexpected '" + t.text() + "'");
    }

    private IacValue combine(int start, List<IacValue> parts, List<String> calls) {
        int end = Math.max(start, prevEnd());
        return IacValue.expression(text.substring(start, end), start, end, List.of(), calls, parts);
    }

    private String source(int start) {
        return text.substring(start, Math.max(start, prevEnd()));
    }

    // ---- tokens ----

    private Token peekRaw() {
        return toks.get(Math.min(i, toks.size() - 1));
    }

    /** The next token; newlines are skipped inside parentheses, where they mean nothing. */
    private Token peek() {
        if (Boolean.TRUE.equals(newlinesIgnored.peek())) {
            while (i < toks.size() - 1 && toks.get(i).type() == Token.Type.NEWLINE) {
                i++;
            }
        }
        return peekRaw();
    }

    private Token peekAt(int ahead) {
        return toks.get(Math.min(i + ahead, toks.size() - 1));
    }

    private Token next() {
        Token t = peek();
        if (i < toks.size() - 1) {
            i++;
        }
        return t;
    }

    private int prevEnd() {
        return i == 0 ? 0 : toks.get(i - 1).end();
    }

    private Token expect(String symbol) {
        Token t = peek();
        if (!t.is(symbol)) {
            throw new IacSyntaxException(t.start(), "expected '" + symbol + "' but found '"
                    + (t.type() == Token.Type.NEWLINE ? "end of line" : t.text()) + "'");
        }
        return next();
    }

    private Token expectIdent() {
        Token t = peek();
        if (!t.isIdent()) {
            throw new IacSyntaxException(t.start(), "expected a name but found '" + t.text() + "'");
        }
        return next();
    }

    private Token expectString() {
        Token t = peek();
        if (t.type() != Token.Type.STRING) {
            throw new IacSyntaxException(t.start(), "expected a string but found '" + t.text() + "'");
        }
        return next();
    }

    private void skipNewlines() {
        while (peekRaw().type() == Token.Type.NEWLINE) {
            i++;
        }
    }

    private void skipNewlinesIfIgnored() {
        if (Boolean.TRUE.equals(newlinesIgnored.peek())) {
            skipNewlines();
        }
    }

    private void skipSeparators() {
        while (peekRaw().type() == Token.Type.NEWLINE || peekRaw().is(",")) {
            i++;
        }
    }

    /** Skips a balanced {@code (…)}, {@code […]} or {@code {…}} group starting at the current token. */
    private void skipBalanced() {
        int level = 0;
        do {
            Token t = peekRaw();
            if (t.type() == Token.Type.EOF) {
                return;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                level++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                level--;
            }
            i++;
        } while (level > 0);
    }

    /** Skips the rest of a statement: to the end of its line, across brackets. */
    private void skipStatement() {
        int level = 0;
        while (true) {
            Token t = peekRaw();
            if (t.type() == Token.Type.EOF || level <= 0 && t.type() == Token.Type.NEWLINE) {
                return;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                level++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                level--;
            }
            i++;
        }
    }

    /** After an error: on to the next statement keyword or decorator at the start of a line. */
    private void resync(int failedAt) {
        newlinesIgnored.clear();
        newlinesIgnored.push(false);
        nestedResources.clear();
        depth = 0;
        i = Math.max(i, failedAt + 1);
        while (i < toks.size() - 1) {
            Token t = toks.get(i);
            if ((t.is("@") || t.isIdent() && STATEMENTS.contains(t.text())) && atLineStart(t.start())) {
                return;
            }
            i++;
        }
    }

    private boolean atLineStart(int offset) {
        return offset == 0 || text.charAt(offset - 1) == '\n';
    }
}
