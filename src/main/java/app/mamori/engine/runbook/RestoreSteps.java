package app.mamori.engine.runbook;

import app.mamori.model.SourceKind;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.ssh.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The restore commands the runbook prints for one source: the {@code mamori restore} line for
 * each kind of target, and the same done by hand with the source's own tools from the file in
 * the vault. Pure.
 */
final class RestoreSteps {
    private RestoreSteps() {
    }

    /** The scratch target a runbook line restores into: beside the original, never over it. */
    static String scratchDatabase(Source.Database d) {
        String base = d.database().replaceAll("[^A-Za-z0-9_]", "_");
        if (!Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
            base = "_" + base;
        }
        return (base.length() > 50 ? base.substring(0, 50) : base) + "_restored";
    }

    /** Another bucket to restore a bucket into: created by the admin first, never the source's own. */
    static String scratchBucket(Source.Bucket b) {
        String base = b.bucket().length() > 54 ? b.bucket().substring(0, 54) : b.bucket();
        return base + "-restored";
    }

    static List<Runbook.Line> mamori(Source s, RunbookText t) {
        List<Runbook.Line> out = new ArrayList<>();
        if (s instanceof Source.Database d) {
            out.add(line(t.t("restore.newDatabase", scratchDatabase(d)), s, "--to-database", scratchDatabase(d), "--yes"));
        } else if (s instanceof Source.Sqlite q) {
            out.add(line(t.t("restore.newFile", q.path() + ".restored"), s, "--to-path", q.path() + ".restored",
                    "--yes"));
        } else if (s instanceof Source.Files) {
            String dir = "/var/tmp/" + s.name() + "-restored";
            out.add(line(t.t("restore.newFolder", dir), s, "--to-path", dir, "--yes"));
        } else if (s instanceof Source.DockerVolume v) {
            out.add(line(t.t("restore.newVolume", v.volume() + "_restored"), s, "--to-volume",
                    v.volume() + "_restored", "--yes"));
        } else if (s instanceof Source.Bucket b) {
            out.add(line(t.t("restore.newBucket", scratchBucket(b)), s, "--to-bucket", scratchBucket(b), "--yes"));
        }
        out.add(line(t.t("restore.inPlace"), s, "--in-place"));
        return out;
    }

    private static Runbook.Line line(String comment, Source s, String... target) {
        List<String> words = new ArrayList<>(List.of("mamori", "restore", "--source", s.name()));
        words.addAll(List.of(target));
        return new Runbook.Line(comment, ShellQuote.command(words));
    }

    /**
     * By hand: copy the backup file to the server (unless the vault is there already), log in,
     * restore it next to the original with the source's own tools.
     *
     * @param artifact the backup file (a folder for files sources)
     */
    static List<Runbook.Line> manual(Source s, Server server, String artifact, boolean onServer, RunbookText t) {
        List<Runbook.Line> out = new ArrayList<>();
        String base = artifact.substring(artifact.lastIndexOf('/') + 1);
        String file = onServer ? artifact : "/var/tmp/" + base;
        String ssh = "ssh" + (server.port() == 22 ? "" : " -p " + server.port())
                + server.identity().map(i -> " -i " + ShellQuote.quote(i)).orElse("") + " "
                + ShellQuote.quote(server.user() + "@" + server.host());
        String scpOpts = "scp" + (server.port() == 22 ? "" : " -P " + server.port())
                + server.identity().map(i -> " -i " + ShellQuote.quote(i)).orElse("");
        String remote = ShellQuote.quote(server.user() + "@" + server.host());
        if (s instanceof Source.Bucket b) {
            String tree = artifact + "/tree/" + b.prefix();
            out.add(new Runbook.Line(t.t("manual.bucket", scratchBucket(b)), "aws s3 sync " + ShellQuote.quote(tree)
                    + " " + ShellQuote.quote("s3://" + scratchBucket(b) + "/" + b.prefix())
                    + (b.viaSsh() ? "" : b.endpoint().map(e -> " --endpoint-url " + ShellQuote.quote(e)).orElse(""))));
            return out;
        }
        if (s instanceof Source.Files) {
            String dir = "/var/tmp/" + s.name() + "-restored/";
            if (onServer) {
                out.add(new Runbook.Line(t.t("manual.login", server.name()), ssh));
                out.add(new Runbook.Line(t.t("manual.files"), "rsync -aH --numeric-ids " + ShellQuote.quote(artifact
                        + "/tree/") + " " + ShellQuote.quote(dir)));
            } else {
                out.add(new Runbook.Line(t.t("manual.files"), "rsync -aH --numeric-ids -e " + ShellQuote.quote(
                        ssh.substring(0, ssh.lastIndexOf(' '))) + " " + ShellQuote.quote(artifact + "/tree/") + " "
                        + remote + ":" + ShellQuote.quote(dir)));
            }
            out.add(new Runbook.Line(t.t("manual.filesThen"), "ls " + ShellQuote.quote(dir)));
            return out;
        }
        if (!onServer) {
            out.add(new Runbook.Line(t.t("manual.copy", server.name()), scpOpts + " " + ShellQuote.quote(artifact) + " "
                    + remote + ":/var/tmp/"));
        }
        out.add(new Runbook.Line(t.t("manual.login", server.name()), ssh));
        String f = ShellQuote.quote(file);
        if (s instanceof Source.Database d && d.kind() == SourceKind.POSTGRES) {
            String conn = conn(d, "--host=", "--port=", "--username=");
            String scratch = scratchDatabase(d);
            String exec = d.container().map(c -> "docker exec -i " + ShellQuote.quote(c) + " ").orElse("");
            out.add(new Runbook.Line(t.t("manual.createDb", scratch), exec + "createdb" + conn + " " + scratch));
            out.add(new Runbook.Line(t.t("manual.pgRestore", scratch), exec + "pg_restore --no-owner"
                    + " --single-transaction" + conn + " --dbname=" + scratch + (exec.isEmpty() ? " " + f : " < " + f)));
        } else if (s instanceof Source.Database d) {
            String conn = conn(d, "--host=", "--port=", "--user=");
            String scratch = scratchDatabase(d);
            String exec = d.container().map(c -> "docker exec -i " + ShellQuote.quote(c) + " ").orElse("");
            String password = d.hasPassword() ? " -p" : "";
            out.add(new Runbook.Line(t.t("manual.createDb", scratch), exec + "mariadb" + conn + password + " -e "
                    + ShellQuote.quote("CREATE DATABASE `" + scratch + "`")));
            out.add(new Runbook.Line(t.t("manual.mysqlLoad", scratch), "zstd -dc " + f + " | " + exec + "mariadb"
                    + conn + password + " " + scratch));
        } else if (s instanceof Source.Sqlite q) {
            String target = ShellQuote.quote(q.path() + ".restored");
            out.add(new Runbook.Line(t.t("manual.sqlite", q.path() + ".restored"), "zstd -dc " + f + " > " + target));
            out.add(new Runbook.Line(t.t("manual.sqliteCheck"), "sqlite3 " + target + " 'PRAGMA integrity_check'"));
        } else if (s instanceof Source.DockerVolume v) {
            String vol = ShellQuote.quote(v.volume() + "_restored");
            out.add(new Runbook.Line(t.t("manual.volume", v.volume() + "_restored"), "docker volume create " + vol));
            out.add(new Runbook.Line(t.t("manual.volumeFill"), "zstd -dc " + f + " | tar -x -p --numeric-owner -f - -C"
                    + " \"$(docker volume inspect --format '{{.Mountpoint}}' " + vol + ")\""));
        }
        if (s instanceof Source.Database d && d.hasPassword()) {
            out.add(new Runbook.Line(t.t("manual.password", "source/" + s.name() + "/password"), ""));
        }
        if (!onServer) {
            // a whole database's dump should not stay in the server's /var/tmp after the bad day
            out.add(new Runbook.Line(t.t("manual.removeCopy"), "rm " + f));
        }
        return out;
    }

    private static String conn(Source.Database d, String host, String port, String user) {
        StringBuilder b = new StringBuilder();
        d.dbHost().ifPresent(h -> b.append(' ').append(ShellQuote.quote(host + h)));
        d.dbPort().ifPresent(p -> b.append(' ').append(port).append(p));
        d.dbUser().ifPresent(u -> b.append(' ').append(ShellQuote.quote(user + u)));
        return b.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
