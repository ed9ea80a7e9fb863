package app.mamori.cli;

import app.mamori.util.Bytes;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.PointCheck;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code mamori points [JOB] [--json]} and {@code mamori points release ID}. */
@Command(name = "points", description = "List restore points, newest first.",
        subcommands = {PointsCommand.Release.class})
final class PointsCommand extends Base {

    @Command(name = "release", description = {"Hand a pre-restore safety point over to its job's retention policy;",
            "until then retention never removes it."})
    static final class Release extends Base {
        @Parameters(paramLabel = "ID", description = "as points shows it: job/20261124T153012Z")
        String id;

        @Override
        int run() {
            ctx().catalog().points().release(id);
            out().println("released " + id + ": retention may now remove it");
            return 0;
        }
    }

    @Parameters(paramLabel = "JOB", arity = "0..1", description = "only this job's points")
    String job;
    @Option(names = "--json", description = "print the points as JSON (see docs/cli.md)")
    boolean json;

    @Override
    int run() throws Exception {
        if (job != null) {
            ctx().catalog().jobs().get(job);
        }
        List<RecordedPoint> recorded = ctx().catalog().points().list(job);
        java.util.Set<String> released = job == null ? java.util.Set.of() : ctx().catalog().points().released(job);
        if (json) {
            out().println(JsonOut.write(JsonOut.points(recorded, ctx())));
            return 0;
        }
        for (RecordedPoint r : recorded) {
            RestorePoint p = r.point();
            long size = p.artifacts().stream().mapToLong(Artifact::size).sum();
            out().println(p.id() + "\t" + p.time() + "\t" + p.status().id() + "\t" + p.artifacts().size()
                    + " artifact(s)\t" + Bytes.human(size)
                    + (r.kind() == PointKind.PRE_RESTORE ? "\tpre-restore" + (released.contains(p.id()) ? " (released)" : "")
                    : "") + verification(r));
        }
        return 0;
    }

    /** A tab and the point's verification state, or nothing while it was never checked. */
    private String verification(RecordedPoint r) {
        return switch (PointCheck.of(r.point().artifacts().size(),
                ctx().catalog().verifications().latestOfPoint(r.id())).state()) {
            case VERIFIED -> "\tverified";
            case FAILED -> "\tverify FAILED";
            case UNVERIFIED -> "";
        };
    }
}
