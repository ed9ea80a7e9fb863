package app.mamori.cli;

import app.mamori.util.Bytes;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.PointCheck;
import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Artifact;
import app.mamori.model.RestorePoint;
import app.mamori.service.IncidentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code mamori points [JOB] [--json]}, {@code mamori points hold ID} and {@code mamori points release ID}. */
@Command(name = "points", description = "List restore points, newest first.",
        subcommands = {PointsCommand.Hold.class, PointsCommand.Release.class})
final class PointsCommand extends Base {

    @Command(name = "hold", description = {"Hold a restore point: no prune removes it, and retention does not count it,",
            "until it is released with points release."})
    static final class Hold extends Base {
        @Parameters(paramLabel = "ID", description = "as points shows it: job/20261124T153012Z")
        String id;
        @Option(names = "--reason", paramLabel = "TEXT", description = "why, as points and the app show it")
        String reason;

        @Override
        int run() {
            ctx().services().incidents().hold(id, reason);
            out().println("held " + id + ": no prune removes it until `mamori points release " + id + "`");
            return 0;
        }
    }

    @Command(name = "release", description = {"Release the hold made by hand on a point or, when it has none, hand a",
            "pre-restore safety point over to its job's retention policy. Holds made by an",
            "incident go when the incident is closed."})
    static final class Release extends Base {
        @Parameters(paramLabel = "ID", description = "as points shows it: job/20261124T153012Z")
        String id;

        @Override
        int run() {
            IncidentService incidents = ctx().services().incidents();
            if (incidents.release(id) == IncidentService.Released.SAFETY_POINT) {
                out().println("released pre-restore safety point " + id + ": retention may now remove it");
            } else if (incidents.holdsOf(id).isEmpty()) {
                out().println("released the hold on " + id + ": retention may now remove it");
            } else {
                out().println("released the hold made by hand on " + id + "; it stays held by incident "
                        + incidents.holdsOf(id).get(0).incident().getAsLong() + " until that is closed");
            }
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
        java.util.Map<String, java.util.Map<String, String>> holds = new java.util.HashMap<>();
        java.util.function.Function<RecordedPoint, String> held = r -> holds.computeIfAbsent(r.point().job(),
                j -> ctx().services().incidents().holdsOfJob(j)).get(r.id());
        if (json) {
            out().println(JsonOut.write(JsonOut.points(recorded, ctx(), held)));
            return 0;
        }
        java.util.Map<String, List<app.mamori.model.PointCopy>> copies = ctx().services().offsite().copiesByPoint();
        for (RecordedPoint r : recorded) {
            RestorePoint p = r.point();
            long size = p.artifacts().stream().mapToLong(Artifact::size).sum();
            out().println(p.id() + "\t" + p.time() + "\t" + p.status().id() + "\t" + p.artifacts().size()
                    + " artifact(s)\t" + Bytes.human(size)
                    + (r.kind() == PointKind.PRE_RESTORE ? "\tpre-restore" + (released.contains(p.id()) ? " (released)" : "")
                    : "") + (held.apply(r) == null ? "" : "\theld (" + held.apply(r) + ")") + verification(r)
                    + copies(copies.getOrDefault(r.id(), List.of())));
        }
        return 0;
    }

    /** A tab and where the point is copied ({@code copied to offsite}, {@code copy to offsite FAILED}), or nothing. */
    private static String copies(List<app.mamori.model.PointCopy> copies) {
        StringBuilder b = new StringBuilder();
        for (app.mamori.model.PointCopy c : copies) {
            b.append(c.status() == app.mamori.model.PointCopy.Status.COPIED ? "\tcopied to " + c.vault()
                    : "\tcopy to " + c.vault() + " FAILED");
        }
        return b.toString();
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
