package app.mamori.cli;

import app.mamori.catalog.Verification;
import app.mamori.engine.verify.Verifier;
import app.mamori.engine.verify.VerifyListener;
import app.mamori.engine.verify.VerifyPlan;
import app.mamori.engine.verify.VerifyPlanner;
import app.mamori.engine.verify.VerifyResult;
import app.mamori.model.Note;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Clock;

/** {@code mamori verify POINT | --job J | --all [--drill] [--json]}. */
@Command(name = "verify", description = {"Check restore points: re-hash every artifact against its manifest and the",
        "catalogue, check its format (pg_restore --list, PRAGMA integrity_check, archive listing), and with",
        "--drill restore databases into a scratch copy on their server, compare tables and row counts, and",
        "drop it. Results are kept in the catalogue; a restore refuses a point whose last check failed.",
        "Exit status 0 only when every check passed."})
final class VerifyCommand extends Base {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(paramLabel = "POINT", arity = "0..1", description = "one restore point: job/20261124T153012Z")
        String point;
        @Option(names = "--job", paramLabel = "J", description = "every point of job J")
        String job;
        @Option(names = "--all", description = "every point of every job")
        boolean all;
    }

    @Option(names = "--drill", description = "also restore postgres, mysql and sqlite artifacts into a scratch"
            + " database or temp file on their server, compare, time and remove it (s3-bucket: into a scratch folder"
            + " of the bucket, read back and compared with the index)")
    boolean drill;
    @Option(names = "--from-vault", paramLabel = "VAULT", description = "check the copies in this object vault"
            + " instead: download, decrypt, check every SHA-256 and, with --drill, restore into scratch; recorded as"
            + " checks of the copies (see docs/offsite.md)")
    String fromVault;
    @Option(names = "--dry-run", description = "print the plan (checks and remote commands) and check nothing")
    boolean dryRun;
    @Option(names = "--json", description = "print the results as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        VerifyPlanner.Selection selection = which.point != null ? new VerifyPlanner.Selection.Point(which.point)
                : which.job != null ? new VerifyPlanner.Selection.Job(which.job) : new VerifyPlanner.Selection.All();
        if (fromVault != null) {
            return fromVault();
        }
        VerifyPlan plan = new VerifyPlanner(ctx().catalog()).plan(selection, drill);
        if (dryRun) {
            printPlan(plan, out());
            return 0;
        }
        Verifier verifier = new Verifier(ctx().catalog(), ctx().ssh(), ctx().secrets(), Clock.systemUTC());
        VerifyResult result = CtrlC.cancellable(cancel -> verifier.execute(plan,
                json ? new VerifyListener() { } : new ConsoleListener(out()), cancel));
        if (json) {
            out().println(JsonOut.write(VerifyJson.result(plan, result)));
        } else if (plan.isEmpty()) {
            out().println("no succeeded restore points to verify");
        } else {
            out().println(result.ok() ? "all " + result.checks().size() + " checks of " + plan.items().size()
                    + " artifact(s) passed" : result.failures().size() + " of " + result.checks().size()
                    + " checks failed");
        }
        for (Note w : result.warnings()) {
            err().println("mamori: warning: " + oneLine(w.english()));
        }
        for (Verification f : result.failures()) {
            err().println("mamori: " + f.point() + " " + f.source() + ": " + f.method().id() + " FAILED: "
                    + oneLine(f.detail()));
        }
        if (result.cancelled()) {
            err().println("mamori: verification cancelled; the checks that finished are recorded");
        }
        return result.ok() ? 0 : 1;
    }

    private int fromVault() throws Exception {
        if (dryRun || json) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--from-vault: give it without"
                    + " --dry-run and --json");
        }
        VerifyResult result;
        try {
            result = CtrlC.cancellable(cancel -> {
                try {
                    return ctx().services().offsite().verify(fromVault, java.util.Optional.ofNullable(which.job),
                            java.util.Optional.ofNullable(which.point), drill, new ConsoleListener(out()), cancel);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        long copies = result.checks().stream().map(Verification::point).distinct().count();
        out().println(result.ok() ? "all " + result.checks().size() + " checks of the copies of " + copies
                + " point(s) in vault " + fromVault + " passed" : result.failures().size() + " of "
                + result.checks().size() + " checks of the copies in vault " + fromVault + " failed");
        for (Note w : result.warnings()) {
            err().println("mamori: warning: " + oneLine(w.english()));
        }
        for (Verification f : result.failures()) {
            err().println("mamori: the copy in vault " + fromVault + " of " + f.point() + " " + f.source() + ": "
                    + f.method().id() + " FAILED: " + oneLine(f.detail()) + "; copy it again with mamori copy "
                    + f.job() + " --point " + f.point());
        }
        if (result.cancelled()) {
            err().println("mamori: verification cancelled; the checks that finished are recorded");
        }
        return result.ok() ? 0 : 1;
    }

    /** A file name may hold a newline; each failure must stay one line for scripts that read stderr. */
    static String oneLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static void printPlan(VerifyPlan plan, PrintWriter out) {
        for (VerifyPlan.Item item : plan.items()) {
            out.println(item.pointId() + " " + item.artifact().source() + " (" + item.artifact().kind().id() + "): "
                    + String.join(", ", item.checks().stream().map(Verification.Method::id).toList()));
            out.println("  artifact: " + item.file());
            item.scratch().ifPresent(s -> out.println("  scratch:  " + s + " (always removed)"));
            item.commands().forEach(c -> out.println("    " + c));
            item.notes().forEach(n -> out.println("  note: " + n));
        }
    }

    /** One line per check, for a person. */
    private static final class ConsoleListener implements VerifyListener {
        private final PrintWriter out;

        ConsoleListener(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void checked(VerifyPlan.Item item, Verification v) {
            out.println((v.failed() ? "FAILED   " : "verified ") + item.pointId() + " " + item.artifact().source() + " "
                    + v.method().id() + v.recovery().map(r -> " (recovery time " + r.toMillis() + " ms)").orElse("")
                    + ": " + oneLine(v.detail()));
            out.flush();
        }
    }
}
