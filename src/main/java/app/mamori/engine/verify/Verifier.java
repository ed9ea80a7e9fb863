package app.mamori.engine.verify;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.Verification;
import app.mamori.catalog.Verification.Method;
import app.mamori.engine.JobBusyException;
import app.mamori.engine.JobLocks;
import app.mamori.model.Note;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.secret.SecretStore;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.SshConnector;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a verification plan: per artifact the checksum, the format check and the drill, in that
 * order, stopping at the first failure. Every check is recorded in the catalogue; every failure
 * also as an error event naming the file.
 */
public final class Verifier {
    private static final System.Logger LOG = System.getLogger(Verifier.class.getName());

    private final Catalog catalog;
    private final SshConnector ssh;
    private final SecretStore secrets;
    private final Clock clock;

    /** Where each check goes: the point's own verifications, or (an offsite copy read back) the copy's checks. */
    private final java.util.function.Consumer<Verification> recorder;
    private final Optional<String> copyIn;

    public Verifier(Catalog catalog, SshConnector ssh, SecretStore secrets, Clock clock) {
        this(catalog, ssh, secrets, clock, Optional.empty());
    }

    private Verifier(Catalog catalog, SshConnector ssh, SecretStore secrets, Clock clock, Optional<String> copyIn) {
        this.catalog = catalog;
        this.ssh = ssh;
        this.secrets = secrets;
        this.clock = clock;
        this.copyIn = copyIn;
        this.recorder = copyIn.<java.util.function.Consumer<Verification>>map(v -> c -> catalog.copies()
                .recordCheck(v, c)).orElse(catalog.verifications()::record);
    }

    /**
     * The same checks of points downloaded from their copies in object vault {@code vault}: each
     * recorded as a check of the copy, never as the point's own verification, so a damaged copy
     * does not make a restore refuse a good local point.
     */
    public Verifier ofCopiesIn(String vault) {
        return new Verifier(catalog, ssh, secrets, clock, Optional.of(vault));
    }

    /**
     * Never throws for a failed check: the result lists every check and how it ended. Holds the
     * locks of the jobs whose points it reads, so a prune cannot delete a point mid-check.
     *
     * @throws JobBusyException when one of those jobs is busy (a backup, a restore); nothing was checked
     */
    public VerifyResult execute(VerifyPlan plan, VerifyListener listener, CancelToken cancel) {
        List<String> jobs = plan.items().stream().map(VerifyPlan.Item::job).distinct().toList();
        String what = plan.items().stream().map(VerifyPlan.Item::pointId).distinct().count() == 1
                ? "check of point " + plan.items().get(0).pointId() : "check of " + plan.items().size() + " artifact(s)";
        try (JobLocks ignored = JobLocks.acquire(catalog, jobs, what)) {
            return executeLocked(plan, listener, cancel);
        }
    }

    private VerifyResult executeLocked(VerifyPlan plan, VerifyListener listener, CancelToken cancel) {
        List<Verification> checks = new ArrayList<>();
        List<Note> warnings = new ArrayList<>();
        List<VerifyResult.NotChecked> notChecked = new ArrayList<>();
        Map<String, RemoteShell> shells = new LinkedHashMap<>();
        boolean cancelled = false;
        try {
            for (VerifyPlan.Item item : plan.items()) {
                for (Method method : item.checks()) {
                    cancel.throwIfCancelled();
                    listener.started(item, method);
                    Instant at = clock.instant();
                    long t0 = System.nanoTime();
                    Outcome o = check(item, method, shells, cancel);
                    if (o.couldNotRun()) {
                        String why = o.detail().english();
                        notChecked.add(new VerifyResult.NotChecked(item.pointId(), item.artifact().source(), method,
                                why));
                        warnings.add(notChecked(item, method, o.detail()));
                        listener.notChecked(item, method, why);
                        // what it left on the server (a scratch database it could not drop) still needs saying
                        o.warnings().forEach(w -> warn(item, w, warnings, listener));
                        event(item, EventLevel.WARNING, "verify-not-run", method.id() + " of "
                                + item.artifact().source() + " in restore point " + item.pointId()
                                + " could not run, so it is not checked (not failed): " + why,
                                o.detail(), "verifyNotRun", method.id(), item.artifact().source(), item.pointId());
                        break;
                    }
                    Verification v = new Verification(item.pointId(), item.artifact().source(), item.job(), at,
                            method, o.ok() ? Verification.Result.VERIFIED : Verification.Result.FAILED, o.detail(),
                            Duration.ofNanos(System.nanoTime() - t0), o.recovery());
                    recorder.accept(v);
                    checks.add(v);
                    o.warnings().forEach(w -> warn(item, w, warnings, listener));
                    listener.checked(item, v);
                    if (!o.ok() && copyIn.isPresent()) {
                        event(item, EventLevel.ERROR, "copy-damaged", "verification FAILED (" + method.id() + ") of"
                                + " the copy in vault " + copyIn.get() + " of " + item.artifact().source()
                                + " in restore point " + item.pointId() + ": " + v.detail() + ". Copy it again with"
                                + " mamori copy " + item.job() + " --point " + item.pointId(), v.said(),
                                "copyCheckFailed", method.id(), item.artifact().source(), item.pointId(), copyIn.get());
                        break;
                    }
                    if (!o.ok()) {
                        event(item, EventLevel.ERROR, "verify-failed", "verification FAILED (" + method.id() + "): "
                                + item.artifact().source() + " in restore point " + item.pointId() + ": " + v.detail()
                                + ". A restore refuses this point until `mamori verify " + item.pointId()
                                + "` passes", v.said(), "verifyFailed", method.id(), item.artifact().source(),
                                item.pointId());
                        break;
                    }
                }
            }
        } catch (CancelToken.CancelledException e) {
            cancelled = true;
        } finally {
            shells.values().forEach(RemoteShell::close);
        }
        VerifyResult result = new VerifyResult(checks, cancelled, warnings, notChecked);
        summary(plan, result);
        return result;
    }

    /** A warning of a check, with the point and source it is about, to the result and the listener. */
    private static void warn(VerifyPlan.Item item, Note w, List<Note> warnings, VerifyListener listener) {
        Note said = warning(item, w);
        warnings.add(said);
        listener.warning(item, said);
    }

    /** What a check that passed warned of, with the point and source it is about, and the warning keyed after it. */
    static Note warning(VerifyPlan.Item item, Note w) {
        return Note.of("checkWarning", item.pointId() + " " + item.artifact().source() + ": " + w.english(),
                w.after(item.pointId(), item.artifact().source()));
    }

    /** A check that could not run, as a warning of the result: point, source, method, and why (keyed after). */
    static Note notChecked(VerifyPlan.Item item, Method method, Note why) {
        return Note.of("notChecked", item.pointId() + " " + item.artifact().source() + ": " + method.id()
                + " NOT CHECKED (this says nothing about the artifact): " + why.english(),
                why.after(item.pointId(), item.artifact().source(), method.id()));
    }

    private Outcome check(VerifyPlan.Item item, Method method, Map<String, RemoteShell> shells, CancelToken cancel)
            throws CancelToken.CancelledException {
        try {
            if (method == Method.CHECKSUM) {
                return item.vault().isRemote()
                        ? Checksums.remote(item, shell(item.vaultServer().orElseThrow(() -> new IOException(
                                "server " + item.vault().server().get() + " of vault " + item.vault().name()
                                        + " is no longer configured")), shells), cancel)
                        : Checksums.local(item, cancel);
            }
            RemoteShell sourceShell = item.server().isPresent() ? shell(item.server().get(), shells) : null;
            if (method == Method.FORMAT) {
                return FormatChecks.check(item, sourceShell, cancel);
            }
            if (item.source().orElseThrow() instanceof Source.Bucket bucket) {
                return BucketDrill.run(item, bucket, secretOf(bucket).orElseThrow(), sourceShell, cancel);
            }
            return Drill.run(item, sourceShell, secretOf(item.source().orElseThrow()), cancel);
        } catch (CancelToken.CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, method.id() + " of " + item.file() + " could not run", e);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            // why, then the cause's keyed reason where it has one (a server that refused the connection)
            Object[] said = app.mamori.model.Noted.after(e, why, item.file());
            return Outcome.couldNotRun(switch (method) {
                case CHECKSUM -> Note.of("checksumCouldNotRun", "checksum of " + item.file() + " could not run: " + why,
                        said);
                case FORMAT -> Note.of("formatCouldNotRun", "format of " + item.file() + " could not run: " + why,
                        said);
                case DRILL -> Note.of("drillCouldNotRun", "drill of " + item.file() + " could not run: " + why, said);
            });
        }
    }

    private RemoteShell shell(Server server, Map<String, RemoteShell> shells) throws IOException {
        RemoteShell open = shells.get(server.name());
        if (open == null) {
            open = ssh.connect(server);
            shells.put(server.name(), open);
        }
        return open;
    }

    private Optional<String> secretOf(Source source) throws IOException {
        if (source instanceof Source.Database d && d.hasPassword()) {
            return Optional.of(secrets.get(SecretStore.sourcePasswordKey(source.name())).orElseThrow(() ->
                    new IOException("the password of source " + source.name() + " is missing from the secret store;"
                            + " set it with: mamori source set-password " + source.name() + " --password-stdin")));
        }
        if (source instanceof Source.Bucket) {
            return Optional.of(secrets.get(SecretStore.sourcePasswordKey(source.name())).orElseThrow(() ->
                    new IOException("the secret access key of source " + source.name() + " is missing from the secret"
                            + " store; set it with: mamori source set-password " + source.name() + " --password-stdin")));
        }
        return Optional.empty();
    }

    private void summary(VerifyPlan plan, VerifyResult result) {
        long failed = result.failures().size();
        long artifacts = plan.items().size();
        String message = "verify: " + artifacts + " artifact(s), " + result.checks().size() + " check(s), " + failed
                + " failed" + (result.notChecked().isEmpty() ? "" : ", " + result.notChecked().size()
                + " could not run") + (result.cancelled() ? ", cancelled" : "");
        catalog.events().add(Event.at(clock.instant(), failed > 0 || result.cancelled() || !result.notChecked().isEmpty()
                ? EventLevel.WARNING
                : EventLevel.INFO, "verify-finished", message).withPhrase("verifyFinished", artifacts,
                result.checks().size(), failed, result.notChecked().size(), result.cancelled() ? 1 : 0));
    }

    /**
     * An event whose phrase ends with what the check found: its English, then its key and
     * arguments, so that the Activity page can say that too in the app's language.
     */
    private void event(VerifyPlan.Item item, EventLevel level, String kind, String message, Note found, String key,
                       Object... args) {
        Event e = Event.at(clock.instant(), level, kind, message).withPhrase(key, found.after(args))
                .withJob(item.job());
        catalog.events().add(item.server().map(s -> e.withServer(s.name())).orElse(e));
    }
}
