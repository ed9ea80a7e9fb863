package app.mamori.ui.vaults;

import app.mamori.catalog.Verification;
import app.mamori.engine.offsite.CopyListener;
import app.mamori.engine.offsite.CopyResult;
import app.mamori.engine.runbook.RunbookFormat;
import app.mamori.engine.runbook.RunbookText;
import app.mamori.engine.verify.VerifyListener;
import app.mamori.model.CopySettings;
import app.mamori.model.Job;
import app.mamori.model.ObjectVault;
import app.mamori.model.RetentionPolicy;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.CheckWords;
import app.mamori.ui.fx.ErrorWords;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.NoteWords;
import app.mamori.util.CancelToken;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Offsite copies in the app: the object vaults, which jobs copy to which with what kept there,
 * copying a job now (with progress, and Stop), and the recovery sheet, as the CLI's
 * {@code vault add --s3}, {@code job set --copy-to}, {@code copy} and {@code runbook --recovery-sheet}.
 */
public final class OffsiteViewModel {
    /** An object vault and the jobs whose points are copied to it. */
    public record VaultLine(ObjectVault vault, List<String> jobs) {
    }

    /** A job that copies its points offsite; {@code locks}: its copies still under Object Lock, if any. */
    public record CopyLine(String job, String vault, RetentionPolicy keep,
                           Optional<app.mamori.service.OffsiteService.Locks> locks) {
    }

    private final AppContext app;
    private final Format format;
    private final ObservableList<VaultLine> vaults = FXCollections.observableArrayList();
    private final ObservableList<CopyLine> copies = FXCollections.observableArrayList();
    private final ObservableList<String> jobs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper copying = new ReadOnlyBooleanWrapper(false);
    private CancelToken cancel = CancelToken.none();

    public OffsiteViewModel(AppContext app, Format format) {
        this.app = app;
        this.format = format;
    }

    public ObservableList<VaultLine> vaults() {
        return vaults;
    }

    public ObservableList<CopyLine> copies() {
        return copies;
    }

    /** Every job, for choosing one to copy. */
    public ObservableList<String> jobs() {
        return jobs;
    }

    /** What the last command did, how a copy is going, or why something failed. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty copying() {
        return copying.getReadOnlyProperty();
    }

    private record Listing(List<VaultLine> vaults, List<CopyLine> copies, List<String> jobs) {
    }

    public void refresh() {
        app.executor().submit(() -> {
            var offsite = app.services().offsite();
            List<CopyLine> copyLines = new ArrayList<>();
            List<String> names = app.services().jobs().list().stream().map(Job::name).toList();
            for (String job : names) {
                offsite.copyOf(job).ifPresent(c -> copyLines.add(new CopyLine(c.job(), c.vault(), c.keep(),
                        offsite.locksOf(job))));
            }
            List<VaultLine> vaultLines = offsite.vaults().stream().map(v -> new VaultLine(v, copyLines.stream()
                    .filter(c -> c.vault().equals(v.name())).map(CopyLine::job).toList())).toList();
            return new Listing(vaultLines, copyLines, names);
        }, l -> {
            if (!vaults.equals(l.vaults())) {
                vaults.setAll(l.vaults());
            }
            if (!copies.equals(l.copies())) {
                copies.setAll(l.copies());
            }
            if (!jobs.equals(l.jobs())) {
                jobs.setAll(l.jobs());
            }
        }, e -> message.set(text(e)));
    }

    /**
     * Adds an object vault after the bucket answered to the key (and, encrypted, after the
     * vault's key was set up or opened with the passphrase); secrets go to the secret store.
     */
    public void addVault(ObjectVault vault, String secretKey, Optional<String> passphrase, Runnable done,
                         Consumer<String> failed) {
        app.executor().submit(() -> app.services().offsite().addVault(vault, secretKey, passphrase), v -> {
            message.set(app.text().t("offsite.added", v.name()));
            refresh();
            done.run();
        }, e -> failed.accept(text(e)));
    }

    /**
     * Changes an encrypted vault's passphrase (see {@code OffsiteService#changePassphrase}); on
     * the worker, never logged.
     */
    public void changePassphrase(String vault, String current, String fresh, Runnable done, Consumer<String> failed) {
        app.executor().submit(() -> {
            app.services().offsite().changePassphrase(vault, current, fresh);
            return vault;
        }, v -> {
            message.set(app.text().t("offsite.passphrase.changed", v));
            done.run();
        }, e -> failed.accept(text(e)));
    }

    /** Forgets an object vault and its secrets; the bucket and the copies in it stay. */
    public void removeVault(String name) {
        app.executor().submit(() -> app.services().offsite().removeVault(name), removed -> {
            message.set(app.text().t("offsite.removed", name));
            refresh();
        }, e -> message.set(text(e)));
    }

    /** From now on {@code job}'s new points are copied to {@code vault}, keeping there what {@code keep} says. */
    public void setCopy(String job, String vault, RetentionPolicy keep, Runnable done, Consumer<String> failed) {
        app.executor().submit(() -> {
            app.services().offsite().setCopy(job, vault, keep);
            return job;
        }, j -> {
            message.set(app.text().t("offsite.copySet", j, vault, keep(keep)));
            refresh();
            done.run();
        }, e -> failed.accept(text(e)));
    }

    /** {@code job} stops copying its new points offsite; the copies made stay. */
    public void removeCopy(String job) {
        app.executor().submit(() -> {
            app.services().offsite().removeCopy(job);
            return job;
        }, j -> {
            message.set(app.text().t("offsite.copyRemoved", j));
            refresh();
        }, e -> message.set(text(e)));
    }

    /** Copies what the job's object vault lacks now, saying how far it is, at what speed and how long is left. */
    public void copyNow(String job) {
        if (copying.get()) {
            return;
        }
        CancelToken token = new CancelToken();
        cancel = token;
        copying.set(true);
        message.set(app.text().t("offsite.copy.starting", job));
        CopyListener listener = new CopyListener() {
            @Override
            public void progress(String point, String artifact, long done, long total, long elapsedNanos) {
                String line = progressText(point, done, total, elapsedNanos);
                app.executor().onUi(() -> message.set(line));
            }
        };
        app.executor().submit(() -> app.services().offsite().copy(job, Optional.empty(), OptionalLong.empty(),
                listener, token), results -> {
            copying.set(false);
            message.set(summary(app.text(), job, results));
            refresh();
        }, e -> {
            copying.set(false);
            message.set(token.isCancelled() ? app.text().t("offsite.copy.stopped", job) : text(e));
        });
    }

    /**
     * Drills the job's copies in its object vault as {@code verify --job JOB --from-vault VAULT
     * --drill} does: each copy downloaded, checked and restored into scratch, recorded as a check
     * of the copy. Shares the copy's busy state and Stop.
     */
    public void checkCopies(String job, String vault) {
        if (copying.get()) {
            return;
        }
        CancelToken token = new CancelToken();
        cancel = token;
        copying.set(true);
        message.set(app.text().t("offsite.check.starting", job, vault));
        app.executor().submit(() -> app.services().offsite().verify(vault, Optional.of(job), Optional.empty(), true,
                new VerifyListener() { }, token), r -> {
            copying.set(false);
            long points = r.checks().stream().map(Verification::point).distinct().count();
            message.set(r.ok() && !r.warnings().isEmpty() ? app.text().t("offsite.check.passedWarned", job, vault,
                    points, CheckWords.list(app.text(), r.warnings()))
                    : r.ok() ? app.text().t("offsite.check.passed", job, vault, points)
                    : app.text().t("offsite.check.failed", job, vault, r.failures().get(0).point(),
                    CheckWords.detail(app.text(), r.failures().get(0).said())));
        }, e -> {
            copying.set(false);
            message.set(token.isCancelled() ? app.text().t("offsite.copy.stopped", job) : text(e));
        });
    }

    public void stopCopy() {
        cancel.cancel();
    }

    /** Writes the offsite recovery sheet (HTML when the name ends in .html, else Markdown), in the app's language. */
    public void exportRecoverySheet(Path file) {
        RunbookFormat f = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")
                ? RunbookFormat.HTML : RunbookFormat.MD;
        app.executor().submit(() -> {
            app.services().runbook().exportRecoverySheet(file, f, new RunbookText(app.text().locale()),
                    ZoneId.systemDefault());
            return file;
        }, p -> message.set(app.text().t("offsite.sheet.written", p)), e -> message.set(text(e)));
    }

    /** An object vault's lock in words: "30 days", or "none". */
    public String lock(ObjectVault v) {
        return v.locked() ? app.text().t("offsite.lock.days", v.objectLockDays()) : app.text().t("offsite.lock.none");
    }

    /** A job's locked copies in words: "3 copies, the last until 2026-12-24 15:31", or "-" when none is locked. */
    public String locks(CopyLine l) {
        return l.locks().map(k -> app.text().t("offsite.locked", k.copies(), format.when(k.lastUntil())))
                .orElse("-");
    }

    /** The keep rules in words, e.g. "the newest 7 days, 12 months"; "everything" when none is set. */
    public String keep(RetentionPolicy p) {
        return new app.mamori.ui.fx.RetentionWords(app.text()).policy(p);
    }

    String progressText(String point, long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 && total > done ? format.eta((long) Math.ceil((total - done) / rate)) : "-";
        return app.text().t("offsite.copy.progress", point, format.bytes(done), format.bytes(total),
                format.rate((long) rate), left);
    }

    /** What a copy of {@code job}'s points did: how many, or how many failed and why the first one did. */
    static String summary(I18n text, String job, List<CopyResult> results) {
        long failed = results.stream().filter(r -> !r.ok()).count();
        return failed == 0 ? text.t("offsite.copy.done", job, results.size())
                : text.t("offsite.copy.failed", job, failed, results.stream().map(CopyResult::failure)
                .flatMap(Optional::stream).findFirst().map(n -> NoteWords.reason(text, n)).orElse(""));
    }

    private String text(Throwable e) {
        return ErrorWords.say(app.text(), e);
    }
}
