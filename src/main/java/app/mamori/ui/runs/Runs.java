package app.mamori.ui.runs;

import app.mamori.service.RunService;
import app.mamori.engine.BackupListener;
import app.mamori.engine.BackupPlan;
import app.mamori.model.Note;
import app.mamori.engine.RunResult;
import app.mamori.engine.SourceResult;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.Format;
import app.mamori.ui.fx.UiExecutor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The backups the app has started, newest per job. Several jobs run at once, each on its own
 * worker; a job already running is not started twice (the engine's job lock also stops a
 * second process).
 */
public final class Runs {
    /** Progress reaches the screen at most this often per source: a 1 GB dump calls progress thousands of times. */
    static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    private final AppContext app;
    private final ObservableMap<String, RunViewModel> byJob = FXCollections.observableHashMap();
    private final SimpleIntegerProperty finished = new SimpleIntegerProperty();

    public Runs(AppContext app) {
        this.app = app;
    }

    private RunWords words() {
        return new RunWords(app.text(), new Format(app.text(), ZoneId.systemDefault()));
    }

    /** Starts a backup of {@code job} now, or returns the run already going. Call on the FX thread. */
    public RunViewModel start(String job) {
        RunViewModel current = byJob.get(job);
        if (current != null && current.running()) {
            return current;
        }
        RunViewModel vm = new RunViewModel(job, words());
        byJob.put(job, vm);
        UiExecutor ex = app.executor();
        RunService service = app.services().runs();
        ex.submit(() -> {
            BackupPlan plan = service.plan(job);
            ex.onUi(() -> vm.planned(plan));
            return service.execute(plan, new Bridge(vm, ex, words()), vm.cancelToken()).result();
        }, result -> {
            vm.finished(result);
            finished.set(finished.get() + 1);
        }, error -> {
            vm.failedToStart(error);
            finished.set(finished.get() + 1);
        });
        return vm;
    }

    public ObservableMap<String, RunViewModel> byJob() {
        return FXCollections.unmodifiableObservableMap(byJob);
    }

    /** Counts finished runs: screens that show results refresh when it changes. */
    public ReadOnlyIntegerProperty finishedProperty() {
        return finished;
    }

    public boolean anyRunning() {
        return byJob.values().stream().anyMatch(RunViewModel::running);
    }

    /**
     * A listener for runs the engine starts by itself (the scheduler's due jobs, one after
     * another on one worker): each run appears here as if started from the app.
     */
    public BackupListener forScheduledRuns() {
        UiExecutor ex = app.executor();
        return new BackupListener() {
            private Bridge current;

            @Override
            public void runStarted(BackupPlan plan, long runId) {
                RunWords words = words();
                RunViewModel vm = new RunViewModel(plan.job().name(), words);
                current = new Bridge(vm, ex, words);
                ex.onUi(() -> {
                    byJob.put(vm.job(), vm);
                    vm.planned(plan);
                    vm.appendLog(words.startedBySchedule());
                });
            }

            @Override
            public void sourceStarted(BackupPlan.Step step) {
                current.sourceStarted(step);
            }

            @Override
            public void progress(BackupPlan.Step step, long bytes, long expectedBytes, long elapsedNanos) {
                current.progress(step, bytes, expectedBytes, elapsedNanos);
            }

            @Override
            public void sourceFinished(SourceResult result) {
                current.sourceFinished(result);
            }

            @Override
            public void log(String line) {
                current.log(line);
            }

            @Override
            public void note(Note note) {
                current.note(note);
            }

            @Override
            public void runFinished(RunResult result) {
                RunViewModel vm = current.vm;
                ex.onUi(() -> {
                    vm.finished(result);
                    finished.set(finished.get() + 1);
                });
            }
        };
    }

    /** The engine's listener, called on the worker: every change goes to the FX thread through the executor. */
    static final class Bridge implements BackupListener {
        private final RunViewModel vm;
        private final UiExecutor ex;
        private final RunWords words;
        private final ConcurrentHashMap<String, Long> lastShown = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, AtomicBoolean> pending = new ConcurrentHashMap<>();
        /** The newest figures per source, shown or not: the end of a source shows them whatever was skipped. */
        private final ConcurrentHashMap<String, long[]> latest = new ConcurrentHashMap<>();

        Bridge(RunViewModel vm, UiExecutor ex, RunWords words) {
            this.vm = vm;
            this.ex = ex;
            this.words = words;
        }

        @Override
        public void sourceStarted(BackupPlan.Step step) {
            String name = step.source().name();
            ex.onUi(() -> {
                SourceProgress p = vm.source(name);
                if (p != null) {
                    p.started();
                }
                vm.appendLog(words.started(step));
            });
        }

        @Override
        public void progress(BackupPlan.Step step, long bytes, long expectedBytes, long elapsedNanos) {
            String name = step.source().name();
            latest.put(name, new long[]{bytes, expectedBytes, elapsedNanos});
            long now = System.nanoTime();
            Long last = lastShown.get(name);
            if (last != null && now - last < PROGRESS_EVERY_NANOS) {
                return;
            }
            AtomicBoolean busy = pending.computeIfAbsent(name, k -> new AtomicBoolean());
            if (!busy.compareAndSet(false, true)) {
                return; // the FX thread has not shown the last update yet: skip, the next one carries newer numbers
            }
            lastShown.put(name, now);
            ex.onUi(() -> {
                busy.set(false);
                SourceProgress p = vm.source(name);
                if (p != null) {
                    p.progress(bytes, expectedBytes, elapsedNanos);
                }
            });
        }

        @Override
        public void sourceFinished(SourceResult result) {
            long[] last = latest.get(result.source());
            ex.onUi(() -> {
                SourceProgress p = vm.source(result.source());
                if (p != null && last != null) {
                    p.progress(last[0], last[1], last[2]);
                }
                vm.sourceFinished(result);
                vm.appendLog(words.finished(result));
            });
        }

        @Override
        public void log(String line) {
            ex.onUi(() -> vm.appendLog(line));
        }

        @Override
        public void note(Note note) {
            String line = words.note(note);
            ex.onUi(() -> vm.appendLog(line));
        }
    }
}
