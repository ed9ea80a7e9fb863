package app.mamori.cli;

import app.mamori.util.Bytes;
import app.mamori.engine.BackupListener;
import app.mamori.engine.BackupPlan;
import app.mamori.engine.RunResult;
import app.mamori.engine.SourceResult;
import app.mamori.service.RunService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code mamori backup JOB [--json]}. */
@Command(name = "backup", description = "Back up a job now. Exit status 0 only if every source succeeded.")
final class BackupCommand extends Base {
    @Parameters(paramLabel = "JOB")
    String job;
    @Option(names = "--json", description = "print the result as JSON (see docs/cli.md)")
    boolean json;
    @Option(names = {"-q", "--quiet"}, description = "print nothing on success")
    boolean quiet;

    @Override
    int run() throws Exception {
        BackupPlan plan = ctx().services().runs().plan(job);
        try (CtrlC ctrlC = CtrlC.install()) {
            RunService.Backup backup = ctx().services().runs().execute(plan, json || quiet ? BackupListener.NONE
                    : new ConsoleListener(err()), ctrlC.token());
            return report(backup);
        }
    }

    private int report(RunService.Backup backup) throws Exception {
        warnUndelivered(backup.deliveries());
        RunResult result = backup.result();
        if (json) {
            out().println(JsonOut.write(JsonOut.run(result, ctx())));
        } else if (result.ok()) {
            if (!quiet) {
                out().println("backup of job " + job + " succeeded: restore point " + result.point().get().id());
            }
        }
        if (!result.ok()) {
            err().println("mamori: " + result.error());
            return 1;
        }
        return 0;
    }

    /** Progress on stderr for a person at a terminal. */
    private static final class ConsoleListener implements BackupListener {
        private final java.io.PrintWriter err;

        ConsoleListener(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public void sourceStarted(BackupPlan.Step step) {
            err.println("-> " + step.source().name() + ": " + step.description());
            err.flush();
        }

        @Override
        public void sourceFinished(SourceResult r) {
            if (r.ok()) {
                err.printf("   %s: %s stored (%s received), sha256 %s%n", r.source(), Bytes.human(r.entry().size()),
                        Bytes.human(r.entry().rawSize()), r.entry().sha256().substring(0, 16));
            } else {
                err.println("   " + r.source() + " FAILED: " + r.error());
            }
            err.flush();
        }
    }
}
