package app.mamori.engine.offsite;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.CopyStore;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.model.CopySettings;
import app.mamori.retention.Candidate;
import app.mamori.retention.PrunePlan;
import app.mamori.retention.Retention;
import app.mamori.vault.s3.S3Vault;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offsite retention ({@code job set --copy-keep-*}): which of a job's copies in its object
 * vault to keep, by the same rules as the local retention ({@link Retention}, holds honoured),
 * counted over the copies alone, so a copy outlives its local point. Plan, then remove: each
 * removed copy loses its manifest first (so it is never listed half there), then its artifacts.
 * A copy still under Object Lock is never tried: the bucket would refuse, so it is reported as
 * locked until its date and removed by the first prune after that.
 */
public final class CopyPrune {
    private CopyPrune() {
    }

    /** What the prune did: copies removed, those that could not be, and those kept because they are locked. */
    public record Result(List<String> removed, List<String> failures, List<Locked> locked) {
    }

    /** A copy the retention would remove, kept because its objects are locked until {@code until}. */
    public record Locked(String point, Instant until) {
    }

    public static PrunePlan plan(Catalog catalog, CopySettings settings, Clock clock, ZoneId zone) {
        Map<String, String> holds = catalog.holds().ofJob(settings.job());
        List<Candidate> candidates = new ArrayList<>();
        for (CopyStore.Copied c : catalog.copies().copiedOfJob(settings.job(), settings.vault())) {
            Candidate k = Candidate.of(c.point(), c.pointTime());
            candidates.add(holds.containsKey(c.point()) ? k.withHold(holds.get(c.point())) : k);
        }
        return Retention.plan(candidates, settings.keep(), clock.instant(), zone, false);
    }

    public static Result execute(Catalog catalog, CopySettings settings, S3Vault vault, Clock clock, ZoneId zone) {
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Locked> locked = new ArrayList<>();
        Map<String, CopyStore.Copied> copies = new java.util.HashMap<>();
        catalog.copies().copiedOfJob(settings.job(), settings.vault()).forEach(c -> copies.put(c.point(), c));
        Instant now = clock.instant();
        for (Candidate c : plan(catalog, settings, clock, zone).remove()) {
            Optional<Instant> until = copies.get(c.id()).lockedUntil().filter(now::isBefore);
            if (until.isPresent()) {
                locked.add(new Locked(c.id(), until.get()));
                continue;
            }
            try {
                vault.removePoint(copies.get(c.id()).location());
                catalog.copies().forgetCopy(c.id(), settings.vault());
                catalog.points().find(c.id()).filter(p -> p.point().vault().equals(settings.vault()))
                        .ifPresent(p -> catalog.points().remove(p.id()));
                removed.add(c.id());
                catalog.events().add(Event.at(clock.instant(), EventLevel.INFO, "copy-pruned", "copy of point "
                        + c.id() + " removed from vault " + settings.vault() + " by the offsite retention ("
                        + settings.keep() + ")").withJob(settings.job()));
            } catch (IOException | RuntimeException e) {
                failures.add(c.id() + ": " + e.getMessage());
            }
        }
        if (!removed.isEmpty()) {
            collectTrees(vault, removed.stream().map(id -> copies.get(id).location()).toList(), settings, failures);
        }
        return new Result(removed, failures, locked);
    }

    /** Deletes the file-tree content the removed copies alone used (see {@link TreeGc}). */
    private static void collectTrees(S3Vault vault, List<String> removedLocations, CopySettings settings,
                                     List<String> failures) {
        java.util.Set<String> servers = new java.util.TreeSet<>();
        removedLocations.forEach(l -> servers.add(l.substring(0, l.indexOf('/'))));
        for (String server : servers) {
            try {
                TreeGc.collect(vault, server, settings.job());
            } catch (IOException | RuntimeException e) {
                failures.add("file-tree content of job " + settings.job() + ": " + e.getMessage());
            }
        }
    }
}
