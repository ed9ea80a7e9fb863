package app.mamori.cli;

import app.mamori.util.Bytes;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.PointCheck;
import app.mamori.catalog.Verification;
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
                    PageCopies copies = copiesOf(page);
                    for (PointService.Listed l : page) {
                        write(array, JsonOut.point(l, vaults.computeIfAbsent(l.point().point().vault(),
                                ctx().catalog().vaults()::find), copies.of(l.point().id()), copies.checks(l.point().id())));
                    }
                    listing.flush();
                });
            }
            listing.println();
            listing.flush();
            return 0;
        }
        ctx().services().points().forEachPage(job, PAGE, page -> {
            PageCopies copies = copiesOf(page);
            for (PointService.Listed l : page) {
                RestorePoint p = l.point().point();
                long size = p.artifacts().stream().mapToLong(Artifact::size).sum();
                listing.println(p.id() + "\t" + p.time() + "\t" + p.status().id() + "\t" + p.artifacts().size()
                        + " artifact(s)\t" + Bytes.human(size)
                        + (l.point().kind() == PointKind.PRE_RESTORE ? "\tpre-restore" + (l.released() ? " (released)" : "")
                        : "") + l.hold().map(h -> "\theld (" + h + ")").orElse("") + verification(l)
                        + copies(copies.of(p.id()), copies.checks(p.id())));
            }
            listing.flush();
        });
        return 0;
    }

    /** One page's offsite copies and the newest checks of each, by point id. */
    record PageCopies(Map<String, List<PointCopy>> copies,
                      Map<String, Map<String, Map<String, Verification>>> checks) {
        List<PointCopy> of(String point) {
            return copies.getOrDefault(point, List.of());
        }

        /** The point's copy checks: by vault, the newest of each source. */
        Map<String, Map<String, Verification>> checks(String point) {
            return checks.getOrDefault(point, Map.of());
        }
    }

    /** The offsite copies of one page's points and their checks: two queries per page, none per point. */
    private PageCopies copiesOf(List<PointService.Listed> page) {
        List<String> ids = page.stream().map(l -> l.point().id()).toList();
        return new PageCopies(ctx().services().offsite().copiesOf(ids), ctx().services().offsite().latestChecksOf(ids));
    }

    /** A tab and where the point is copied ({@code copied to offsite}, {@code copy to offsite FAILED}), or nothing. */
    private static String copies(List<PointCopy> copies, Map<String, Map<String, Verification>> checks) {
        StringBuilder b = new StringBuilder();
        for (PointCopy c : copies) {
            b.append(c.status() == PointCopy.Status.COPIED ? "\tcopied to " + c.vault()
                    : "\tcopy to " + c.vault() + " FAILED");
            c.lockedUntil().ifPresent(u -> b.append(" (locked until ").append(u).append(')'));
            if (c.status() == PointCopy.Status.COPIED) {
                b.append(copyCheck(checks.getOrDefault(c.vault(), Map.of())));
            }
        }
        return b.toString();
    }

    /** How the newest check of each source of a copy (verify --from-vault) ended. */
    static String copyCheck(Map<String, Verification> latest) {
        if (latest.isEmpty()) {
            return "";
        }
        boolean failed = latest.values().stream().anyMatch(Verification::failed);
        return failed ? ", copy check FAILED" : latest.values().stream().anyMatch(v -> v.method()
                == Verification.Method.DRILL) ? ", copy drilled" : ", copy verified";
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
