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
final class BicepParser extends TokenParser {
    private static final Set<String> SKIPPED = Set.of("using", "targetscope", "metadata", "import", "type", "func",
            "extension", "provider", "assert", "extends", "with");
    private static final Set<String> STATEMENTS = Set.of("param", "var", "resource", "module", "output", "using",
            "targetScope", "metadata", "import", "type", "func", "extension", "provider", "assert", "extends");
    /** The language's own words, which a parser's message may quote as what it found and no secret ever is. */
    static final Set<String> KEYWORDS = java.util.stream.Stream.of(STATEMENTS, SKIPPED,
            Set.of("existing", "for", "in", "if", "true", "false", "null")).flatMap(Set::stream)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** Functions whose first argument is a resource type: {@code resourceId('Microsoft.Storage/…', …)}. */
    private static final Set<String> TYPED_FUNCTIONS = Set.of("resourceid", "reference", "subscriptionresourceid",
            "extensionresourceid", "tenantresourceid", "listkeys");
    private static final String[][] OPERATOR_LEVELS = {{"??"}, {"||"}, {"&&"}, {"==", "!=", "=~", "!~"},
        {"<", ">", "<=", ">="}, {"+", "-"}, {"*", "/", "%"}};
    /** A long condition or conditional is often broken before its operators. */
    private static final Set<String> LINE_LEADING_OPERATORS = Set.of("??", "||", "&&", "?", ":");

    private final IacTemplate template;
    private final boolean paramsFile;
    private final Deque<List<Pending>> nestedResources = new ArrayDeque<>();

    /** A nested {@code resource} read inside a body, materialised once its parent exists. */
    private record Pending(Token keyword, Token symbol, Token type, boolean existing, IacValue body,
            List<Pending> children) {
    }

    /** A parameters file's {@code using 'main.bicep'}: the template it sets parameters of. */
    private Token usingSource;
    private int usingOffset;

    private BicepParser(String text, List<Token> toks, boolean paramsFile, List<ParseProblem> problems) {
        super(text, toks, problems, OPERATOR_LEVELS, LINE_LEADING_OPERATORS);
        this.paramsFile = paramsFile;
        this.template = new IacTemplate(paramsFile ? IacTemplate.Format.BICEP_PARAMS : IacTemplate.Format.BICEP);
    }

    /** Parses a {@code .bicep} or ({@code paramsFile}) {@code .bicepparam} text; problems go to {@code problems}. */
    static IacTemplate parse(String text, boolean paramsFile, List<ParseProblem> problems) {
        TokenLexer lexer = new BicepLexer(text, 0, text.length()).lex();
        problems.addAll(lexer.problems());
        BicepParser p = new BicepParser(text, lexer.tokens(), paramsFile, problems);
        p.statements(p::statement);
        if (p.usingSource != null) {
            List<IacProperty> args = new ArrayList<>();
            for (IacTemplate.Assignment a : p.template.assignments) {
                args.add(new IacProperty(a.name(), a.offset(), a.value()));
            }
            IacValue params = IacValue.object(args, p.usingOffset, text.length());
            p.template.modules.add(new IacTemplate.Module("using", p.usingSource.text(), p.usingOffset,
                    IacValue.object(List.of(new IacProperty("params", p.usingOffset, params)), p.usingOffset,
                            text.length())));
        }
        IacEvaluation.evaluateBodies(p.template);
        p.linkParents();
        return p.template;
    }

    /** A decorator or a statement keyword. */
    @Override
    protected boolean startsStatement(Token t) {
        return t.is("@") || t.isIdent() && STATEMENTS.contains(t.text());
    }

    // ---- statements ----

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
            case "using" -> {
                // a parameters file's template: its assignments are that template's arguments, like a module call's
                Token kw = next();
                if (paramsFile && peek().type() == Token.Type.STRING && peek().text().endsWith(".bicep")) {
                    usingSource = next();
                    usingOffset = kw.start();
                }
                skipStatement();
            }
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

    /** The item variable of the last {@link #forHead} ({@code x} of {@code for (x, i) in …}), or null. */
    private Token loopVariable;

    /** {@code for x in items:} or {@code for (x, i) in items:} up to and including the colon. */
    private IacValue forHead() {
        expect("for");
        if (peek().is("(")) {
            Token item = peekAt(1);
            loopVariable = item.type() == Token.Type.IDENT ? item : null;
            skipBalanced();
        } else {
            loopVariable = expectIdent();
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
            if (t.type() == Token.Type.EOF || level == 0 && (t.type() == Token.Type.NEWLINE && !unionContinues()
                    || t.is("="))) {
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

    @Override
    protected IacValue postfix() {
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

    /**
     * A call (one to {@code resourceId('Microsoft.Storage/…', …)} reads that type), a lambda {@code x => …} or a
     * reference.
     */
    @Override
    protected IacValue named(Token t) {
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
        return reference(t);
    }

    @Override
    protected IacValue bracketed(Token open) {
        switch (open.text()) {
            case "(" -> {
                return parenthesised(open);
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
                return null;
            }
        }
    }

    /** {@code (expr)} or a lambda {@code (a, b) => expr}. */
    private IacValue parenthesised(Token open) {
        List<IacValue> parts = parenthesisedList(this::expr);
        if (peekRaw().is("=>")) {
            next();
            return combine(open.start(), List.of(expr()), List.of());
        }
        return combine(open.start(), parts, List.of());
    }

    private List<IacValue> arguments() {
        expect("(");
        return parenthesisedList(() -> {
            if (peek().is("...")) {
                next();
            }
            return expr();
        });
    }

    @Override
    protected TokenParser holeParser(int from, int to) {
        return new BicepParser(text, new BicepLexer(text, from, to).lex().tokens(), paramsFile, problems);
    }

    private IacValue object() {
        Token open = expect("{");
        newlinesIgnored.push(false);
        depth++;
        try {
            List<IacProperty> props = new ArrayList<>();
            List<IacValue> spreads = new ArrayList<>();
            while (hasNextMember(open, "}")) {
                decorators();
                Token t = peek();
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
                Token variable = loopVariable;
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
                // [items, body, the item variable]: what the evaluator needs to write the loop out
                return IacValue.expression(text.substring(open.start(), close.end()), open.start(), close.end(),
                        List.of(), List.of(), variable == null ? List.of(items, body)
                                : List.of(items, body, IacValue.string(variable.text(), variable.start(), variable.end())));
            }
            List<IacValue> items = new ArrayList<>();
            while (hasNextMember(open, "]")) {
                if (peek().is("...")) {
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

    private String source(int start) {
        return text.substring(start, Math.max(start, prevEnd()));
    }

    // ---- tokens ----

    private Token expectString() {
        Token t = peek();
        if (t.type() != Token.Type.STRING) {
            throw new IacSyntaxException(t.start(), "expected a string but found '" + t.text() + "'");
        }
        return next();
    }

    /** Skips a balanced {@code (…)}, {@code […]} or {@code {…}} group starting at the current token. */
    private void skipBalanced() {
        skipAcrossBrackets(false);
    }

    /**
     * At a newline: whether the next line goes on with a union type ({@code | 'prod'}), which a type written over
     * several lines does, each member on a line of its own after a leading {@code |}.
     */
    private boolean unionContinues() {
        int k = i;
        while (k < toks.size() - 1 && toks.get(k).type() == Token.Type.NEWLINE) {
            k++;
        }
        return toks.get(k).is("|");
    }

    /** Skips the rest of a statement: to the end of its line, across brackets. */
    private void skipStatement() {
        skipAcrossBrackets(true);
    }

    /**
     * Skips tokens, counting brackets, up to the end of the first group or ({@code toLineEnd}) up to the first
     * newline outside brackets; never past the end.
     */
    private void skipAcrossBrackets(boolean toLineEnd) {
        int level = 0;
        while (true) {
            Token t = peekRaw();
            if (t.type() == Token.Type.EOF || toLineEnd && level <= 0 && t.type() == Token.Type.NEWLINE
                    && !unionContinues()) {
                return;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                level++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                level--;
            }
            i++;
            if (!toLineEnd && level <= 0) {
                return;
            }
        }
    }
}
