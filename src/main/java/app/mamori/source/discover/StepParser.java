package app.mamori.source.discover;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.util.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns what one step of the probe script printed ({@link ProbeScript}) into a {@link StepReport}. */
final class StepParser {
    private static final List<String> SYSTEM_DATABASES = List.of("information_schema", "performance_schema", "mysql",
            "sys");
    private static final int TIMED_OUT = 124;

    private final String server;
    private final DiscoverOptions options;
    private final List<String> tools = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    private StepParser(String server, DiscoverOptions options) {
        this.server = server;
        this.options = options;
    }

    static StepReport parse(String server, DiscoveryStep step, byte[] output, DiscoverOptions options) {
        StepParser p = new StepParser(server, options);
        String text = new String(output, StandardCharsets.UTF_8);
        Note summary = switch (step) {
            case CONNECT -> Note.of("summary.connected", "connected");
            case TOOLS -> p.tools(lines(text));
            case POSTGRES -> p.databases(SourceKind.POSTGRES, lines(text), options.postgres());
            case MYSQL -> p.databases(SourceKind.MYSQL, lines(text), options.mysql());
            case CONTAINERS -> p.containers(lines(text));
            case VOLUMES -> p.volumes(lines(text));
            case FOLDERS -> p.folders(lines(text));
            case SQLITE -> p.sqlite(text);
        };
        return new StepReport(step, summary, p.tools, p.findings, p.notes);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> !l.isEmpty()).toList();
    }

    private Note tools(List<String> lines) {
        tools.addAll(lines);
        return tools.isEmpty() ? Note.of("summary.noTools", "none found")
                : Note.of("summary.tools", String.join(", ", tools), String.join(", ", tools));
    }

    /** The last line is {@code exit=N} (or the step says {@code absent}); the rest is the tool's output. */
    private static Optional<Integer> exit(List<String> lines) {
        if (lines.isEmpty() || !lines.get(lines.size() - 1).matches("exit=\\d+")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(lines.get(lines.size() - 1).substring(5)));
    }

    private static List<String> output(List<String> lines) {
        return lines.subList(0, Math.max(0, lines.size() - 1));
    }

    private Note databases(SourceKind kind, List<String> lines, DiscoverOptions.DbLogin login) {
        boolean pg = kind == SourceKind.POSTGRES;
        String product = pg ? "PostgreSQL" : "MariaDB/MySQL";
        String option = pg ? "--pg" : "--mysql";
        if (lines.isEmpty() || lines.equals(List.of("absent"))) {
            String client = pg ? "psql" : "mariadb/mysql";
            return note("noClient", product, "no client on the server (" + client + " not found)", client);
        }
        List<String> out = output(lines);
        int exit = exit(lines).orElse(1);
        if (exit == TIMED_OUT) {
            return note("noAnswer", product, "no answer within " + ProbeScript.COMMAND_SECONDS + " s"
                    + login.host().map(h -> " from " + h).orElse(""), ProbeScript.COMMAND_SECONDS);
        }
        if (exit != 0) {
            String said = String.join(" ", out).toLowerCase(Locale.ROOT);
            if (said.contains("password") || said.contains("access denied") || said.contains("authentication")
                    || said.contains("role") && said.contains("does not exist")) {
                return note("needsLogin", product, "needs credentials (" + lastOf(out) + "); give " + option
                        + "-user and " + option + "-password-stdin" + (login.host().isEmpty() ? ", and " + option
                        + "-host 127.0.0.1 for a server that takes passwords over TCP only" : ""), lastOf(out));
            }
            return note("noServer", product, "no server answered (" + lastOf(out) + ")", lastOf(out));
        }
        List<String> names = new ArrayList<>();
        for (String db : out) {
            if (!pg && SYSTEM_DATABASES.contains(db) || pg && db.equals("postgres")) {
                continue;
            }
            names.add(db);
            findings.add(new Finding(product + " database " + db, "", new Source.Database(Probe.name(db), server, kind,
                    db, login.host(), login.port(), login.user(), Optional.empty(), login.password().isPresent())));
        }
        return counted(names, "databases", "database", "databases");
    }

    private Note containers(List<String> lines) {
        if (lines.isEmpty() || lines.equals(List.of("absent"))) {
            return note("noDocker", "Docker", "not installed on the server");
        }
        List<String> out = output(lines);
        int exit = exit(lines).orElse(1);
        if (exit != 0) {
            return exit == TIMED_OUT ? note("noAnswer", "Docker", "no answer within " + ProbeScript.COMMAND_SECONDS + " s",
                    ProbeScript.COMMAND_SECONDS)
                    : note("dockerDenied", "Docker", "not available to this user (" + lastOf(out) + ")", lastOf(out));
        }
        List<String> names = new ArrayList<>();
        for (String line : out) {
            String[] f = line.split("\t", 2);
            String image = f.length < 2 ? "" : f[1].toLowerCase(Locale.ROOT);
            SourceKind kind = image.contains("postgres") ? SourceKind.POSTGRES
                    : image.contains("mariadb") || image.contains("mysql") ? SourceKind.MYSQL : null;
            if (kind == null) {
                continue;
            }
            names.add(f[0]);
            String db = kind == SourceKind.POSTGRES ? "postgres" : "mysql";
            findings.add(new Finding((kind == SourceKind.POSTGRES ? "PostgreSQL" : "MariaDB/MySQL") + " in container "
                    + f[0], Note.of("containerImage", "image " + f[1] + "; set the database to back up (--database)",
                    f[1], db),
                    new Source.Database(Probe.name(f[0] + "-db"), server, kind, db, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.of(f[0]), false)));
        }
        if (out.isEmpty()) {
            return Note.of("summary.noContainers", "no containers running");
        }
        Note c = counted(names, "containers", "database container", "database containers", out.size());
        return new Note(c.key(), c.args(), c.english() + " (" + out.size() + " running)");
    }

    /** Failures are told once, by the containers step. */
    private Note volumes(List<String> lines) {
        if (lines.isEmpty() || lines.equals(List.of("absent")) || exit(lines).orElse(1) != 0) {
            return Note.of("summary.noDocker", "Docker not available");
        }
        List<String> names = output(lines);
        for (String v : names) {
            findings.add(new Finding("Docker volume " + v, "", new Source.DockerVolume(Probe.name(v + "-volume"),
                    server, v)));
        }
        return counted(names, "volumes", "volume", "volumes");
    }

    private Note folders(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[0].equals("unreadable")) {
                notes.add(Note.of("folderUnreadable", "folder " + f[2] + ": not readable by this SSH user", f[2]));
                continue;
            }
            names.add(f[2]);
            Note size = f[1].matches("\\d+") ? Finding.asIs(Bytes.human(Long.parseLong(f[1]) * 1024))
                    : Note.of("sizeNotCounted", "size not counted (over " + ProbeScript.DU_SECONDS + " s)",
                    ProbeScript.DU_SECONDS);
            findings.add(new Finding("folder " + f[2], size, new Source.Files(Probe.name(f[2]), server,
                    List.of(f[2]), List.of())));
        }
        return counted(names, "folders", "folder", "folders");
    }

    /** NUL-terminated records: paths, and {@code late} when the search hit its time limit. */
    private Note sqlite(String records) {
        List<String> paths = new ArrayList<>();
        boolean late = false;
        for (String r : records.split("\0")) {
            if (r.equals("late")) {
                late = true;
            } else if (r.startsWith("/")) {
                paths.add(r);
                String file = r.substring(r.lastIndexOf('/') + 1);
                findings.add(new Finding("SQLite file " + r, "", new Source.Sqlite(Probe.name(file), server, r)));
            }
        }
        String narrower = "give --sqlite-root with the folders that hold your apps' data (and --no-default-places"
                + " to look only there)";
        if (late) {
            notes.add(Note.of("sqliteLate", "SQLite files: the search stopped after " + ProbeScript.FIND_SECONDS + " s in "
                    + String.join(", ", options.sqliteRoots()) + "; listed are those found by then; " + narrower,
                    ProbeScript.FIND_SECONDS, String.join(", ", options.sqliteRoots())));
        } else if (paths.size() >= ProbeScript.SQLITE_MAX_FILES) {
            notes.add(Note.of("sqliteMany", "SQLite files: listed the first " + ProbeScript.SQLITE_MAX_FILES + "; "
                    + narrower, ProbeScript.SQLITE_MAX_FILES));
        }
        Note found = counted(paths, "files", "file", "files");
        return late ? Note.of("summary.filesLate", found.english() + " (search stopped after " + ProbeScript.FIND_SECONDS
                + " s)", paths.size(), shown(paths), ProbeScript.FIND_SECONDS) : found;
    }

    /**
     * A note of what {@code product} could not tell; its key's first argument is the product. The
     * step's line says the same note (keyed {@code note.KEY}, as the app's bundles have it under
     * {@code discover.}) without the product, which the line names already.
     */
    private Note note(String key, String product, String text, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = product;
        System.arraycopy(args, 0, all, 1, args.length);
        Note n = Note.of(key, product + ": " + text, all);
        notes.add(n);
        return new Note("note." + key, n.args(), text);
    }

    /**
     * "no databases", "1 database: shop", "5 databases: a, b, c and 2 more", keyed
     * {@code summary.none.KIND}, {@code summary.one.KIND} or {@code summary.many.KIND} (English
     * counts in the plural, Japanese does not) with the count, the first names and {@code more}.
     */
    private static Note counted(List<String> names, String kind, String one, String many, Object... more) {
        String english = names.isEmpty() ? "no " + many : names.size() + " " + (names.size() == 1 ? one : many) + ": "
                + String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
        String count = names.isEmpty() ? "none" : names.size() == 1 ? "one" : "many";
        Object[] args = new Object[more.length + 2];
        args[0] = names.size();
        args[1] = shown(names);
        System.arraycopy(more, 0, args, 2, more.length);
        return Note.of("summary." + count + "." + kind, english, args);
    }

    /** The first three names, and an ellipsis for the rest: the same in every language. */
    private static String shown(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", …" : "");
    }

    private static String lastOf(List<String> lines) {
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
    }
}
