package app.mamori.cli;

import app.mamori.engine.BackupListener;
import app.mamori.engine.DueOutcome;
import app.mamori.service.RunService;
import app.mamori.engine.DueRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.ZoneId;
import java.util.List;

/** {@code mamori run-due}: what the OS timer calls every few minutes. */
@Command(name = "run-due", description = {"Run every scheduled job that is due, once each (a run missed while the",
        "workstation was off is caught up once), then every restore drill that is due (job set --drill),",
        "then exit. Exit status 1 if any of them failed.",
        "Then tells notifiers about the runs and drills, about jobs that became overdue or breach an",
        "objective (once each), and, once a day from 08:00, sends the digest.",
        "`mamori schedule install` makes the OS call this every 5 minutes.",
        "Jobs of different servers run side by side (--parallel), one job per server at a time.",
        "A paused job (job pause) is not started: a line says so, and it is not a failure."})
final class RunDueCommand extends Base {
    @Option(names = "--parallel", paramLabel = "N", description = "how many jobs may run at once, each on its own"
            + " server (default: " + DueRunner.DEFAULT_PARALLEL + ")")
    int parallel = DueRunner.DEFAULT_PARALLEL;

    @Override
    int run() {
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel: give 1 or more (1 runs the jobs one after"
                    + " the other), not " + parallel);
        }
        RunService.Due due;
        // on Ctrl-C the hook waits for the work to end (remote commands killed, temp files gone), not for what is printed after
        try (CtrlC ctrlC = CtrlC.install()) {
            due = ctx().services().runs().runDue(ZoneId.systemDefault(), () -> BackupListener.NONE, ctrlC.token(), parallel);
        }
        warnUndelivered(due.deliveries());
        List<DueOutcome> outcomes = due.outcomes();
        for (DueOutcome o : outcomes) {
            String missed = o.missed() > 0 ? " (caught up " + o.missed() + " missed run(s))" : "";
            (o.failed() ? err() : out()).println((o.failed() ? "mamori: " : "") + o.message() + missed);
        }
        for (var d : due.drills()) {
            (d.ok() ? out() : err()).println((d.ok() ? "" : "mamori: ") + d.message());
        }
        long failed = outcomes.stream().filter(DueOutcome::failed).count()
                + due.drills().stream().filter(d -> !d.ok()).count();
        if (outcomes.isEmpty() && due.drills().isEmpty()) {
            out().println("nothing is due");
        }
        return failed > 0 ? 1 : 0;
    }
}
