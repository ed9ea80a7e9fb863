package app.mamori.engine.restore;

import app.mamori.model.SourceKind;
import app.mamori.source.RestoreCommand;
import app.mamori.ssh.ExecResult;

/** Turns a failed restore command into the sentence an admin reads: what failed, where, and what to do. */
final class RestoreFailures {
    private RestoreFailures() {
    }

    static String explain(RestorePlan plan, RestoreCommand c, ExecResult r) {
        String err = r.stderr();
        String where = " on server " + plan.server().name();
        SourceKind kind = plan.source().kind();
        if (plan.target() instanceof RestoreTarget.NewDatabase n && plan.commands().indexOf(c) == plan.createsDatabaseAt()
                && (err.contains("already exists") || err.contains("database exists"))) {
            return "database " + n.name() + " already exists" + where + "; choose another name for --to-database";
        }
        if (r.exitStatus() == 73 && plan.target() instanceof RestoreTarget.ToVolume v) {
            return "Docker volume " + v.name() + " is not empty" + where + "; choose a new or empty volume for"
                    + " --to-volume";
        }
        if (r.exitStatus() == 73 && plan.isTree()) {
            return ((RestoreTarget.ToPath) plan.target()).path() + " is not empty or cannot be created" + where
                    + " (" + r.lastStderrLine().replace("mamori: ", "") + "); choose a new or empty folder for --to-path";
        }
        if (r.exitStatus() == 73 && plan.target() instanceof RestoreTarget.ToPath) {
            return ((RestoreTarget.ToPath) plan.target()).path() + " already exists" + where
                    + "; choose another --to-path, or move that file away first";
        }
        if (r.exitStatus() == 65 && r.lastStderrLine().contains("SHA-256")) {
            return r.lastStderrLine().replace("mamori: ", "") + where + "; restore from another point (mamori points)";
        }
        if (r.exitStatus() == 75 || r.exitStatus() == 66) {
            return r.lastStderrLine().replace("mamori: ", "") + where;
        }
        if (r.exitStatus() == 65) {
            return "the restored SQLite file failed its integrity check" + where + " (" + r.lastStderrLine()
                    + "); it was not put in place";
        }
        if (r.exitStatus() == 127 || err.contains("not found")) {
            String tool = kind == SourceKind.POSTGRES ? "the PostgreSQL client (Debian: postgresql-client)"
                    : kind == SourceKind.MYSQL ? "the MariaDB client (Debian: mariadb-client)" : "sqlite3";
            return "a tool the restore needs is not installed" + where + "; install " + tool + " (" + r.lastStderrLine() + ")";
        }
        if (err.contains("password authentication failed") || err.contains("Access denied")) {
            return "the database refused the stored password of " + plan.source().name() + where
                    + "; set it again with: mamori source set-password " + plan.source().name() + " --password-stdin";
        }
        return c.purpose() + " failed" + where + " (exit " + r.exitStatus() + "): " + r.serverError();
    }
}
