package app.mamori.cli;

import app.mamori.engine.offsite.CopyListener;
import app.mamori.engine.offsite.CopyResult;
import app.mamori.util.Bytes;
import app.mamori.util.CancelToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code mamori copy JOB [--point ID]}. */
@Command(name = "copy", description = {"Copy a job's restore points that its offsite vault lacks (see job set --copy-to).",
        "An interrupted copy resumes: parts already in the bucket are not sent again."})
final class CopyCommand extends Base {
    @Parameters(paramLabel = "JOB")
    String job;
    @Option(names = "--point", paramLabel = "ID", description = "copy only this point (job/20261124T153012Z), again if"
            + " it was copied before")
    String point;
    @Option(names = "--limit-rate", paramLabel = "RATE", description = "read and send the whole copy (every dump and"
            + " snapshot file together) no faster than RATE bytes per second: 500K, 10M, 1G")
    String limitRate;
    @Option(names = "--verify", description = "copy nothing: download, decrypt and check the SHA-256 of every copy of"
            + " the job in its offsite vault")
    boolean verify;

    @Override
    int run() throws Exception {
        java.util.OptionalLong rate = java.util.OptionalLong.empty();
        if (limitRate != null) {
            try {
                rate = java.util.OptionalLong.of(app.mamori.util.RateLimit.parse("--limit-rate",
                        limitRate));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        if (verify) {
            return verifyCopies();
        }
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel, "mamori-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        List<CopyResult> results;
        try {
            results = ctx().services().offsite().copy(job, Optional.ofNullable(point), rate, new Progress(out(), err()),
                    cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and cancels the copy
            }
        }
        if (results.isEmpty()) {
            out().println("nothing to copy: every point of job " + job + " is in its offsite vault");
            return 0;
        }
        int failed = 0;
        for (CopyResult r : results) {
            if (r.ok()) {
                out().println("copied " + r.point() + " to vault " + r.vault() + " (" + Bytes.human(r.sent()) + " sent"
                        + (r.resumed() > 0 ? ", " + Bytes.human(r.resumed()) + " already there from an interrupted copy"
                        : "") + ")");
            } else {
                err().println("mamori: " + r.error().get());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private int verifyCopies() throws Exception {
        if (point != null || limitRate != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--verify checks every copy of the"
                    + " job; give it without --point or --limit-rate");
        }
        var checks = ctx().services().offsite().check(job, CopyListener.NONE, new CancelToken());
        long bad = checks.stream().filter(c -> c.problem().isPresent()).count();
        for (var c : checks) {
            if (c.problem().isPresent()) {
                err().println("mamori: copy of " + c.point() + " is damaged: " + c.problem().get());
            }
        }
        out().println(checks.size() - bad + " of " + checks.size() + " copies of job " + job + " verified"
                + (bad > 0 ? "; " + bad + " damaged (copy them again with mamori copy " + job + " --point ID)" : ""));
        return bad == 0 ? 0 : 1;
    }

    /**
     * One line per artifact on stderr, rewritten in place: done, throughput, time left. What the
     * offsite retention did (and which copies it keeps because they are locked) goes to stdout.
     */
    private static final class Progress implements CopyListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private long lastPrint;

        Progress(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void log(String line) {
            out.println(line);
            out.flush();
        }

        @Override
        public void progress(String point, String artifact, long done, long total, long elapsedNanos) {
            long now = System.nanoTime();
            if (done < total && now - lastPrint < 1_000_000_000L) {
                return;
            }
            lastPrint = now;
            double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
            double rate = done / seconds;
            long left = rate > 0 ? (long) ((total - done) / rate) : -1;
            err.print("\r" + point + " " + artifact + ": " + Bytes.human(done) + " of " + Bytes.human(total) + ", "
                    + Bytes.human((long) rate) + "/s" + (left >= 0 && done < total ? ", " + left + " s left" : ""));
            if (done >= total) {
                err.println();
            }
            err.flush();
        }
    }
}
