package dev.miscan.rules.database;

import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.JdbcUrl;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Passwords in JDBC URLs and ADO.NET/ODBC connection strings whose server is an Azure database. */
final class DatabasePasswords {

    enum Engine { SQL, POSTGRES, MYSQL }

    record Candidate(Engine engine, boolean jdbc, int offset, String password, String server, String database) {
    }

    private DatabasePasswords() {
    }

    /** The engine of an Azure database host in any cloud (the catalogue's sql, postgres and mysql hosts), or null. */
    static Engine engineOfHost(String host) {
        return AzureCatalogue.get().serviceOfHost(host, "sql", "postgres", "mysql").map(s -> switch (s.key()) {
            case "postgres" -> Engine.POSTGRES;
            case "mysql" -> Engine.MYSQL;
            default -> Engine.SQL;
        }).orElse(null);
    }

    static List<Candidate> find(Document doc) {
        List<Candidate> out = new ArrayList<>();
        String text = doc.text();
        for (int at : doc.occurrences("jdbc:")) {
            JdbcUrl.at(text, at).ifPresent(url -> {
                Engine engine = engineOfHost(url.host());
                boolean matches = engine == Engine.SQL && url.subprotocol().equals("sqlserver")
                        || engine == Engine.POSTGRES && url.subprotocol().equals("postgresql")
                        || engine == Engine.MYSQL && (url.subprotocol().equals("mysql") || url.subprotocol().equals("mariadb"));
                if (!matches) {
                    return;
                }
                url.password().filter(p -> usable(p.value())).ifPresent(p -> {
                    String db = url.property("database").or(() -> url.property("databasename"))
                            .map(ConnectionStrings.Value::value).orElse(null);
                    out.add(new Candidate(engine, true, p.offset(), p.value(), url.host(), db));
                });
            });
        }
        for (String kw : new String[] {"password", "pwd"}) {
            int checkedUntil = -1;
            for (int at : doc.occurrences(kw)) {
                if (at < checkedUntil) {
                    continue; // inside the value of the password just checked: "password=password=…" costs no more
                }
                ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
                if (seg.containsIgnoreCase("jdbc:")) {
                    continue;
                }
                var pw = new ConnectionStrings.Segment(text, at, seg.end()).get(kw.equals("pwd") ? "Pwd" : "Password");
                if (pw.isEmpty() || pw.get().offset() > at + kw.length() + 4) {
                    continue;
                }
                checkedUntil = pw.get().offset() + pw.get().value().length();
                if (!usable(pw.get().value())) {
                    continue;
                }
                String server = null;
                for (String k : new String[] {"Server", "Data Source", "Address", "Addr", "Network Address", "Host"}) {
                    var v = seg.get(k);
                    if (v.isPresent()) {
                        server = v.get().value();
                        break;
                    }
                }
                if (server == null) {
                    continue;
                }
                String host = server.replaceFirst("(?i)^tcp:", "").split("[,:]")[0].strip();
                Engine engine = engineOfHost(host);
                if (engine == null || KnownNonSecrets.isLocalHost(host)) {
                    continue;
                }
                String db = seg.get("Initial Catalog").or(() -> seg.get("Database"))
                        .map(ConnectionStrings.Value::value).orElse(null);
                out.add(new Candidate(engine, false, pw.get().offset(), pw.get().value(), host, db));
            }
        }
        return out;
    }

    static boolean usable(String password) {
        return !password.isEmpty() && !Placeholders.isPlaceholder(password);
    }
}
