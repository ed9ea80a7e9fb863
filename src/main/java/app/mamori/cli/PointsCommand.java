package app.mamori.cli;

import app.mamori.util.Bytes;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.PointCheck;
import app.mamori.model.Artifact;
import app.mamori.model.PointCopy;
import app.mamori.model.RestorePoint;
import app.mamori.service.IncidentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import app.mamori.model.Vault;
import app.mamori.service.PointService;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedWriter;
import java.io.PrintWriter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        Map<String, Optional<Vault>> vaults = new HashMap<>();
        // out() flushes at every line: a listing of 200,000 points would make millions of writes
        PrintWriter listing = new PrintWriter(new BufferedWriter(out(), 1 << 16), false);
        if (json) {
            ObjectWriter writer = app.mamori.vault.Json.mapper().writer()
                    .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            try (SequenceWriter array = writer.writeValuesAsArray(listing)) {
                ctx().services().points().forEachPage(job, PAGE, page -> {
                    Map<String, List<PointCopy>> copies = copiesOf(page);
                    for (PointService.Listed l : page) {
                        write(array, JsonOut.point(l, vaults.computeIfAbsent(l.point().point().vault(),
                                ctx().catalog().vaults()::find), copies.getOrDefault(l.point().id(), List.of())));
                    }
                    listing.flush();
                });
            }
            listing.println();
            listing.flush();
            return 0;
        }
        ctx().services().points().forEachPage(job, PAGE, page -> {
            Map<String, List<PointCopy>> copies = copiesOf(page);
            for (PointService.Listed l : page) {
                RestorePoint p = l.point().point();
                long size = p.artifacts().stream().mapToLong(Artifact::size).sum();
                listing.println(p.id() + "\t" + p.time() + "\t" + p.status().id() + "\t" + p.artifacts().size()
                        + " artifact(s)\t" + Bytes.human(size)
                        + (l.point().kind() == PointKind.PRE_RESTORE ? "\tpre-restore" + (l.released() ? " (released)" : "")
                        : "") + l.hold().map(h -> "\theld (" + h + ")").orElse("") + verification(l)
                        + copies(p.id(), copies.getOrDefault(p.id(), List.of())));
            }
            listing.flush();
        });
        return 0;
    }

    /** The offsite copies of one page's points, by point id: one query per page. */
    private Map<String, List<PointCopy>> copiesOf(List<PointService.Listed> page) {
        return ctx().services().offsite().copiesOf(page.stream().map(l -> l.point().id()).toList());
    }

    /** A tab and where the point is copied ({@code copied to offsite}, {@code copy to offsite FAILED}), or nothing. */
    private String copies(String point, List<PointCopy> copies) {
        StringBuilder b = new StringBuilder();
        for (PointCopy c : copies) {
            b.append(c.status() == PointCopy.Status.COPIED ? "\tcopied to " + c.vault()
                    : "\tcopy to " + c.vault() + " FAILED");
            c.lockedUntil().ifPresent(u -> b.append(" (locked until ").append(u).append(')'));
            if (c.status() == PointCopy.Status.COPIED) {
                b.append(copyCheck(ctx().services().offsite().checksOf(point, c.vault())));
            }
        }
        return b.toString();
    }

    /** How the last check of a copy (verify --from-vault) ended, by its newest check of each source. */
    static String copyCheck(List<app.mamori.catalog.Verification> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        Map<String, app.mamori.catalog.Verification> latest = new java.util.LinkedHashMap<>();
        checks.forEach(v -> latest.put(v.source(), v));
        boolean failed = latest.values().stream().anyMatch(v -> v.result() != app.mamori.catalog.Verification.Result
                .VERIFIED);
        return failed ? ", copy check FAILED" : checks.stream().anyMatch(v -> v.method()
                == app.mamori.catalog.Verification.Method.DRILL) ? ", copy drilled" : ", copy verified";
    }

    /** Points read per query: a listing of any length keeps about this many in memory. */
    private static final int PAGE = 500;

    private static void write(SequenceWriter array, Object node) {
        try {
            array.write(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A tab and the point's verification state, or nothing while it was never checked. */
    private static String verification(PointService.Listed l) {
        return switch (PointCheck.of(l.point().point().artifacts().size(), l.latestChecks()).state()) {
            case VERIFIED -> "\tverified";
            case FAILED -> "\tverify FAILED";
            case UNVERIFIED -> "";
        };
    }
}
