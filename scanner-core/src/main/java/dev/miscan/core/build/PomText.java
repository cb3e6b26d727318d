package dev.miscan.core.build;

import dev.miscan.core.api.Fix;
import dev.miscan.core.parse.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the elements of a {@code pom.xml} are in its text, and the minimal edits that add a dependency there: the
 * file keeps its formatting, indentation and comments, as the Java fixes keep a source file's. (What the POM
 * declares is read with Maven's model reader, {@link MavenPoms}; this class only places text.)
 *
 * <p>A small lexer of the XML structure: start and end tags with their offsets; comments, CDATA, processing
 * instructions and the DOCTYPE are skipped, and a {@code >} inside a quoted attribute value does not end a tag.
 */
final class PomText {
    /** An element: its name, where its start tag begins and ends, and where its end tag begins and ends. */
    static final class Element {
        final String name;
        final Element parent;
        final int start;
        int startEnd;
        int endStart;
        int end;
        final List<Element> children = new ArrayList<>();

        Element(String name, Element parent, int start) {
            this.name = name;
            this.parent = parent;
            this.start = start;
        }

        boolean selfClosing() {
            return endStart == startEnd && end == startEnd;
        }

        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }
    }

    private final String text;
    private final LineIndex lines;
    private final Element root;
    private final String unit;

    private PomText(String text, Element root) {
        this.text = text;
        this.lines = new LineIndex(text);
        this.root = root;
        this.unit = indentUnit();
    }

    /** The structure of {@code text}, or empty when its tags do not nest (the model reader reports why). */
    static Optional<PomText> of(String text) {
        Element root = null;
        Element open = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (text.startsWith("<!--", lt)) {
                int e = text.indexOf("-->", lt + 4);
                if (e < 0) {
                    return Optional.empty();
                }
                i = e + 3;
            } else if (text.startsWith("<![CDATA[", lt)) {
                int e = text.indexOf("]]>", lt + 9);
                if (e < 0) {
                    return Optional.empty();
                }
                i = e + 3;
            } else if (text.startsWith("<?", lt)) {
                int e = text.indexOf("?>", lt + 2);
                if (e < 0) {
                    return Optional.empty();
                }
                i = e + 2;
            } else if (text.startsWith("<!", lt)) {
                int e = text.indexOf('>', lt + 2);
                if (e < 0) {
                    return Optional.empty();
                }
                i = e + 1;
            } else if (text.startsWith("</", lt)) {
                int e = text.indexOf('>', lt + 2);
                if (e < 0 || open == null || !text.substring(lt + 2, e).strip().equals(open.name)) {
                    return Optional.empty();
                }
                open.endStart = lt;
                open.end = e + 1;
                open = open.parent;
                i = e + 1;
            } else {
                int e = tagEnd(text, lt + 1);
                if (e < 0) {
                    return Optional.empty();
                }
                int nameEnd = lt + 1;
                while (nameEnd < e && !Character.isWhitespace(text.charAt(nameEnd)) && text.charAt(nameEnd) != '/'
                        && text.charAt(nameEnd) != '>') {
                    nameEnd++;
                }
                Element el = new Element(text.substring(lt + 1, nameEnd), open, lt);
                el.startEnd = e + 1;
                if (open == null) {
                    if (root != null) {
                        return Optional.empty();
                    }
                    root = el;
                } else {
                    open.children.add(el);
                }
                if (text.charAt(e - 1) == '/') {
                    el.endStart = e + 1;
                    el.end = e + 1;
                } else {
                    open = el;
                }
                i = e + 1;
            }
        }
        return root == null || open != null ? Optional.empty() : Optional.of(new PomText(text, root));
    }

    /** The offset of the {@code >} that ends the tag whose name starts at {@code from}, skipping quoted values. */
    private static int tagEnd(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    Element project() {
        return root;
    }

    /**
     * The edit that adds the dependency {@code group:artifact} without a version to the project's own
     * {@code <dependencies>}, or, with {@code bomVersion}, the import of the BOM {@code group:artifact:bomVersion} to
     * its {@code <dependencyManagement>}; a missing section is created where Maven's conventional order puts it
     * (management before the dependencies, both before {@code <build>}).
     */
    Fix.Edit addDependency(String group, String artifact, String bomVersion) {
        boolean managed = bomVersion != null;
        String dependency = "<dependency>\n" + unit + "<groupId>" + group + "</groupId>\n" + unit + "<artifactId>"
                + artifact + "</artifactId>\n" + (managed ? unit + "<version>" + bomVersion + "</version>\n" + unit
                + "<type>pom</type>\n" + unit + "<scope>import</scope>\n" : "") + "</dependency>";
        Element holder = root;
        if (managed) {
            Optional<Element> dm = root.child("dependencyManagement");
            if (dm.isEmpty()) {
                Element before = root.child("dependencies").or(() -> root.child("build")).orElse(null);
                String block = "<dependencyManagement>\n" + unit + "<dependencies>\n" + indented(dependency, unit + unit)
                        + "\n" + unit + "</dependencies>\n</dependencyManagement>";
                return insertChild(root, before, block);
            }
            holder = dm.get();
        }
        Optional<Element> list = holder.child("dependencies");
        if (list.isEmpty()) {
            Element before = managed ? null : root.child("build").orElse(null);
            String block = "<dependencies>\n" + indented(dependency, unit) + "\n</dependencies>";
            return insertChild(holder, before, block);
        }
        return insertChild(list.get(), null, dependency);
    }

    /**
     * An edit that inserts {@code block} (lines indented relative to the block's first line) as a child of
     * {@code parent}: on its own lines before {@code before} when given, else after the last child, else inside the
     * empty (or self-closing) element.
     */
    private Fix.Edit insertChild(Element parent, Element before, String block) {
        if (before != null && indent(before) != null) {
            int line = lines.lineOf(before.start);
            int at = lines.lineStart(line);
            // sections the file separates with a blank line stay separated
            boolean spaced = line > 0 && lines.line(line - 1).isBlank();
            return edit(at, at, indented(block, indent(before)) + (spaced ? "\n\n" : "\n"));
        }
        if (!parent.children.isEmpty()) {
            Element last = parent.children.get(parent.children.size() - 1);
            String in = indent(last) != null ? indent(last) : childIndent(parent);
            return edit(last.end, last.end, "\n" + indented(block, in));
        }
        String outer = indent(parent) != null ? indent(parent) : "";
        String inner = "\n" + indented(block, outer + unit) + "\n" + outer;
        if (parent.selfClosing()) {
            // <dependencies/> becomes <dependencies>…</dependencies>
            return edit(parent.start, parent.end, "<" + parent.name + ">" + inner + "</" + parent.name + ">");
        }
        return edit(parent.startEnd, parent.endStart, inner);
    }

    private String childIndent(Element parent) {
        String outer = indent(parent);
        return (outer == null ? "" : outer) + unit;
    }

    /** The whitespace before an element on its line, or null when something else is before it there. */
    String indent(Element e) {
        int lineStart = lines.lineStart(lines.lineOf(e.start));
        String before = text.substring(lineStart, e.start);
        return before.isBlank() ? before : null;
    }

    /** One level of the file's indentation: how far the project's first child is indented beyond the project. */
    private String indentUnit() {
        if (!root.children.isEmpty()) {
            String outer = indent(root);
            String inner = indent(root.children.get(0));
            if (outer != null && inner != null && inner.length() > outer.length() && inner.startsWith(outer)) {
                return inner.substring(outer.length());
            }
        }
        return "  ";
    }

    String unit() {
        return unit;
    }

    private static String indented(String block, String indent) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(indent).append(line);
        }
        return out.toString();
    }

    private Fix.Edit edit(int begin, int end, String replacement) {
        int bl = lines.lineOf(begin);
        int el = lines.lineOf(end);
        return new Fix.Edit(bl + 1, begin - lines.lineStart(bl) + 1, el + 1, end - lines.lineStart(el) + 1,
                replacement);
    }
}
