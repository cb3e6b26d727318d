package dev.miscan.core.secrets;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void sqlServer_semicolonProperties() {
        String text = "spring.datasource.url=jdbc:sqlserver://MyServer.Database.Windows.NET:1433;database=db;"
                + "user=app@myserver;Password=Tr0ub4dor3x;encrypt=true\n";
        int offset = text.indexOf("jdbc:");

        var url = JdbcUrl.at(text, offset);

        assertThat(url).isPresent();
        assertThat(url.get().subprotocol()).isEqualTo("sqlserver");
        assertThat(url.get().host()).isEqualTo("myserver.database.windows.net");
        assertThat(url.get().property("DATABASE").map(ConnectionStrings.Value::value)).contains("db");
        assertThat(url.get().property("user").map(ConnectionStrings.Value::value)).contains("app@myserver");
        var password = url.get().password();
        assertThat(password).isPresent();
        assertThat(password.get().value()).isEqualTo("Tr0ub4dor3x");
        assertThat(password.get().offset()).isEqualTo(text.indexOf("Tr0ub4dor3x"));
        assertThat(url.get().property("encrypt").get().offset()).isEqualTo(text.indexOf("true"));
        assertThat(url.get().userInfoPassword()).isNull();
    }

    @Test
    void postgresql_queryProperties() {
        String text = "url: \"jdbc:postgresql://pg.postgres.database.azure.com:5432/mydb?user=a&password=b&sslmode=require\"";
        int offset = text.indexOf("jdbc:");

        var url = JdbcUrl.at(text, offset);

        assertThat(url).isPresent();
        assertThat(url.get().subprotocol()).isEqualTo("postgresql");
        assertThat(url.get().host()).isEqualTo("pg.postgres.database.azure.com");
        var user = url.get().property("user").orElseThrow();
        assertThat(user.value()).isEqualTo("a");
        assertThat(user.offset()).isEqualTo(text.indexOf("user=a") + 5);
        var password = url.get().password().orElseThrow();
        assertThat(password.value()).isEqualTo("b");
        assertThat(password.offset()).isEqualTo(text.indexOf("password=b") + 9);
        assertThat(url.get().property("sslmode").map(ConnectionStrings.Value::value)).contains("require");
    }

    @Test
    void mysql_userInfoPassword() {
        String text = "jdbc:mysql://admin:S3cr3tPw@MySql.mysql.database.azure.com:3306/db?useSSL=true";

        var url = JdbcUrl.at(text, 0);

        assertThat(url).isPresent();
        assertThat(url.get().subprotocol()).isEqualTo("mysql");
        assertThat(url.get().host()).isEqualTo("mysql.mysql.database.azure.com");
        var password = url.get().password().orElseThrow();
        assertThat(password.value()).isEqualTo("S3cr3tPw");
        assertThat(password.offset()).isEqualTo(text.indexOf("S3cr3tPw"));
        assertThat(url.get().property("usessl").map(ConnectionStrings.Value::value)).contains("true");
    }

    @Test
    void passwordProperty_winsOverUserInfo() {
        String text = "jdbc:mysql://admin:fromuserinfo@host/db?password=fromproperty";

        assertThat(JdbcUrl.at(text, 0).orElseThrow().password().map(ConnectionStrings.Value::value))
                .contains("fromproperty");
    }

    @Test
    void url_endsAtQuoteOrWhitespace() {
        String text = "\"jdbc:sqlserver://host;password=abc\" password=other";

        var url = JdbcUrl.at(text, 1).orElseThrow();

        assertThat(url.password().map(ConnectionStrings.Value::value)).contains("abc");
        assertThat(url.properties()).hasSize(1);
    }

    @Test
    void uppercaseScheme_isAccepted() {
        var url = JdbcUrl.at("JDBC:SQLSERVER://HOST;PASSWORD=abc", 0);

        assertThat(url).isPresent();
        assertThat(url.get().subprotocol()).isEqualTo("sqlserver");
        assertThat(url.get().host()).isEqualTo("host");
        assertThat(url.get().property("password").map(ConnectionStrings.Value::value)).contains("abc");
    }

    @Test
    void notAJdbcUrl_isEmpty() {
        assertThat(JdbcUrl.at("jdbc:h2:mem:test", 0)).isEmpty();
        assertThat(JdbcUrl.at("https://example.com/?password=x", 0)).isEmpty();
        assertThat(JdbcUrl.at("jdbc", 0)).isEmpty();
    }

    @Test
    void withoutPassword_passwordIsEmpty() {
        assertThat(JdbcUrl.at("jdbc:postgresql://host/db?sslmode=require", 0).orElseThrow().password()).isEmpty();
    }
}
