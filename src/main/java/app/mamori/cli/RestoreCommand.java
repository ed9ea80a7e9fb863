package app.mamori.cli;

import app.mamori.engine.restore.PointChoice;
import app.mamori.engine.restore.RestoreListener;
import app.mamori.engine.restore.RestorePlan;
import app.mamori.engine.restore.RestorePlanner;
import app.mamori.engine.restore.RestoreResult;
import app.mamori.engine.restore.RestoreTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import app.mamori.engine.offsite.StagedPoint;
import java.io.Console;
import java.util.List;
import java.util.Optional;
import java.io.PrintWriter;
import java.time.ZoneId;

/** {@code mamori restore --source S [--point ID | --at TIME] (--to-database NEW | --to-path FILE | --in-place)}. */
@Command(name = "restore", description = {"Restore a source from a restore point: the plan is shown first,",
        "then confirmed (or --yes). In-place restores take a safety backup first."})
final class RestoreCommand extends Base {
    @Option(names = "--source", required = true, paramLabel = "S", description = "the source to restore")
    String source;

    @ArgGroup(exclusive = true)
    Point point;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--from-vault", paramLabel = "VAULT", description = "restore from the copy in this object vault"
            + " (downloaded, decrypted and checked first); among the points copied there")
    String fromVault;
    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;
    @Option(names = "--json", description = "print the plan (with --dry-run) or the result as JSON (see docs/cli.md)")
    boolean json;
    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;
    @Option(names = "--no-safety-backup", description = "overwrite in place without backing up the current state first")
    boolean noSafetyBackup;
    @Option(names = "--include", paramLabel = "PATH", description = "files: restore only this file or folder"
            + " (absolute, as on the server; repeatable); s3-bucket: only this object or folder of keys")
    java.util.List<String> include = new java.util.ArrayList<>();
    @Option(names = "--table", paramLabel = "T", description = "postgres: restore only this table (repeatable);"
            + " its indexes, constraints and triggers are not included")
    java.util.List<String> tables = new java.util.ArrayList<>();
    @Option(names = "--accept-failed-check", description = "restore the point even though a check found it damaged"
            + " (it may be the best copy left); the plan says so before anything runs")
    boolean acceptFailedCheck;

    static final class Point {
        @Option(names = "--point", paramLabel = "ID", description = "this restore point (job/20261124T153012Z)")
        String id;
        @Option(names = "--at", paramLabel = "TIME",
                description = "the newest point at or before TIME: '2026-11-24 14:00' (local) or ISO-8601")
        String at;
    }

    static final class Target {
        @Option(names = "--to-database", paramLabel = "NEW", description = "postgres, mysql: into a new database")
        String database;
        @Option(names = "--to-path", paramLabel = "PATH",
                description = "sqlite: into a new file on the server; files: into a new or empty folder on the server")
        String path;
        @Option(names = "--to-local", paramLabel = "DIR", description = "files: into a new or empty folder on this computer")
        String local;
        @Option(names = "--to-volume", paramLabel = "NAME", description = "docker-volume: into this volume (created"
                + " if missing, must be empty)")
        String volume;
        @Option(names = "--to-bucket", paramLabel = "BUCKET", description = "s3-bucket: into this other bucket (it"
                + " must exist and hold none of the keys restored)")
        String bucket;
        @Option(names = "--in-place", description = "over the source itself")
        boolean inPlace;
    }

    @Override
    int run() throws Exception {
        RestorePlanner.Request request = new RestorePlanner.Request(source, choice(), restoreTarget(),
                !noSafetyBackup, include, tables);
        if (fromVault == null) {
            return restore(new RestorePlanner(ctx().catalog()).plan(acceptFailedCheck ? request.acceptingFailedCheck()
                    : request));
        }
        try (StagedPoint staged = ctx().services().offsite().stage(fromVault, source, choice())) {
            RestorePlanner.Request exact = new RestorePlanner.Request(source, new PointChoice.Id(staged.point().id()),
                    restoreTarget(), !noSafetyBackup, include, tables);
            return restore(new RestorePlanner(ctx().catalog()).plan(acceptFailedCheck ? exact.acceptingFailedCheck()
                    : exact, List.of(staged.point()), Optional.of(staged.asVault())));
        }
    }

    private int restore(RestorePlan plan) throws Exception {
        if (dryRun) {
            if (json) {
                out().println(JsonOut.write(RestoreJson.plan(plan)));
            } else {
                printPlan(plan, out());
            }
            return 0;
        }
        if (!yes && !confirmed(plan)) {
            return 1;
        }
        RestoreResult result;
        // on Ctrl-C the hook waits for the work to end (remote commands killed, temp files gone), not for what is printed after
        try (CtrlC ctrlC = CtrlC.install()) {
            result = ctx().restoreEngine().execute(plan, json ? RestoreListener.NONE : new ConsoleListener(err()),
                    ctrlC.token());
        }
        if (json) {
            out().println(JsonOut.write(RestoreJson.result(result)));
        } else if (result.ok()) {
            out().println("restore of " + source + " succeeded: point " + plan.pointId() + " to "
                    + plan.targetDescription());
            result.safetyPoint().ifPresent(p -> out().println("safety point: " + p));
            result.report().ifPresent(p -> out().println("report: " + p));
        }
        if (!result.ok()) {
            err().println("mamori: " + result.error() + ". " + result.targetState());
            result.report().ifPresent(p -> err().println("report: " + p));
            return 1;
        }
        return 0;
    }

    private PointChoice choice() {
        if (point != null && point.id != null) {
            return new PointChoice.Id(point.id);
        }
        if (point != null && point.at != null) {
            return PointChoice.at(point.at, ZoneId.systemDefault());
        }
        return new PointChoice.Latest();
    }

    private RestoreTarget restoreTarget() {
        if (target.database != null) {
            return new RestoreTarget.NewDatabase(target.database);
        }
        if (target.path != null) {
            return new RestoreTarget.ToPath(target.path);
        }
        if (target.volume != null) {
            return new RestoreTarget.ToVolume(target.volume);
        }
        if (target.bucket != null) {
            return new RestoreTarget.ToBucket(target.bucket);
        }
        if (target.local != null) {
            return new RestoreTarget.ToLocal(java.nio.file.Path.of(target.local).toAbsolutePath().normalize().toString());
        }
        return new RestoreTarget.InPlace();
    }

    /** Asks at the terminal; without one (a script, a pipe) refuses, since only --yes may stand for a person. */
    private boolean confirmed(RestorePlan plan) {
        Console console = System.console();
        if (console == null || stdin() != System.in) {
            err().println("mamori: a restore needs confirmation and there is no terminal to ask at; read the plan"
                    + " with --dry-run, then run the command again with --yes");
            return false;
        }
        printPlan(plan, out());
        out().flush();
        String answer = console.readLine("Restore now? Type yes to go on: ");
        if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
            err().println("mamori: restore not confirmed; nothing was changed");
            return false;
        }
        return true;
    }

    static void printPlan(RestorePlan plan, PrintWriter out) {
        out.println("Restore " + plan.source().name() + " (" + plan.source().kind().id() + ") on server "
                + plan.server().name());
        out.println("  from point:    " + plan.pointId() + " (taken " + plan.pointTime() + ")");
        out.println("  artifact:      " + plan.artifactFile() + " (sha256 " + plan.expectedSha256() + ", checked first)");
        out.println("  to:            " + plan.targetDescription());
        out.println("  safety backup: " + plan.safetyBackupDescription());
        out.println("  commands:");
        for (app.mamori.source.RestoreCommand c : plan.commands()) {
            out.println("    # " + c.purpose() + (c.secretOnStdin() ? "; password on stdin" : "")
                    + (c.artifactOnStdin() ? "; artifact on stdin" : ""));
            out.println("    " + c.command());
        }
        plan.warnings().forEach(w -> out.println("  warning: " + w.english()));
    }

    /** Progress on stderr for a person at a terminal. */
    private static final class ConsoleListener implements RestoreListener {
        private final PrintWriter err;

        ConsoleListener(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void step(String what) {
            err.println("-> " + what);
            err.flush();
        }

        @Override
        public void commandStarted(app.mamori.source.RestoreCommand command) {
            step(command.purpose());
        }

        @Override
        public void log(String line) {
            err.println("   " + line);
            err.flush();
        }
    }
}
