package dev.miscan.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.catalogue.RoleAssignments;
import dev.miscan.core.engine.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identity plan: for each Azure resource the findings use (storage account, namespace, store,
 * database server…), which code and settings use it, the roles to assign (name and GUID), the scope,
 * the commands that enable a managed identity and grant the roles, and the Bicep and Terraform role
 * assignments. Markdown for people (renders on GitHub), JSON for tools. Never contains a secret: it is
 * built from findings, which hold none.
 *
 * <p>Each resource has one decision: the roles its uses need (each finding's remediation says what its use needs;
 * a use whose code was not seen needs read and write), reduced to the roles no other includes. The summary, the
 * role table, the commands and the Bicep and Terraform blocks are all written from that decision
 * ({@link RoleAssignments}), one assignment per role and scope; the commands that turn a host's identity on are
 * written once for the plan. Names the scan did not see are placeholders of one vocabulary (docs/plan.md).
 */
public final class PlanWriter {

    /**
     * One resource and everything needed to move it to Managed Identity. {@code roles} is the decision: the roles to
     * assign, narrowest first; {@code rolesFromCode} is true when the code of every use was seen, and {@code access}
     * says, per code location, what it does. {@code assignments} grant exactly {@code roles} on {@code scope};
     * {@code commands} are the assignments' commands then the other steps (rotate, disable local auth).
     */
    public record Target(String service, String resource, List<String> uses, List<Role> roles, String scope,
            List<String> commands, String replacementLanguage, String replacement, String dependency,
            List<String> access, boolean rolesFromCode, String summary, List<Assignment> assignments,
            List<Role> narrower) {
    }

    /**
     * The assignment of one role on the target's scope, in each form: the {@code az} command, and Bicep and
     * Terraform when the resource type is known.
     */
    public record Assignment(String role, String id, String command, String bicep, String terraform) {
    }

    /** The plan: the commands that turn the hosts' identities on, once, and the targets. */
    public record Plan(List<String> identity, List<Target> targets) {
    }

    /** Between a code location and what the code does there, in {@link Target#access()} (paths may hold spaces). */
    private static final String ACCESS_SEPARATOR = " — ";

    public List<Target> targets(ScanResult result) {
        return plan(result).targets();
    }

    public Plan plan(ScanResult result) {
        Map<String, List<Finding>> groups = new TreeMap<>();
        Set<String> identity = new LinkedHashSet<>();
        for (Finding f : result.findings()) {
            Remediation r = f.remediation();
            String key = r.service() + "\u0000" + (r.target().isBlank() ? "" : r.target());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            for (String c : r.commands()) {
                if (RoleAssignments.isIdentity(c)) {
                    identity.add(withoutComment(c));
                }
            }
        }
        List<Target> out = new ArrayList<>();
        for (List<Finding> fs : groups.values()) {
            out.add(target(fs));
        }
        return new Plan(List.copyOf(identity), out);
    }

    private static Target target(List<Finding> fs) {
        Remediation first = fs.get(0).remediation();
        Set<String> uses = new LinkedHashSet<>();
        List<Role> needed = new ArrayList<>();
        Set<String> other = new LinkedHashSet<>();
        Set<String> access = new LinkedHashSet<>();
        boolean fromCode = true;
        String scope = "";
        for (Finding f : fs) {
            Remediation r = f.remediation();
            uses.add(f.location().path() + ":" + f.location().startLine() + " (" + f.rule().id() + ", "
                    + f.severity().sarifLevel() + ")");
            if (!r.roles().isEmpty()) {
                if (r.access().isEmpty()) {
                    fromCode = false;
                } else {
                    access.add(f.location().path() + ":" + f.location().startLine() + ACCESS_SEPARATOR + r.access());
                }
            }
            needed.addAll(r.roles());
            for (String c : r.commands()) {
                if (!RoleAssignments.isAssignment(c) && !RoleAssignments.isIdentity(c)) {
                    other.add(c);
                }
            }
            if (better(r.scope(), scope)) {
                scope = r.scope();
            }
        }
        AzureCatalogue catalogue = AzureCatalogue.get();
        List<Role> roles = catalogue.reduce(needed);
        if (!roles.isEmpty()) {
            scope = scope(scope, roles.get(0), first.target());
        }
        String[] resource = RoleAssignments.resourceOf(scope);
        List<Assignment> assignments = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Role role : roles) {
            String command = RoleAssignments.command(role, scope);
            commands.add(command);
            assignments.add(new Assignment(role.name(), role.id(), command,
                    resource == null ? "" : RoleAssignments.bicep(role, resource),
                    resource == null ? "" : RoleAssignments.terraform(role, resource)));
        }
        commands.addAll(other);
        // the roles that would do when the code only reads, named when the decision is "read and write" because the
        // code was not seen (not when a use needs more, as a Functions host's storage does)
        List<Role> narrower = fromCode || roles.isEmpty() ? List.of() : catalogue.serviceOfRole(roles.get(0))
                .filter(s -> s.assign(Set.of()).equals(roles))
                .map(s -> s.assign(java.util.EnumSet.of(AzureCatalogue.Access.READ)))
                .filter(r -> !r.equals(roles)).orElse(List.of());
        return new Target(first.service(), first.target(), List.copyOf(uses), roles, scope, List.copyOf(commands),
                first.language(), first.replacement(), first.dependency(), List.copyOf(access),
                fromCode && !roles.isEmpty(), first.summary(), List.copyOf(assignments), narrower);
    }

    /** A scope that names its resource beats one with more placeholders; "" loses to any. */
    private static boolean better(String candidate, String current) {
        if (candidate == null || candidate.isBlank()) {
            return false;
        }
        if (current.isBlank()) {
            return true;
        }
        boolean arm = candidate.contains("/providers/");
        if (arm != current.contains("/providers/")) {
            return arm;
        }
        return placeholders(candidate) < placeholders(current);
    }

    private static int placeholders(String s) {
        return s.split("<", -1).length - 1;
    }

    /**
     * The scope of the decision: the findings' scope when it names a resource type the catalogue knows, its unknown
     * name written with the service's placeholder; else the resource of the role's service, named by the target.
     */
    private static String scope(String scope, Role role, String target) {
        String[] resource = RoleAssignments.resourceOf(scope);
        Optional<AzureCatalogue.Service> service = resource != null
                ? AzureCatalogue.get().serviceOfArmType(resource[0]) : AzureCatalogue.get().serviceOfRole(role);
        if (service.isEmpty()) {
            return scope;
        }
        if (resource != null) {
            return resource[1].startsWith("<")
                    ? scope.replace("/" + resource[1], "/" + service.get().placeholder()) : scope;
        }
        String name = target == null || target.isBlank() || !target.matches("[A-Za-z0-9._-]+") ? null
                : target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
        return RoleAssignments.scope(service.get(), name);
    }

    private static String withoutComment(String command) {
        int hash = command.indexOf("  #");
        return hash < 0 ? command : command.substring(0, hash);
    }

    public void writeJson(ScanResult result, Writer out) throws IOException {
        Plan plan = plan(result);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "mi-scan");
        root.put("identity", plan.identity());
        root.put("targets", plan.targets());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new NonClosing(out), root);
        out.write('\n');
        out.flush();
    }

    public void writeMarkdown(ScanResult result, Writer out) throws IOException {
        Plan plan = plan(result);
        List<Target> targets = plan.targets();
        StringBuilder md = new StringBuilder();
        md.append("# Managed Identity plan\n\n");
        md.append("Generated by `mi-scan plan` from ").append(result.findings().size())
                .append(" findings. Each resource below is used with a key, secret or password today; give the app's")
                .append(" managed identity the roles listed, switch the code to the replacement, then rotate and")
                .append(" disable the key. Names in angle brackets are placeholders (see the plan's documentation).\n\n");
        if (targets.isEmpty()) {
            md.append("Nothing to do: no key-based access was found.\n");
            out.write(md.toString());
            out.flush();
            return;
        }
        md.append("| Service | Resource | Uses | Roles to assign |\n|---|---|---|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.service()).append(" | ").append(t.resource().isBlank() ? "—" : "`" + t.resource() + "`")
                    .append(" | ").append(t.uses().size()).append(" | ")
                    .append(t.roles().isEmpty() ? "see details" : roleNames(t.roles())).append(" |\n");
        }
        if (!plan.identity().isEmpty()) {
            md.append("\n## Managed identity\n\nTurn on the managed identity of the host that runs the code (the")
                    .append(" command of your host), then use its principal id as `<principal-id>` in every")
                    .append(" assignment below.\n\n```bash\n");
            plan.identity().forEach(c -> md.append(c).append('\n'));
            md.append("```\n");
        }
        for (Target t : targets) {
            md.append("\n## ").append(t.service()).append(t.resource().isBlank() ? "" : ": `" + t.resource() + "`")
                    .append("\n\n**Used by**\n\n");
            t.uses().forEach(u -> md.append("- `").append(u).append("`\n"));
            md.append("\n**Identity**: the managed identity of the host that runs this code (system-assigned, or a")
                    .append(" user-assigned identity shared by the hosts that need the same access).\n\n");
            if (t.roles().isEmpty() && !t.summary().isBlank()) {
                // no role replaces this key (a database user, Key Vault for Notification Hubs): say what does
                md.append("**What to do**: ").append(t.summary().strip()).append("\n\n");
            }
            if (!t.access().isEmpty()) {
                md.append("**What the code does**\n\n");
                t.access().forEach(a -> md.append("- `").append(a.substring(0, a.indexOf(ACCESS_SEPARATOR)))
                        .append("` ").append(a.substring(a.indexOf(ACCESS_SEPARATOR) + ACCESS_SEPARATOR.length()))
                        .append('\n'));
                md.append('\n');
            }
            if (!t.roles().isEmpty()) {
                md.append(t.rolesFromCode() ? "**Roles to assign** (chosen from what the code does)\n\n"
                        : "**Roles to assign** (what any use of the key may need: the code that uses it was not"
                                + " all seen)\n\n")
                        .append("| Role | Id |\n|---|---|\n");
                for (Role r : t.roles()) {
                    md.append("| ").append(r.name()).append(" | ").append(r.id().isEmpty() ? "—" : "`" + r.id() + "`")
                            .append(" |\n");
                }
                md.append('\n');
                if (!t.narrower().isEmpty()) {
                    md.append("When the code only reads, ").append(roleNames(t.narrower()))
                            .append(" is enough: assign it instead, in each form below.\n\n");
                }
            }
            if (!t.scope().isBlank()) {
                md.append("**Scope**: `").append(t.scope()).append("`\n\n");
            }
            if (!t.commands().isEmpty()) {
                md.append("<details><summary>Commands</summary>\n\n```bash\n");
                t.commands().forEach(c -> md.append(c).append('\n'));
                md.append("```\n\n</details>\n\n");
            }
            for (Assignment a : t.assignments()) {
                if (!a.bicep().isEmpty()) {
                    md.append("<details><summary>Role assignment as code (").append(a.role()).append(")</summary>\n\n")
                            .append("```bicep\n").append(a.bicep()).append("```\n\n```hcl\n")
                            .append(a.terraform()).append("```\n\n</details>\n\n");
                }
            }
            if (!t.replacement().isBlank()) {
                md.append("<details><summary>Replacement (").append(t.replacementLanguage()).append(")</summary>\n\n```")
                        .append(t.replacementLanguage().equals("jdbc") || t.replacementLanguage().equals("text")
                                ? "" : t.replacementLanguage())
                        .append('\n').append(t.replacement().strip()).append("\n```\n\n</details>\n");
            }
        }
        out.write(md.toString());
        out.flush();
    }

    private static String roleNames(List<Role> roles) {
        return String.join(" + ", roles.stream().map(Role::name).toList());
    }

    /** Keeps Jackson from closing the caller's writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
