package app.mamori.cli;

import app.mamori.engine.discover.DiscoveryListener;
import app.mamori.engine.discover.ServerDiscovery;
import app.mamori.model.Source;
import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Discovery;
import app.mamori.model.Note;
import app.mamori.source.discover.DiscoveryStep;
import app.mamori.source.discover.Finding;
import app.mamori.ssh.ShellQuote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code mamori server discover NAME}: what the server has that can be backed up, with the command for each. */
@Command(name = "discover", sortOptions = false, description = {
        "List what a server has that can be backed up: PostgreSQL and MariaDB/MySQL",
        "databases, database containers, Docker volumes, SQLite files and folders, each",
        "with the `mamori source add` line that backs it up. Each step is reported on",
        "stderr as it starts and ends; stdout holds only the result. With both",
        "--pg-password-stdin and --mysql-password-stdin, stdin holds the PostgreSQL",
        "password first, then MariaDB's."})
final class DiscoverCommand extends Base {
    @Parameters(paramLabel = "SERVER")
    String server;
    @Option(names = "--json", description = "print the findings as JSON (see docs/cli.md)")
    boolean json;
    @Option(names = "--pg-host", paramLabel = "HOST", description = "ask PostgreSQL over TCP on this host"
            + " (default: the local socket)")
    String pgHost;
    @Option(names = "--pg-port", paramLabel = "PORT")
    Integer pgPort;
    @Option(names = "--pg-user", paramLabel = "USER")
    String pgUser;
    @Option(names = "--pg-password-stdin", description = "read the PostgreSQL password from stdin")
    boolean pgPasswordStdin;
    @Option(names = "--mysql-host", paramLabel = "HOST", description = "ask MariaDB/MySQL over TCP on this host"
            + " (default: the local socket)")
    String myHost;
    @Option(names = "--mysql-port", paramLabel = "PORT")
    Integer myPort;
    @Option(names = "--mysql-user", paramLabel = "USER")
    String myUser;
    @Option(names = "--mysql-password-stdin", description = "read the MariaDB/MySQL password from stdin")
    boolean myPasswordStdin;
    @Option(names = "--sqlite-root", paramLabel = "DIR", description = "search this folder for SQLite files too"
            + " (repeatable; besides /var/lib, /srv, /opt, /var/www, /home)")
    List<String> sqliteRoots = new ArrayList<>();
    @Option(names = "--folder", paramLabel = "DIR", description = "offer this folder too, with its size (repeatable;"
            + " besides /etc, /var/www, /home, /srv, /opt)")
    List<String> folders = new ArrayList<>();
    @Option(names = "--no-default-places", description = "look only in the --folder and --sqlite-root given, not in"
            + " the usual places")
    boolean noDefaultPlaces;

    @Override
    int run() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin(), StandardCharsets.UTF_8));
        Optional<String> pgPassword = pgPasswordStdin ? Optional.of(line(in, "--pg-password-stdin")) : Optional.empty();
        Optional<String> myPassword = myPasswordStdin ? Optional.of(line(in, "--mysql-password-stdin")) : Optional.empty();
        DiscoverOptions options = DiscoverOptions.defaults()
                .withPostgres(new DiscoverOptions.DbLogin(Optional.ofNullable(pgHost), Optional.ofNullable(pgPort),
                        Optional.ofNullable(pgUser), pgPassword))
                .withMysql(new DiscoverOptions.DbLogin(Optional.ofNullable(myHost), Optional.ofNullable(myPort),
                        Optional.ofNullable(myUser), myPassword));
        if (noDefaultPlaces) {
            options = options.withoutDefaultPlaces();
        }
        options = options.plusSqliteRoots(sqliteRoots).plusFolders(folders);
        err().println("mamori: looking at server " + server);
        err().flush();
        long t0 = System.nanoTime();
        Discovery d = new ServerDiscovery(ctx().catalog(), ctx().ssh()).discover(server, options, new Progress(err()));
        err().printf(Locale.ROOT, "mamori: %d found, %d notes, in %.1f s%n", d.findings().size(), d.notes().size(),
                (System.nanoTime() - t0) / 1e9);
        err().flush();
        if (json) {
            out().println(JsonOut.write(asJson(d)));
            return 0;
        }
        out().println("server " + server + ": tools " + (d.tools().isEmpty() ? "(none found)" : String.join(", ", d.tools())));
        for (Finding f : d.findings()) {
            out().println();
            out().println(f.what() + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"));
            out().println("  " + addCommand(f.suggested()));
        }
        for (String note : d.notes()) {
            out().println();
            out().println("note: " + note);
        }
        return 0;
    }

    /** One stderr line as each step starts and ends, so a slow step shows which one it is. */
    private record Progress(PrintWriter err) implements DiscoveryListener {
        @Override
        public void stepStarted(DiscoveryStep step) {
            err.println("  " + step.label() + " ...");
            err.flush();
        }

        @Override
        public void stepFinished(DiscoveryStep step, Note found, Duration elapsed) {
            err.printf(Locale.ROOT, "  %s (%.1f s): %s%n", step.label(), elapsed.toMillis() / 1000.0, found.english());
            err.flush();
        }
    }

    private static String line(BufferedReader in, String option) throws java.io.IOException {
        String l = in.readLine();
        if (l == null || l.isEmpty()) {
            throw new IllegalArgumentException(option + ": no password on stdin; pipe it in, e.g. from a file with < FILE");
        }
        return l;
    }

    /** The CLI line that adds the suggested source; a password is never part of it. */
    static String addCommand(Source s) {
        StringBuilder c = new StringBuilder("mamori source add " + s.name() + " --server " + s.server()
                + " --kind " + s.kind().id());
        if (s instanceof Source.Database d) {
            c.append(" --database ").append(ShellQuote.quote(d.database()));
            d.dbHost().ifPresent(h -> c.append(" --db-host ").append(ShellQuote.quote(h)));
            d.dbPort().ifPresent(p -> c.append(" --db-port ").append(p));
            d.dbUser().ifPresent(u -> c.append(" --db-user ").append(ShellQuote.quote(u)));
            d.container().ifPresent(x -> c.append(" --container ").append(ShellQuote.quote(x)));
            if (d.hasPassword()) {
                c.append(" --password-stdin");
            }
        } else if (s instanceof Source.Sqlite q) {
            c.append(" --path ").append(ShellQuote.quote(q.path()));
        } else if (s instanceof Source.Files f) {
            f.paths().forEach(p -> c.append(" --path ").append(ShellQuote.quote(p)));
        } else if (s instanceof Source.DockerVolume v) {
            c.append(" --volume ").append(ShellQuote.quote(v.volume()));
        }
        return c.toString();
    }

    private static Map<String, Object> asJson(Discovery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", d.server());
        m.put("tools", d.tools());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : d.findings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("what", f.what());
            x.put("detail", f.detail());
            x.put("kind", f.suggested().kind().id());
            x.put("source", f.suggested().name());
            x.put("command", addCommand(f.suggested()));
            findings.add(x);
        }
        m.put("findings", findings);
        m.put("notes", d.notes());
        return m;
    }
}
