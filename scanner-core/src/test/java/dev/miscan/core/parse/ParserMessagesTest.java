package dev.miscan.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParserMessagesTest {
    @Test
    void aWordTheTextHoldsAsAWord_isQuotedInputAndGoes() {
        String line = "{\"password\": Hunter!Secret$Word}";
        assertThat(ParserMessages.unquotedBetweenQuotes("Unrecognized token 'Hunter': was expecting (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false')", line))
                .isEqualTo("Unrecognized token '…': was expecting (JSON String, Number, Array, Object or token 'null',"
                        + " 'true' or 'false')");
        assertThat(ParserMessages.unquoted("found undefined alias Hunter!Secret", "password: *Hunter!Secret"))
                .isEqualTo("found undefined alias …");
        // the message's punctuation after a quoted word stays
        assertThat(ParserMessages.unquoted("(found undefined alias Hunter!Secret);", "password: *Hunter!Secret"))
                .isEqualTo("(found undefined alias …);");
    }

    @Test
    void theGrammarsWordsThatAParserExpected_stay() {
        String near = "  \"disableLocalAuth\": false,\n  ~oops\n";
        String message = "Unexpected character ('~' (code 126)): expected a valid value (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false')";
        assertThat(ParserMessages.unquotedBetweenQuotes(message, near)).endsWith("or '…')");
        assertThat(ParserMessages.unquotedBetweenQuotes(message, near, java.util.Set.of("null", "true", "false")))
                .isEqualTo(message);
    }

    @Test
    void aQuotationThatStartsWithAnEscapedQuote_isStillAQuotation() {
        assertThat(ParserMessages.unquotedBetweenQuotes("Lexical error at line 2, column 0.  Encountered: <EOF> after :"
                + " \"\\\"Hunter!Secret$Word); } }\\n\"", "new X(\"acct\", \"Hunter!Secret$Word); } }\n"))
                .isEqualTo("Lexical error at line 2, column 0.  Encountered: <EOF> after : \"\\\"… } }\\n\"");
    }

    @Test
    void aQuotationThatHoldsAQuote_isStillAQuotation() {
        // a string token quoted by a parser that puts quotes around whatever it found: the pairs no longer match
        assertThat(ParserMessages.unquotedBetweenQuotes("unexpected ''Qwzxkplm'' after a statement",
                "param p string\n'Qwzxkplm'\n")).isEqualTo("unexpected ''…'' after a statement");
        assertThat(ParserMessages.unquotedBetweenQuotes("unexpected 'it's Qwzxkplm' here", "x = it's Qwzxkplm"))
                .isEqualTo("unexpected 'it's …' here");
    }

    @Test
    void theParsersOwnWords_stayWhenTheLineDoesNotHoldThem() {
        assertThat(ParserMessages.unquoted("mapping values are not allowed here", "a: b: c")).isEqualTo(
                "mapping values are not allowed here");
        // a free word of three characters is the parser's ("key"), even when the line holds it
        assertThat(ParserMessages.unquoted("did not find expected key", "- key: value")).isEqualTo(
                "did not find expected key");
        // a word inside a longer word of the text is not a quotation of it
        assertThat(ParserMessages.unquoted("unexpected end of line", "backend = pipeline")).isEqualTo(
                "unexpected end of line");
        // punctuation and two-letter words are the grammar's, and too short to be a piece of anything
        assertThat(ParserMessages.unquoted("unexpected '!' in ${…}", "x = \"${a!b}\"")).isEqualTo(
                "unexpected '!' in ${…}");
    }

    @Test
    void betweenQuotesOnly_leavesTheWordsOutsideQuotes() {
        // an ARM template's broken line beside a "name": Jackson's own word stays
        assertThat(ParserMessages.unquotedBetweenQuotes("Unexpected character ('~' (code 126)): was expecting"
                + " double-quote to start field name", "  \"name\": \"x\",\n  ~oops\n")).isEqualTo(
                "Unexpected character ('~' (code 126)): was expecting double-quote to start field name");
        assertThat(ParserMessages.unquotedBetweenQuotes("Parse error. Found  \"Hunter\" <IDENTIFIER>, expected one of"
                + "  \"%=\" \";\"", "new X(k) Hunter!Secret;")).isEqualTo(
                "Parse error. Found  \"…\" <IDENTIFIER>, expected one of  \"%=\" \";\"");
        String line = "param p string = Hunter!Secret$Word";
        assertThat(ParserMessages.unquotedBetweenQuotes("unexpected 'Secret' after a statement", line))
                .isEqualTo("unexpected '…' after a statement");
        assertThat(ParserMessages.unquotedBetweenQuotes("unterminated string", "param p string = 'Hunter"))
                .isEqualTo("unterminated string");
        assertThat(ParserMessages.unquoted("unterminated string", "param p string = 'Hunter"))
                .isEqualTo("unterminated …");
    }

    @Test
    void near_isTheLineAndItsNeighbours_orTheWholeText() {
        String text = "one\ntwo\nthree\nfour\n";
        assertThat(ParserMessages.near(text, 1)).isEqualTo("one\ntwo\nthree");
        assertThat(ParserMessages.near(text, 0)).isEqualTo("one\ntwo");
        assertThat(ParserMessages.near(text, -1)).isEqualTo(text);
        assertThat(ParserMessages.near(text, 99)).isEqualTo(text);
    }
}
