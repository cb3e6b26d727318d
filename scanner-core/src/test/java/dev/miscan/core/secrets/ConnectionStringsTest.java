package dev.miscan.core.secrets;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionStringsTest {
    private static final String CONN = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0a2V5;"
            + "EndpointSuffix=core.windows.net";

    @Test
    void segmentAround_isBoundedByQuotes() {
        String text = "String conn = \"" + CONN + "\";\n";
        int offset = text.indexOf("AccountKey");

        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, offset);

        assertThat(segment.content()).isEqualTo(CONN);
        assertThat(segment.start()).isEqualTo(text.indexOf('"') + 1);
    }

    @Test
    void segmentAround_isBoundedByLineEnds() {
        String text = "first line\nconn=" + CONN + "\nlast line";

        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, text.indexOf("AccountName"));

        assertThat(segment.content()).isEqualTo("conn=" + CONN);
    }

    @Test
    void get_returnsValueWithOffsetOfItsFirstCharacter() {
        String text = "conn: '" + CONN + "'";
        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, text.indexOf("AccountKey"));

        var key = segment.get("AccountKey");
        var name = segment.get("AccountName");

        assertThat(key).isPresent();
        assertThat(key.get().value()).isEqualTo("c2VjcmV0a2V5");
        assertThat(key.get().offset()).isEqualTo(text.indexOf("c2VjcmV0a2V5"));
        assertThat(text.charAt(key.get().offset())).isEqualTo('c');
        assertThat(name.get().value()).isEqualTo("acct");
        assertThat(name.get().offset()).isEqualTo(text.indexOf("acct;"));
    }

    @Test
    void get_ignoresKeyCase() {
        String text = "accountname=acct;ACCOUNTKEY=c2VjcmV0a2V5";
        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, 0);

        assertThat(segment.get("AccountKey").map(ConnectionStrings.Value::value)).contains("c2VjcmV0a2V5");
        assertThat(segment.get("accountKEY").map(ConnectionStrings.Value::offset))
                .contains(text.indexOf("c2Vj"));
        assertThat(segment.has("AccountName")).isTrue();
    }

    @Test
    void get_isIndependentOfOrder() {
        String a = "AccountName=acct;AccountKey=c2VjcmV0a2V5;EndpointSuffix=core.windows.net";
        String b = "EndpointSuffix=core.windows.net;AccountKey=c2VjcmV0a2V5;AccountName=acct";

        for (String text : new String[] {a, b}) {
            ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, 0);
            assertThat(segment.get("AccountName").map(ConnectionStrings.Value::value)).contains("acct");
            assertThat(segment.get("AccountKey").map(ConnectionStrings.Value::value)).contains("c2VjcmV0a2V5");
            assertThat(segment.get("AccountKey").get().offset()).isEqualTo(text.indexOf("c2Vj"));
        }
    }

    @Test
    void get_skipsKeyThatIsPrefixOfAnotherKey() {
        String text = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
                + "SharedAccessKey=c2VjcmV0a2V5";
        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, 0);

        var key = segment.get("SharedAccessKey");

        assertThat(key.map(ConnectionStrings.Value::value)).contains("c2VjcmV0a2V5");
        assertThat(key.get().offset()).isEqualTo(text.lastIndexOf("c2Vj"));
        assertThat(segment.get("SharedAccessKeyName").map(ConnectionStrings.Value::value))
                .contains("RootManageSharedAccessKey");
    }

    @Test
    void get_skipsKeyThatIsSuffixOfAnotherKey() {
        String text = "MyAccountKey=notthis;AccountKey=c2VjcmV0a2V5";
        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, 0);

        assertThat(segment.get("AccountKey").map(ConnectionStrings.Value::value)).contains("c2VjcmV0a2V5");
    }

    @Test
    void get_allowsSpacesAroundEqualsSign() {
        String text = "Server=tcp:db.database.windows.net;Password = hunter2pw ;User ID=app";
        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, 0);

        var password = segment.get("password");

        assertThat(password.map(ConnectionStrings.Value::value)).contains("hunter2pw");
        assertThat(password.get().offset()).isEqualTo(text.indexOf("hunter2pw"));
        assertThat(segment.get("User ID").map(ConnectionStrings.Value::value)).contains("app");
    }

    @Test
    void get_valueEndsAtSemicolonQuoteOrWhitespace() {
        String text = "x = \"AccountKey=abc def\"";
        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, text.indexOf("AccountKey"));

        assertThat(segment.get("AccountKey").map(ConnectionStrings.Value::value)).contains("abc");
    }

    @Test
    void get_missingKey_isEmpty() {
        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(CONN, 0);

        assertThat(segment.get("SharedAccessKey")).isEmpty();
        assertThat(segment.has("Password")).isFalse();
    }

    @Test
    void get_doesNotLookOutsideTheSegment() {
        String text = "\"AccountName=acct\" + \"AccountKey=c2VjcmV0a2V5\"";
        ConnectionStrings.Segment segment = ConnectionStrings.segmentAround(text, text.indexOf("AccountName"));

        assertThat(segment.get("AccountKey")).isEmpty();
    }

    @Test
    void window_includesNeighbouringLines() {
        String text = "a\nAccountName=acct\nAccountKey=c2VjcmV0a2V5\nb\nc";

        ConnectionStrings.Segment window = ConnectionStrings.window(text, text.indexOf("AccountKey"), 1);

        assertThat(window.containsIgnoreCase("accountname=")).isTrue();
        assertThat(window.get("AccountName").map(ConnectionStrings.Value::value)).contains("acct");
        assertThat(window.containsIgnoreCase("\nc")).isFalse();
    }

    @Test
    void indexOfIgnoreCase_respectsBounds() {
        assertThat(ConnectionStrings.indexOfIgnoreCase("xxACCOUNTKEYxx", "accountkey", 0, 14)).isEqualTo(2);
        assertThat(ConnectionStrings.indexOfIgnoreCase("xxACCOUNTKEYxx", "accountkey", 3, 14)).isEqualTo(-1);
        assertThat(ConnectionStrings.indexOfIgnoreCase("xxACCOUNTKEYxx", "accountkey", 0, 11)).isEqualTo(-1);
    }
}
