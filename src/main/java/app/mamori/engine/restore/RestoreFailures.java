package app.mamori.engine.restore;

import app.mamori.model.Note;
import app.mamori.model.Noted;
import app.mamori.model.SourceKind;
import app.mamori.source.RestoreCommand;
import app.mamori.ssh.ExecResult;

import java.io.IOException;
import java.util.Optional;

/** Turns a failed restore command into the sentence an admin reads: what failed, where, and what to do. */
final class RestoreFailures {
    private RestoreFailures() {
    }

    static Note explain(RestorePlan plan, RestoreCommand c, ExecResult r) {
        String err = r.stderr();
        String server = plan.server().name();
        String where = " on server " + server;
        String said = r.lastStderrLine().replace("mamori: ", "");
        SourceKind kind = plan.source().kind();
        if (plan.target() instanceof RestoreTarget.NewDatabase n && plan.commands().indexOf(c) == plan.createsDatabaseAt()
                && (err.contains("already exists") || err.contains("database exists"))) {
            return Note.of("restoreDatabaseExists", "database " + n.name() + " already exists" + where
                    + "; choose another name for --to-database", n.name(), server);
        }
        if (r.exitStatus() == 73 && plan.target() instanceof RestoreTarget.ToVolume v) {
            return Note.of("restoreVolumeNotEmpty", "Docker volume " + v.name() + " is not empty" + where
                    + "; choose a new or empty volume for --to-volume", v.name(), server);
        }
        if (r.exitStatus() == 73 && plan.isTree()) {
            String path = ((RestoreTarget.ToPath) plan.target()).path();
            return Note.of("restoreFolderNotEmpty", path + " is not empty or cannot be created" + where + " (" + said
                    + "); choose a new or empty folder for --to-path", path, server, said);
        }
        if (r.exitStatus() == 73 && plan.target() instanceof RestoreTarget.ToPath t) {
            return Note.of("restoreFileExists", t.path() + " already exists" + where
                    + "; choose another --to-path, or move that file away first", t.path(), server);
        }
        if (r.exitStatus() == 65 && r.lastStderrLine().contains("SHA-256")) {
            return Note.of("restoreChecksum", said + where + "; restore from another point (mamori points)", said,
                    server);
        }
        if (r.exitStatus() == 75 || r.exitStatus() == 66) {
            return Note.of("restoreServerSaid", said + where, said, server);
        }
        if (r.exitStatus() == 65) {
            return Note.of("restoreIntegrity", "the restored SQLite file failed its integrity check" + where + " ("
                    + r.lastStderrLine() + "); it was not put in place", server, r.lastStderrLine());
        }
        if (r.exitStatus() == 127 || err.contains("not found")) {
            String pkg = kind == SourceKind.POSTGRES ? "postgresql-client" : kind == SourceKind.MYSQL ? "mariadb-client"
                    : "sqlite3";
            String tool = kind == SourceKind.POSTGRES ? "the PostgreSQL client (Debian: postgresql-client)"
                    : kind == SourceKind.MYSQL ? "the MariaDB client (Debian: mariadb-client)" : "sqlite3";
            return Note.of("restoreToolMissing", "a tool the restore needs is not installed" + where + "; install "
                    + tool + " (" + r.lastStderrLine() + ")", server, pkg, r.lastStderrLine());
        }
        if (err.contains("password authentication failed") || err.contains("Access denied")) {
            return Note.of("restorePasswordRefused", "the database refused the stored password of "
                    + plan.source().name() + where + "; set it again with: mamori source set-password "
                    + plan.source().name() + " --password-stdin", plan.source().name(), server);
        }
        return Note.of("restoreCommandFailed", c.purpose() + " failed" + where + " (exit " + r.exitStatus() + "): "
                + r.serverError(), server, r.exitStatus(), r.serverError());
    }

    /** A restore command failed; its message is the English of a reason the app can say in its own words. */
    static final class CommandFailed extends IOException implements Noted {
        private final transient Note reason;

        CommandFailed(Note reason) {
            super(reason.english());
            this.reason = reason;
        }

        @Override
        public Optional<Note> reason() {
            return Optional.of(reason);
        }
    }
}
