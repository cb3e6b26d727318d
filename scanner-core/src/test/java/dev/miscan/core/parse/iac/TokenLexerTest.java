package dev.miscan.core.parse.iac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Bicep and HCL lexers: what they share (offsets, escapes, holes, limits) and where they differ. */
class TokenLexerTest {

    /** Each token as {@code TYPE start-end text}, with {@code [from,to)} for each hole of a string. */
    private static List<String> tokens(TokenLexer lexer) {
        List<String> out = new ArrayList<>();
        for (Token t : lexer.tokens()) {
            StringBuilder s = new StringBuilder(t.type() + " " + t.start() + "-" + t.end() + " " + t.text());
            for (int[] hole : t.holes()) {
                s.append(" [").append(hole[0]).append(',').append(hole[1]).append(')');
            }
            out.add(s.toString());
        }
        return out;
    }

    private static TokenLexer bicep(String text) {
        return new BicepLexer(text, 0, text.length()).lex();
    }

    private static TokenLexer hcl(String text) {
        return new HclLexer(text, 0, text.length()).lex();
    }

    private static List<String> problems(TokenLexer lexer) {
        return lexer.problems().stream().map(p -> p.offset() + " " + p.message()).toList();
    }

    @Test
    void bicepStringsDecodeEscapesAndKeepTheirHoles() {
        String text = "x = 'a\\u{41}\\n${b}' // c\n#disable-next-line\ny ?? 1.5";
        TokenLexer lexer = bicep(text);

        assertThat(tokens(lexer)).containsExactly("IDENT 0-1 x", "SYMBOL 2-3 =", "STRING 4-19 aA\n${b} [16,17)",
                "NEWLINE 24-25 \n", "NEWLINE 43-44 \n", "IDENT 44-45 y", "SYMBOL 46-48 ??", "NUMBER 49-52 1.5",
                "EOF 52-52 ");
        Token string = lexer.tokens().get(2);
        assertThat(text.substring(string.contentStart(), string.contentEnd())).isEqualTo("a\\u{41}\\n${b}");
        assertThat(problems(lexer)).isEmpty();
    }

    @Test
    void bicepHolesMayHoldStringsWithBracesButNotEndlessly() {
        assertThat(tokens(bicep("'${'}'}'"))).containsExactly("STRING 0-8 ${'}'} [3,6)", "EOF 8-8 ");

        // the 33rd string is cut at the end of the line, which leaves every one around it unterminated
        String deep = "'${".repeat(40) + "x" + "}'".repeat(40);
        TokenLexer lexer = bicep(deep);
        assertThat(problems(lexer)).hasSize(34).first().isEqualTo(3 * 33 + " strings nested too deeply");
        assertThat(tokens(lexer)).hasSize(2).last().isEqualTo("EOF " + deep.length() + "-" + deep.length() + " ");
    }

    @Test
    void hclStringsHaveFourAndEightDigitEscapesAndOnlyDollarHolesAreExpressions() {
        TokenLexer lexer = hcl("a = \"\\u0041\\U0001F600${b}%{if c}d%{endif}$${e}\"\n");

        assertThat(tokens(lexer)).containsExactly("IDENT 0-1 a", "SYMBOL 2-3 =",
                "STRING 4-47 A\uD83D\uDE00${b}%{if c}d%{endif}${e} [23,24)", "NEWLINE 47-48 \n", "EOF 48-48 ");
    }

    @Test
    void hclHeredocsAreOneStringWithTheirHoles() {
        TokenLexer lexer = hcl("a = <<-EOT\n  x ${b}\n  EOT\nc-d = 1 # e\n");

        assertThat(tokens(lexer)).containsExactly("IDENT 0-1 a", "SYMBOL 2-3 =", "STRING 4-25   x ${b}\n [17,18)",
                "NEWLINE 25-26 \n", "IDENT 26-29 c-d", "SYMBOL 30-31 =", "NUMBER 32-33 1", "NEWLINE 37-38 \n",
                "EOF 38-38 ");
    }

    @Test
    void unterminatedStringsAndCommentsAreProblemsNotFailures() {
        assertThat(problems(bicep("a = 'b\nc /* d"))).containsExactly("4 unterminated string",
                "9 unterminated comment");
        assertThat(problems(hcl("a = \"b\nc = <<EOT\nd"))).containsExactly("4 unterminated string",
                "11 unterminated heredoc");
    }

    @Test
    void aRangeIsLexedWithTheDocumentsOffsets() {
        TokenLexer lexer = new BicepLexer("'${a.b}'", 3, 6).lex();

        assertThat(tokens(lexer)).containsExactly("IDENT 3-4 a", "SYMBOL 4-5 .", "IDENT 5-6 b", "EOF 6-6 ");
    }
}
