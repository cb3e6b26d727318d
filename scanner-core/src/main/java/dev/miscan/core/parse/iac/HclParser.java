package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser of Terraform's HCL native syntax with exact offsets: blocks ({@code resource}, {@code data},
 * {@code variable}, {@code locals}, {@code output}, {@code module}, {@code terraform}, nested and
 * {@code dynamic} blocks), attributes, and expressions (templates, heredocs, traversals such as
 * {@code azurerm_storage_account.sa.primary_connection_string}, function calls, conditionals, {@code for}
 * expressions, objects and tuples). A block body is an object whose repeated blocks are repeated
 * properties. {@code .tfvars} files are attributes only. Nothing is evaluated; a block that cannot be read is
 * skipped to the next top-level block and named in a problem.
 *
 * <p>Our own parser rather than hcl4j: hcl4j's result maps carry no source positions, it evaluates
 * expressions and data lookups (an HTTP client), and it throws on syntax it does not know.
 */
final class HclParser extends TokenParser {
    /** The language's own words (Terraform's block types among them): see {@link BicepParser#KEYWORDS}. */
    static final Set<String> KEYWORDS = Set.of("resource", "data", "variable", "locals", "module", "output",
            "provider", "terraform", "dynamic", "content", "for", "in", "if", "true", "false", "null");

    private static final String[][] OPERATOR_LEVELS = {{"||"}, {"&&"}, {"==", "!="}, {"<", ">", "<=", ">="},
        {"+", "-"}, {"*", "/", "%"}};
    private static final Pattern VERSION = Pattern.compile("^\\s*+(?:~>|=)?\\s*+v?(\\d+)");

    /** A block as written: {@code type "label" "label" { body }}. */
    private record Block(Token type, List<Token> labels, IacValue body) {
    }

    private HclParser(String text, List<Token> toks, List<ParseProblem> problems) {
        super(text, toks, problems, OPERATOR_LEVELS, Set.of());
    }

    static IacTemplate parse(String text, boolean tfvars, List<ParseProblem> problems) {
        TokenLexer lexer = new HclLexer(text, 0, text.length()).lex();
        problems.addAll(lexer.problems());
        HclParser p = new HclParser(text, lexer.tokens(), problems);
        IacTemplate t = new IacTemplate(tfvars ? IacTemplate.Format.TFVARS : IacTemplate.Format.TERRAFORM);
        List<IacProperty> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        p.statements(() -> p.topLevelMember(attributes, blocks));
        if (tfvars) {
            for (IacProperty a : attributes) {
                t.assignments.add(new IacTemplate.Assignment(a.name(), a.nameOffset(), a.value()));
            }
        }
        for (Block b : blocks) {
            model(t, b);
        }
        IacEvaluation.evaluateBodies(t);
        return t;
    }

    /**
     * An {@code azapi_resource} whose {@code type} is written ({@code "Microsoft.Storage/storageAccounts@2023-05-01"})
     * and whose {@code body} is an object (azapi 2) or {@code jsonencode} of one (azapi 1): a resource of type
     * {@link IacTemplate#AZAPI} + its ARM type, whose body is the ARM body ({@code name}, {@code location}, {@code identity} and
     * the {@code body}'s {@code properties}, {@code kind}, {@code sku}…); null for anything else.
     */
    private static IacTemplate.Resource azapiResource(Block b) {
        List<Token> labels = b.labels();
        if (labels.size() != 2 || !labels.get(0).text().equals("azapi_resource") || b.body() == null
                || !b.body().isObject()) {
            return null;
        }
        IacValue type = b.body().get("type");
        IacValue armBody = b.body().get("body");
        if (armBody != null && armBody.isExpression() && armBody.text() != null
                && armBody.text().strip().startsWith("jsonencode(") && armBody.items().size() == 1) {
            armBody = armBody.items().get(0);
        }
        if (type == null || armBody == null || !armBody.isObject()) {
            return null;
        }
        // a type read from a variable (var.resource_types.storage_account) is resolved where the variable is known
        String written = type.isString() ? type.text() : type.isExpression() && type.text() != null
                ? "?" + type.text().strip() : "";
        if (written.indexOf('/') < 0 && !written.startsWith("?")) {
            return null;
        }
        String[] typeAndVersion = written.split("@", 2);
        List<IacProperty> props = new ArrayList<>();
        for (String top : new String[] {"name", "location", "identity", "parent_id", "tags"}) {
            IacProperty p = b.body().property(top);
            if (p != null) {
                props.add(p);
            }
        }
        props.addAll(armBody.properties());
        Token name = labels.get(1);
        return new IacTemplate.Resource(name.text(), IacTemplate.AZAPI + typeAndVersion[0],
                typeAndVersion.length > 1 ? typeAndVersion[1] : "", b.type().start(), name.end(),
                IacValue.object(props, b.body().start(), b.body().end()), false, null, false);
    }

    private static void model(IacTemplate t, Block b) {
        String kind = b.type().text();
        List<Token> labels = b.labels();
        IacValue body = b.body();
        switch (kind) {
            case "resource", "data" -> {
                IacTemplate.Resource azapi = kind.equals("resource") ? azapiResource(b) : null;
                if (azapi != null) {
                    t.resources.add(azapi);
                } else if (labels.size() == 2) {
                    Token name = labels.get(1);
                    t.resources.add(new IacTemplate.Resource(name.text(), labels.get(0).text(), "", b.type().start(),
                            name.end(), body, false, null, kind.equals("data")));
                }
            }
            case "variable" -> {
                if (labels.size() == 1) {
                    IacValue type = body.get("type");
                    t.parameters.add(new IacTemplate.Parameter(labels.get(0).text(), labels.get(0).contentStart(),
                            type == null ? "" : type.text() == null ? "" : type.text(),
                            Boolean.TRUE.equals(boolOf(body.get("sensitive"))), body.get("default")));
                }
            }
            case "locals" -> {
                for (IacProperty p : body.properties()) {
                    t.variables.add(new IacTemplate.Variable(p.name(), p.nameOffset(), p.value()));
                }
            }
            case "output" -> {
                if (labels.size() == 1) {
                    t.outputs.add(new IacTemplate.Output(labels.get(0).text(), b.type().start(),
                            Boolean.TRUE.equals(boolOf(body.get("sensitive"))), body.get("value")));
                }
            }
            case "module" -> {
                if (labels.size() == 1) {
                    IacValue source = body.get("source");
                    t.modules.add(new IacTemplate.Module(labels.get(0).text(),
                            source != null && source.isString() ? source.text() : "", b.type().start(), body));
                }
            }
            case "provider" -> {
                // provider "azurerm" { client_secret = … }: how Terraform itself signs in
                if (labels.size() == 1) {
                    IacValue alias = body.get("alias");
                    t.resources.add(new IacTemplate.Resource(alias != null && alias.isString() ? alias.text()
                            : labels.get(0).text(), "provider:" + labels.get(0).text(), "", b.type().start(),
                            labels.get(0).end(), body, false, null, false));
                }
            }
            case "terraform" -> {
                IacValue backend = body.get("backend");
                if (backend != null && backend.isObject()) {
                    // backend "azurerm" { access_key = … }: where Terraform keeps its state (labels are not kept)
                    t.resources.add(new IacTemplate.Resource("backend", "backend:" + (backend.get("storage_account_name")
                            != null ? "azurerm" : "other"), "", b.type().start(), b.type().end(), backend, false,
                            null, false));
                }
                IacValue azurerm = body.at("required_providers", "azurerm");
                IacValue version = azurerm == null ? null : azurerm.get("version");
                if (version != null && version.isString()) {
                    Matcher m = VERSION.matcher(version.text());
                    if (m.find()) {
                        t.providerMajorVersion = Integer.parseInt(m.group(1));
                    }
                }
            }
            default -> {
            }
        }
    }

    private static Boolean boolOf(IacValue v) {
        return v == null ? null : v.bool();
    }

    // ---- bodies ----

    private void topLevelMember(List<IacProperty> attributes, List<Block> blocks) {
        Token t = peekRaw();
        if (t.is("}")) {
            throw new IacSyntaxException(t.start(), "unexpected '}'");
        }
        member(attributes, blocks);
    }

    /** A name at the start of a line: an attribute or a block. */
    @Override
    protected boolean startsStatement(Token t) {
        return t.isIdent();
    }

    /** One attribute or block of a body. */
    private void member(List<IacProperty> attributes, List<Block> blocks) {
        Token name = next();
        if (!name.isIdent() && name.type() != Token.Type.STRING) {
            throw new IacSyntaxException(name.start(), "unexpected '" + name.text() + "'");
        }
        if (peekRaw().is("=") || peekRaw().is(":")) {
            next();
            IacValue value = expr();
            attributes.add(new IacProperty(name.text(), name.type() == Token.Type.STRING ? name.contentStart()
                    : name.start(), value));
            endOfMember();
            return;
        }
        List<Token> labels = new ArrayList<>();
        while (peekRaw().type() == Token.Type.STRING || peekRaw().isIdent()) {
            labels.add(next());
        }
        Token open = expect("{");
        List<IacProperty> inner = new ArrayList<>();
        List<Block> innerBlocks = new ArrayList<>();
        depth++;
        if (depth > MAX_DEPTH) {
            throw new IacSyntaxException(open.start(), "blocks nested too deeply");
        }
        try {
            while (true) {
                skipNewlines();
                Token t = peekRaw();
                if (t.is("}")) {
                    break;
                }
                if (t.type() == Token.Type.EOF) {
                    throw new IacSyntaxException(open.start(), "unclosed block '" + name.text() + "'");
                }
                member(inner, innerBlocks);
            }
        } finally {
            depth--;
        }
        Token close = next();
        IacValue body = IacValue.object(inner, open.start(), close.end());
        blocks.add(new Block(name, labels, body));
        if (name.text().equals("dynamic") && labels.size() == 1) {
            // dynamic "identity" { content { … } } stands for identity blocks
            IacValue content = body.get("content");
            attributes.add(new IacProperty(labels.get(0).text(), name.start(), content != null ? content : body));
        } else {
            attributes.add(new IacProperty(name.text(), name.start(), body));
        }
        endOfMember();
    }

    private void endOfMember() {
        Token t = peekRaw();
        if (t.type() == Token.Type.NEWLINE || t.type() == Token.Type.EOF || t.is("}")) {
            return;
        }
        throw new IacSyntaxException(t.start(), "unexpected '" + t.text() + "'");
    }

    // ---- expressions ----

    @Override
    protected IacValue postfix() {
        int s = peek().start();
        IacValue v = primary();
        boolean traversal = v.isExpression() && v.references().size() == 1 && v.text().equals(v.references().get(0));
        List<IacValue> indexes = new ArrayList<>();
        boolean extended = false;
        while (true) {
            Token t = peekRaw();
            if (t.is(".")) {
                next();
                Token member = next();
                if (!member.isIdent() && member.type() != Token.Type.NUMBER && !member.is("*")) {
                    throw new IacSyntaxException(member.start(), "expected an attribute name after '.'");
                }
                extended = true;
            } else if (t.is("[")) {
                next();
                newlinesIgnored.push(true);
                if (peek().is("*")) {
                    next();
                } else {
                    indexes.add(expr());
                }
                newlinesIgnored.pop();
                expect("]");
                extended = true;
            } else {
                break;
            }
        }
        if (!extended) {
            return v;
        }
        String src = text.substring(s, prevEnd());
        List<String> refs = traversal ? List.of(withoutSpaces(src)) : List.of();
        List<IacValue> parts = new ArrayList<>(indexes);
        if (!traversal) {
            parts.add(0, v);
        }
        return IacValue.expression(src, s, prevEnd(), refs, List.of(), parts);
    }

    /** {@code s} without the characters of a regular expression's {@code \s} (space, tab, line breaks, FF, VT). */
    static String withoutSpaces(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
            if (space && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!space && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** A call, {@code provider::azurerm::fn(…)} among them, or a reference. */
    @Override
    protected IacValue named(Token t) {
        String function = t.text();
        while (peekRaw().is("::") && peekAt(1).isIdent()) {
            next();
            function = next().text();
        }
        if (peekRaw().is("(")) {
            return call(t, function);
        }
        return reference(t);
    }

    @Override
    protected IacValue bracketed(Token open) {
        switch (open.text()) {
            case "(" -> {
                newlinesIgnored.push(true);
                IacValue inner = expr();
                newlinesIgnored.pop();
                expect(")");
                return combine(open.start(), List.of(inner), List.of());
            }
            case "[" -> {
                return tuple(open);
            }
            case "{" -> {
                return object(open);
            }
            default -> {
                return null;
            }
        }
    }

    private IacValue call(Token name, String function) {
        expect("(");
        List<IacValue> args = parenthesisedList(() -> {
            if (peek().type() == Token.Type.EOF) {
                expect(")"); // an unclosed call is missing its ')' rather than an argument
            }
            IacValue arg = expr();
            if (peek().is("...")) {
                next();
            }
            return arg;
        });
        return combine(name.start(), args, List.of(function));
    }

    @Override
    protected TokenParser holeParser(int from, int to) {
        // ${~ expr ~} trims the whitespace around the hole in the string; the ~ are no part of the expression
        int start = from;
        while (start < to && (text.charAt(start) == '~' || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        int end = to;
        while (end > start && (text.charAt(end - 1) == '~' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return new HclParser(text, new HclLexer(text, start, end).lex().tokens(), problems);
    }

    private IacValue tuple(Token open) {
        newlinesIgnored.push(true);
        depth++;
        try {
            if (peek().is("for")) {
                return forExpression(open, "]");
            }
            List<IacValue> items = new ArrayList<>();
            while (!peek().is("]")) {
                if (peek().type() == Token.Type.EOF) {
                    throw new IacSyntaxException(open.start(), "unclosed '['");
                }
                items.add(expr());
                if (peek().is("...")) {
                    next();
                }
                if (peek().is(",")) {
                    next();
                } else if (!peek().is("]")) {
                    throw new IacSyntaxException(peek().start(), "expected ',' or ']'");
                }
            }
            Token close = next();
            return IacValue.array(items, open.start(), close.end());
        } finally {
            depth--;
            newlinesIgnored.pop();
        }
    }

    private IacValue object(Token open) {
        newlinesIgnored.push(false);
        depth++;
        try {
            skipSeparators();
            if (peek().is("for")) {
                newlinesIgnored.push(true);
                try {
                    return forExpression(open, "}");
                } finally {
                    newlinesIgnored.pop();
                }
            }
            List<IacProperty> props = new ArrayList<>();
            while (hasNextMember(open, "}")) {
                Token key = peek();
                String name;
                int nameOffset;
                if (key.isIdent() && (peekAt(1).is("=") || peekAt(1).is(":"))) {
                    next();
                    name = key.text();
                    nameOffset = key.start();
                } else if (key.type() == Token.Type.STRING && !key.interpolated()
                        && (peekAt(1).is("=") || peekAt(1).is(":"))) {
                    next();
                    name = key.text();
                    nameOffset = key.contentStart();
                } else {
                    IacValue k = expr(); // (var.key) = …, "${x}" = …
                    name = k.text() == null ? "" : k.text();
                    nameOffset = k.start();
                }
                Token eq = next();
                if (!eq.is("=") && !eq.is(":")) {
                    throw new IacSyntaxException(eq.start(), "expected '=' in an object");
                }
                IacValue value = expr();
                props.add(new IacProperty(name, nameOffset, value));
                Token after = peekRaw();
                if (!(after.type() == Token.Type.NEWLINE || after.is(",") || after.is("}"))) {
                    throw new IacSyntaxException(after.start(), "unexpected '" + after.text() + "' in an object");
                }
            }
            Token close = next();
            return IacValue.object(props, open.start(), close.end());
        } finally {
            depth--;
            newlinesIgnored.pop();
        }
    }

    /** {@code for k, v in coll : expr [if cond]} up to the closing bracket. */
    private IacValue forExpression(Token open, String close) {
        expect("for");
        expectIdent();
        if (peek().is(",")) {
            next();
            expectIdent();
        }
        expect("in");
        List<IacValue> parts = new ArrayList<>();
        parts.add(expr());
        expect(":");
        parts.add(expr());
        if (peek().is("=>")) {
            next();
            parts.add(expr());
            if (peek().is("...")) {
                next();
            }
        }
        if (peek().is("if")) {
            next();
            parts.add(expr());
        }
        Token end = expect(close);
        return IacValue.expression(text.substring(open.start(), end.end()), open.start(), end.end(), List.of(),
                List.of(), parts);
    }
}
