package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarations of one IaC file, whatever its language: parameters (Bicep {@code param}, ARM
 * {@code parameters}, Terraform {@code variable}), variables ({@code var}, {@code variables}, {@code locals}),
 * resources (with nested and child resources flattened, each knowing its parent), modules, outputs, and the
 * values of a parameters file ({@code .bicepparam}, {@code .tfvars}, {@code *.parameters.json}). ARM nested
 * deployments with an inline template are {@link #nested()} templates of their own.
 *
 * <p>Nothing is evaluated. {@link #resolve} follows a value that is nothing but a reference to a parameter
 * default or a variable, a few hops deep, which is what rules need for {@code allowSharedKeyAccess: allowKey}.
 */
public final class IacTemplate {
    /** The file's language and role. */
    public enum Format {
        BICEP("bicep"), BICEP_PARAMS("bicep"), ARM("json"), ARM_PARAMETERS("json"), TERRAFORM("terraform"),
        TFVARS("terraform"), NONE("text");

        private final String language;

        Format(String language) {
            this.language = language;
        }

        /** The remediation language of this format: {@code bicep}, {@code json} (ARM) or {@code terraform}. */
        public String language() {
            return language;
        }

        public boolean isParametersFile() {
            return this == BICEP_PARAMS || this == ARM_PARAMETERS || this == TFVARS;
        }
    }

    /**
     * A parameter: Bicep {@code param}, ARM {@code parameters.x}, Terraform {@code variable "x"}.
     *
     * @param offset       offset of the name
     * @param type         the declared type as written ({@code string}, {@code securestring}), or ""
     * @param secure       {@code @secure()}, {@code secureString}/{@code secureObject}, {@code sensitive = true}
     * @param defaultValue the default, or null
     */
    public record Parameter(String name, int offset, String type, boolean secure, IacValue defaultValue) {
    }

    /** A Bicep {@code var}, an ARM variable or a Terraform local. */
    public record Variable(String name, int offset, IacValue value) {
    }

    /**
     * A resource (Terraform: also a {@code data} source).
     *
     * @param symbol     Bicep symbolic name, Terraform name label, ARM symbolic name (languageVersion 2.0) or ""
     * @param type       full type without API version ({@code Microsoft.Web/sites/config}, {@code azurerm_storage_account})
     * @param apiVersion the API version, or ""
     * @param offset     start of the declaration: the {@code resource} keyword, or an ARM resource's {@code "type"}
     * @param declEnd    end of the declaration's head ({@code resource x 'type@v'}, {@code "type": "…"})
     * @param body       the resource body (for a loop or a condition, the object inside it)
     * @param existing   a Bicep {@code existing} reference or an ARM {@code "existing": true}: not deployed here
     * @param parent     the enclosing or {@code parent:} resource, or null
     * @param data       a Terraform data source
     */
    public record Resource(String symbol, String type, String apiVersion, int offset, int declEnd, IacValue body,
            boolean existing, Resource parent, boolean data) {

        public boolean isType(String... types) {
            for (String t : types) {
                if (type.equalsIgnoreCase(t)) {
                    return true;
                }
            }
            return false;
        }

        /** The resource's {@code name} value, or null (Terraform resources: their {@code name} attribute). */
        public IacValue name() {
            return body == null ? null : body.get("name");
        }
    }

    /** A Bicep module or Terraform module: {@code source} is the path or registry reference. */
    public record Module(String symbol, String source, int offset, IacValue body) {
    }

    /** An output; {@code secure} for {@code @secure()}, {@code secureString} or {@code sensitive = true}. */
    public record Output(String name, int offset, boolean secure, IacValue value) {
    }

    /** A value of a parameters file: {@code param x = …}, {@code x = …}, {@code "x": {"value": …}}. */
    public record Assignment(String name, int offset, IacValue value) {
    }

    public static final IacTemplate EMPTY = new IacTemplate(Format.NONE);
    /** The type of a Terraform {@code azapi_resource}: this prefix and its ARM resource type. */
    public static final String AZAPI = "azapi:";

    private static final Pattern BICEP_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ARM_SINGLE = Pattern.compile(
            "(?is)\\[\\s*(parameters|variables)\\s*\\(\\s*'([^']*)'\\s*\\)\\s*]");
    private static final Pattern NEGATION = Pattern.compile(
            "!\\s*([A-Za-z_][A-Za-z0-9_.-]*)|(?is)\\[\\s*not\\s*\\(\\s*((?:parameters|variables)\\s*\\(\\s*'[^']*'\\s*\\))\\s*\\)\\s*]");
    private static final Pattern TF_SINGLE = Pattern.compile("\"?(?:\\$\\{)?\\s*((?:var|local)\\.[A-Za-z0-9_-]+)\\s*}?\"?");

    private final Format format;
    final List<Parameter> parameters = new ArrayList<>();
    final List<Variable> variables = new ArrayList<>();
    final List<Resource> resources = new ArrayList<>();
    final List<Module> modules = new ArrayList<>();
    final List<Output> outputs = new ArrayList<>();
    final List<Assignment> assignments = new ArrayList<>();
    final List<IacTemplate> nested = new ArrayList<>();
    int providerMajorVersion;
    /**
     * Resources by symbol, built on first lookup (rebuilt if the parser adds resources after one), with the number of
     * resources it was built from; published whole, since a module's template is read by the threads that scan its
     * callers too.
     */
    private volatile SymbolIndex bySymbol;
    /** What the rules derived from this template; shared by the threads that read it (a module's callers'). */
    private final Map<String, Object> derivedValues = new java.util.concurrent.ConcurrentHashMap<>();

    private record SymbolIndex(Map<String, Resource> resources, int size) {
    }

    IacTemplate(Format format) {
        this.format = format;
    }

    /** A template of that format with no declarations (remediation examples are written for one). */
    public static IacTemplate empty(Format format) {
        return new IacTemplate(format);
    }

    public Format format() {
        return format;
    }

    public boolean isEmpty() {
        return format == Format.NONE;
    }

    public List<Parameter> parameters() {
        return java.util.Collections.unmodifiableList(parameters);
    }

    public List<Variable> variables() {
        return java.util.Collections.unmodifiableList(variables);
    }

    /** All resources, nested and child ones included, in source order. */
    public List<Resource> resources() {
        return java.util.Collections.unmodifiableList(resources);
    }

    public List<Module> modules() {
        return java.util.Collections.unmodifiableList(modules);
    }

    public List<Output> outputs() {
        return java.util.Collections.unmodifiableList(outputs);
    }

    public List<Assignment> assignments() {
        return java.util.Collections.unmodifiableList(assignments);
    }

    /** Inline templates of ARM nested deployments, each with its own parameters and variables. */
    public List<IacTemplate> nested() {
        return java.util.Collections.unmodifiableList(nested);
    }

    /** This template and every nested one, depth first. */
    public List<IacTemplate> allTemplates() {
        List<IacTemplate> out = new ArrayList<>();
        out.add(this);
        for (IacTemplate n : nested) {
            out.addAll(n.allTemplates());
        }
        return out;
    }

    /**
     * The major version of the azurerm provider from a {@code required_providers} constraint in this file
     * ({@code "~> 4.0"} is 4), or 0 when the file does not say.
     */
    public int providerMajorVersion() {
        return providerMajorVersion;
    }

    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    public Variable variable(String name) {
        for (Variable v : variables) {
            if (v.name().equalsIgnoreCase(name)) {
                return v;
            }
        }
        return null;
    }

    /**
     * A value computed from this template once and shared by the rules that need it (the hosts, their settings). A
     * module's template is also read by the threads that scan its callers: two may compute a value at once (outside
     * any lock, since a computation may read other templates), and the first one stored is the one every reader gets.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, java.util.function.Function<IacTemplate, T> compute) {
        Object v = derivedValues.get(key);
        if (v == null) {
            v = compute.apply(this);
            Object first = v == null ? null : derivedValues.putIfAbsent(key, v);
            v = first != null ? first : v;
        }
        return (T) v;
    }

    /** Forgets the symbol index after the parser replaced resources in place. */
    void invalidateIndex() {
        bySymbol = null;
    }

    /** The resource with this symbolic name (Bicep symbol; Terraform {@code type.name}), or null. */
    public Resource resource(String symbol) {
        SymbolIndex index = bySymbol;
        if (index == null || index.size() != resources.size()) {
            Map<String, Resource> built = new HashMap<>();
            for (Resource r : resources) {
                if (!r.symbol().isEmpty()) {
                    built.putIfAbsent(format == Format.TERRAFORM ? r.type() + "." + r.symbol() : r.symbol(), r);
                }
            }
            index = new SymbolIndex(built, resources.size());
            bySymbol = index;
        }
        return index.resources().get(symbol);
    }

    /**
     * The reference an expression consists of, in this template's notation ({@code name} in Bicep,
     * {@code param:name}/{@code var:name} in ARM, {@code var.name}/{@code local.name} in Terraform), or null
     * when the value is more than a reference.
     */
    public String singleReference(IacValue v) {
        if (v == null || !v.isExpression()) {
            return null;
        }
        String src = v.text().strip();
        switch (format.language()) {
            case "bicep" -> {
                return BICEP_IDENTIFIER.matcher(src).matches() ? src : null;
            }
            case "json" -> {
                Matcher m = ARM_SINGLE.matcher(src);
                return m.matches() ? (m.group(1).toLowerCase(Locale.ROOT).startsWith("p") ? "param:" : "var:")
                        + m.group(2) : null;
            }
            case "terraform" -> {
                Matcher m = TF_SINGLE.matcher(src);
                return m.matches() ? m.group(1) : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The parameter a reference names, or null. */
    public Parameter referencedParameter(String ref) {
        if (ref == null) {
            return null;
        }
        return switch (format.language()) {
            case "bicep" -> variable(ref) == null ? parameter(ref) : null;
            case "json" -> ref.startsWith("param:") ? parameter(ref.substring(6)) : null;
            case "terraform" -> ref.startsWith("var.") ? parameter(afterDot(ref)) : null;
            default -> null;
        };
    }

    /** The variable a reference names, or null. */
    public Variable referencedVariable(String ref) {
        if (ref == null) {
            return null;
        }
        return switch (format.language()) {
            case "bicep" -> variable(ref);
            case "json" -> ref.startsWith("var:") ? variable(ref.substring(4)) : null;
            case "terraform" -> ref.startsWith("local.") ? variable(afterDot(ref)) : null;
            default -> null;
        };
    }

    private static String afterDot(String ref) {
        String rest = ref.substring(ref.indexOf('.') + 1);
        int end = 0;
        while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || "_-".indexOf(rest.charAt(end)) >= 0)) {
            end++;
        }
        return rest.substring(0, end);
    }

    /** The value a reference stands for: a parameter's default or a variable's value, or null. */
    public IacValue definition(String ref) {
        Variable var = referencedVariable(ref);
        if (var != null) {
            return var.value();
        }
        Parameter p = referencedParameter(ref);
        return p == null ? null : p.defaultValue();
    }

    /**
     * Follows a value that is only a reference to a parameter default or a variable (up to 8 hops); returns the
     * last value reached, or {@code v} itself.
     */
    public IacValue resolve(IacValue v) {
        IacValue cur = v;
        for (int hop = 0; hop < 8; hop++) {
            IacValue next = definition(singleReference(cur));
            if (next == null) {
                return cur;
            }
            cur = next;
        }
        return cur;
    }

    /** The boolean a value is or resolves to, or null when it is not a known boolean. */
    public Boolean resolveBool(IacValue v) {
        if (v != null && v.isExpression()) { // !flag, [not(parameters('flag'))]
            Matcher not = NEGATION.matcher(v.text().strip());
            if (not.matches()) {
                String inner = not.group(1) != null ? not.group(1) : "[" + not.group(2) + "]";
                Boolean b = resolveBool(IacValue.expression(inner, v.start(), v.end(), List.of(), List.of(), List.of()));
                return b == null ? null : !b;
            }
        }
        IacValue r = resolve(v);
        if (r == null) {
            return null;
        }
        if (r.kind() == IacValue.Kind.BOOL) {
            return r.bool();
        }
        if (r.isString() && (r.text().equalsIgnoreCase("true") || r.text().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(r.text().toLowerCase(Locale.ROOT));
        }
        return null;
    }

    /** The string a value is or resolves to, or null. */
    public String resolveString(IacValue v) {
        IacValue r = resolve(v);
        return r != null && r.isString() ? r.text() : null;
    }
}
