package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.PointStore;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.RunStatus;
import app.mamori.model.Vault;
import app.mamori.retention.Candidate;
import app.mamori.retention.PrunePlan;
import app.mamori.retention.Reason;
import app.mamori.retention.Retention;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.ssh.SshConnector;
import app.mamori.vault.LocalVault;
import app.mamori.vault.TempPointOwner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a job's retention policy: {@link #plan} from the catalogue alone, {@link #execute}
 * removes each point's catalogue rows unless it is held by then, then deletes its folder from its
 * vault, and logs it. Rows go first so that a hold always wins: a folder whose delete failed stays
 * on disk, where {@code mamori catalog rebuild} finds it again.
 */
public final class Pruner {
    private static final System.Logger LOG = System.getLogger(Pruner.class.getName());
    /** SERVER/JOB/POINT, each a plain name (model.Names; points add -N): nothing else is ever deleted. */
    private static final Pattern LOCATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*){2}");

    /** Up to this many points, a window's checks are read by their ids. */
    private static final int ID_LIST = 100;

    private final Catalog catalog;
    private final SshConnector ssh;
    private final Clock clock;
    private final ZoneId zone;

    public Pruner(Catalog catalog, SshConnector ssh, Clock clock, ZoneId zone) {
        this.catalog = catalog;
        this.ssh = ssh;
        this.clock = clock;
        this.zone = zone;
    }

    public PruneJobPlan plan(String job) {
        return plan(job, catalog.retention().get(job));
    }

    /** What {@code policy} would keep and remove of the job's points now: the preview of a policy not saved yet. */
    public PruneJobPlan plan(String job, RetentionPolicy policy) {
        PrunePlan plan = retention(job, policy);
        Map<String, RecordedPoint> removed = new LinkedHashMap<>();
        catalog.points().withIds(plan.remove().stream().map(Candidate::id).toList())
                .forEach(p -> removed.put(p.id(), p));
        return new PruneJobPlan(job, policy, zone, plan, removed);
    }

    /**
     * The retention plan alone, with the policy saved for the job: why each point is kept. It reads
     * what retention needs of each point ({@link PointStore#briefs}), not the points themselves.
     */
    public PrunePlan retention(String job) {
        return retention(job, catalog.retention().get(job));
    }

    /**
     * As {@link #retention(String)}, but right only for the points dated {@code since} or later (a
     * timeline window from there): a point's reasons depend on the points newer than it alone, save
     * "newest" (none verified yet), which an older verified point would take instead; only then,
     * and only when a check of an older point ever passed, is the whole history read. Reads the
     * checks of those points, not of the job.
     */
    public PrunePlan retentionSince(String job, Instant since) {
        RetentionPolicy policy = catalog.retention().get(job);
        List<PointStore.Brief> briefs = catalog.points().briefs(job, since);
        // a long window reads the job's checks as one range of their (job) index, not thousands of ids
        PrunePlan plan = retention(job, policy, briefs, briefs.size() > ID_LIST ? catalog.verifications().latestOfJob(job)
                : catalog.verifications().latestOfPoints(briefs.stream().map(PointStore.Brief::id).toList()));
        boolean noneVerified = plan.keep().stream()
                .anyMatch(k -> k.reasons().stream().anyMatch(r -> r.rule() == Reason.Rule.NEWEST));
        return noneVerified && catalog.verifications().passedBefore(job, since) ? retention(job, policy) : plan;
    }

    private PrunePlan retention(String job, RetentionPolicy policy) {
        return retention(job, policy, catalog.points().briefs(job), catalog.verifications().latestOfJob(job));
    }

    private PrunePlan retention(String job, RetentionPolicy policy, List<PointStore.Brief> briefs,
                                Map<String, Map<String, Verification>> checks) {
        catalog.jobs().get(job);
        Set<String> released = catalog.points().released(job);
        Map<String, String> holds = catalog.holds().ofJob(job);
        List<Candidate> candidates = new ArrayList<>();
        for (PointStore.Brief p : briefs) {
            if (p.status() != RunStatus.SUCCEEDED) {
                continue;
            }
            boolean safetyHeld = p.kind() == PointKind.PRE_RESTORE && !released.contains(p.id());
            Map<String, Verification> latest = checks.get(p.id());
            candidates.add(new Candidate(p.id(), p.time(), safetyHeld, Optional.ofNullable(holds.get(p.id())),
                    verified(p.sources(), latest), checkFailed(latest)));
        }
        boolean lastRunFailed = catalog.runs().latestEnded(job).map(r -> r.status() != RunStatus.SUCCEEDED)
                .orElse(false);
        return Retention.plan(candidates, policy, clock.instant(), zone, lastRunFailed);
    }

    /** Verified: every artifact's newest check passed. */
    private static boolean verified(List<String> sources, Map<String, Verification> latest) {
        return latest != null && !sources.isEmpty() && sources.stream()
                .allMatch(s -> latest.containsKey(s) && !latest.get(s).failed());
    }

    /** Damaged: the newest check of one of its artifacts failed. */
    private static boolean checkFailed(Map<String, Verification> latest) {
        return latest != null && latest.values().stream().anyMatch(Verification::failed);
    }

    /** Takes the job's lock, then executes; throws {@link JobBusyException} while the job runs. */
    public PruneResult execute(PruneJobPlan plan) {
        try (JobLock ignored = JobLock.acquire(locksDir(catalog), plan.job())) {
            return executeLocked(plan);
        }
    }

    /** For a caller that already holds the job's lock: the backup that just succeeded. */
    PruneResult executeLocked(PruneJobPlan plan) {
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> spared = new ArrayList<>();
        long freed = 0;
        Map<String, List<RecordedPoint>> byVault = new LinkedHashMap<>();
        plan.removals().forEach(p -> byVault.computeIfAbsent(p.point().vault(), v -> new ArrayList<>()).add(p));
        for (var entry : byVault.entrySet()) {
            Optional<Vault> vault = catalog.vaults().find(entry.getKey());
            if (vault.isEmpty()) {
                entry.getValue().forEach(p -> failures.add(p.id() + ": its vault " + entry.getKey()
                        + " is no longer configured; add it again to prune it"));
                continue;
            }
            try (VaultDeleter deleter = deleter(vault.get())) {
                for (RecordedPoint p : entry.getValue()) {
                    if (!forget(plan, p, spared, failures)) {
                        continue;
                    }
                    try {
                        freed += deleter.delete(p.point().location());
                        removed.add(p.id());
                        event(plan.job(), p.point().server(), EventLevel.INFO, "point-pruned", "restore point " + p.id()
                                + " removed by retention (" + plan.policy() + ")", "pointPruned", p.id());
                    } catch (IOException | RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "cannot delete the folder of pruned point " + p.id(), e);
                        String left = p.id() + ": removed from the catalogue, but its folder " + p.point().location()
                                + " in vault " + p.point().vault() + " could not be deleted (" + e.getMessage()
                                + "); it stays on disk, and `mamori catalog rebuild " + p.point().vault()
                                + "` finds it again";
                        failures.add(left);
                        event(plan.job(), p.point().server(), EventLevel.WARNING, "point-pruned", left,
                                "pointPrunedFolderLeft", p.id(), p.point().location(), p.point().vault(),
                                e.getMessage());
                    }
                }
            } catch (IOException | RuntimeException e) {
                entry.getValue().forEach(p -> failures.add(p.id() + ": " + e.getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            event(plan.job(), null, EventLevel.WARNING, "prune-failed", "prune of job " + plan.job() + " could not"
                    + " remove " + failures.size() + " point(s): " + failures.get(0), "pruneFailed", plan.job(),
                    failures.size(), failures.get(0));
        }
        return new PruneResult(plan.job(), removed, freed, failures, spared);
    }

    /**
     * Removes the point's catalogue rows first, in the write that checks its holds, so a hold taken
     * by another process since the plan was made wins; only then may its folder go. False when it
     * stays: held now (added to {@code spared}), or the catalogue failed (added to {@code failures}).
     */
    private boolean forget(PruneJobPlan plan, RecordedPoint p, List<String> spared, List<String> failures) {
        try {
            if (catalog.points().removeUnlessHeld(p.id())) {
                return true;
            }
            spared.add(p.id());
            event(plan.job(), p.point().server(), EventLevel.INFO, "point-held", "restore point " + p.id()
                    + " was not pruned: it was held after the prune was planned", "pointHeldDuringPrune", p.id());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot prune " + p.id(), e);
            failures.add(p.id() + ": " + e.getMessage());
        }
        return false;
    }

    public static Path locksDir(Catalog catalog) {
        return catalog.file().toAbsolutePath().getParent().resolve("locks");
    }

    private VaultDeleter deleter(Vault vault) throws IOException {
        if (!vault.isRemote()) {
            LocalVault local = new LocalVault(Path.of(vault.path()));
            return new VaultDeleter() {
                @Override
                public long delete(String location) throws IOException {
                    return local.removePoint(checked(location));
                }

                @Override
                public void close() {
                }
            };
        }
        RemoteShell shell = ssh.connect(catalog.servers().get(vault.server().get()));
        String root = vault.path().length() > 1 && vault.path().endsWith("/")
                ? vault.path().substring(0, vault.path().length() - 1) : vault.path();
        return new VaultDeleter() {
            @Override
            public long delete(String location) throws IOException {
                String path = root + "/" + checked(location);
                String dir = ShellQuote.quote(path);
                // as LocalVault.removePoint: marked and renamed to a temp name in one step before
                // its files go, so a prune cut short leaves a temp folder for the sweep, not half a point
                String temp = ShellQuote.quote(path.substring(0, path.lastIndexOf('/') + 1)
                        + TempPointOwner.tempName(path.substring(path.lastIndexOf('/') + 1)));
                String marker = ShellQuote.quote(path + "/" + TempPointOwner.FILE_NAME);
                String out = RemotePointTarget.run(shell, "[ -e " + dir + " ] || { echo 0; exit 0; }; "
                        + "[ ! -L " + dir + " ] && [ -f " + dir + "/manifest.json ] || { echo " + dir
                        + "' holds no manifest.json, so it is not a restore point; nothing was deleted' >&2; exit 3; }; "
                        + "find " + dir + " -type f -links 1 -printf '%s\\n' | awk '{s+=$1} END {print s+0}'; "
                        + "printf '%s' " + ShellQuote.quote(TempPointOwner.current().format()) + " > " + marker
                        + ".part && mv -- " + marker + ".part " + marker + " && mv -T -- " + dir + " " + temp
                        + " && rm -rf -- " + temp, "cannot delete " + root + "/" + location + " on server "
                        + vault.server().get());
                return Long.parseLong(out.strip());
            }

            @Override
            public void close() {
                shell.close();
            }
        };
    }

    private static String checked(String location) throws IOException {
        if (!LOCATION.matcher(location).matches() || location.contains("/../") || location.contains("/./")) {
            throw new IOException("'" + location + "' is not a restore point's folder (SERVER/JOB/POINT); nothing"
                    + " was deleted");
        }
        return location;
    }

    private void event(String job, String server, EventLevel level, String kind, String message, String key,
                       Object... args) {
        Event e = Event.at(clock.instant(), level, kind, message).withPhrase(key, args).withJob(job);
        catalog.events().add(server == null ? e : e.withServer(server));
    }

    /** Deletes point folders in one vault, holding its connection when it is on a server. */
    private interface VaultDeleter extends AutoCloseable {
        long delete(String location) throws IOException;

        @Override
        void close();
    }
}
