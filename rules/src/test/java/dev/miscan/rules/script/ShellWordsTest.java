package dev.miscan.rules.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.rules.script.ShellWords.Command;
import dev.miscan.rules.script.ShellWords.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    private static List<String> words(Command c) {
        return c.words().stream().map(Word::text).toList();
    }

    @Test
    void quotesAreRemovedAndEveryCharacterKeepsItsOffset() {
        String text = "az login -p 'a b' --tenant=\"t\\\"x\"";
        Command c = ShellWords.read(text, false, false).get(0);
        assertThat(words(c)).containsExactly("az", "login", "-p", "a b", "--tenant=t\"x");
        Word quoted = c.words().get(3);
        assertThat(quoted.offset()).isEqualTo(text.indexOf("a b"));
        assertThat(quoted.offsets()[2]).isEqualTo(text.indexOf("a b") + 2);
    }

    @Test
    void continuationsJoinLinesAndSeparatorsEndCommands() {
        String sh = "az storage blob list \\\n  --account-key \"$K\" && echo done; psql -h h | tee out\n";
        List<Command> cs = ShellWords.read(sh, false, false);
        assertThat(words(cs.get(0))).containsExactly("az", "storage", "blob", "list", "--account-key", "$K");
        assertThat(words(cs.get(1))).containsExactly("echo", "done");
        assertThat(words(cs.get(3))).containsExactly("tee", "out");
        assertThat(cs.get(3).pipedFrom()).isNotNull();
        List<Command> ps = ShellWords.read("New-AzStorageContext `\n  -StorageAccountKey $k", true, false);
        assertThat(words(ps.get(0))).containsExactly("New-AzStorageContext", "-StorageAccountKey", "$k");
    }

    @Test
    void substitutionsAreOneWordAndCommentsAreMarked() {
        List<Command> cs = ShellWords.read(
                "export P=$(az account get-access-token --query accessToken -o tsv)\n"
                        + "run: x --key ${{ secrets.KEY }} # note: az login -p y\n", false, false);
        assertThat(words(cs.get(0))).containsExactly("export",
                "P=$(az account get-access-token --query accessToken -o tsv)");
        assertThat(words(cs.get(1))).containsExactly("run:", "x", "--key", "${{ secrets.KEY }}");
        assertThat(cs.get(1).commented()).isFalse();
        assertThat(cs.get(2).commented()).isTrue();
        assertThat(words(cs.get(2))).containsExactly("note:", "az", "login", "-p", "y");
    }

    @Test
    void aQuoteInACommentIsProse() {
        List<Command> cs = ShellWords.read("# the agent's password\nsqlcmd -P \"$P\"\n", false, false);
        assertThat(cs).anySatisfy(c -> assertThat(words(c)).containsExactly("sqlcmd", "-P", "$P"));
    }

    @Test
    void aQuotedCommandIsReadAgain() {
        List<Command> cs = ShellWords.read("sh 'sqlcmd -S s -P \"p w\"'", false, false);
        assertThat(cs).anySatisfy(c -> assertThat(words(c)).containsExactly("sqlcmd", "-S", "s", "-P", "p w"));
    }

    @Test
    void unclosedQuotesAndSubstitutionsEndAtTheLine() {
        List<Command> cs = ShellWords.read("echo 'open\nnext $(unclosed\nlast", false, false);
        assertThat(cs).extracting(ShellWordsTest::words).contains(List.of("last"));
    }
}
