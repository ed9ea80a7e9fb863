package app.mamori.engine.notify;

import app.mamori.engine.RunResult;
import app.mamori.engine.SourceResult;
import app.mamori.model.NotifyEvent;
import app.mamori.notify.Notice;
import app.mamori.util.Bytes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Notices about runs, written for the admin who reads them on a phone. Pure. */
public final class RunNotices {
    private RunNotices() {
    }

    public static Notice of(RunResult r, String server, Instant now) {
        return r.ok() ? success(r, server, now) : failure(r, server, now);
    }

    static Notice success(RunResult r, String server, Instant now) {
        String point = r.point().map(p -> p.id()).orElse("?");
        long bytes = r.sources().stream().filter(s -> s.entry() != null).mapToLong(s -> s.entry().size()).sum();
        StringBuilder text = new StringBuilder("Restore point " + point + " holds " + r.sources().size()
                + (r.sources().size() == 1 ? " source" : " sources") + " (" + Bytes.human(bytes) + " stored):\n");
        for (SourceResult s : r.sources()) {
            text.append("- ").append(s.source()).append(": ").append(Bytes.human(s.entry().size())).append('\n');
        }
        Map<String, Object> f = base(r, server);
        f.put("point", point);
        f.put("bytes", bytes);
        return new Notice(NotifyEvent.SUCCESS, "Backup of job " + r.job() + " on server " + server + " succeeded",
                text.toString().strip(), f, now, false);
    }

    static Notice failure(RunResult r, String server, Instant now) {
        List<SourceResult> failed = r.sources().stream().filter(s -> !s.ok()).toList();
        StringBuilder text = new StringBuilder();
        if (failed.isEmpty()) {
            text.append("The run ").append(r.status().id()).append(": ").append(r.error()).append('\n');
        } else {
            for (SourceResult s : failed) {
                text.append("Source ").append(s.source()).append(" failed: ").append(s.error()).append('\n');
            }
        }
        text.append("\nNo new restore point was made; earlier restore points are kept as they were.\n");
        text.append("What to try:\n").append("- run it again now: mamori backup ").append(r.job()).append('\n')
                .append("- check the connection and the tools on the server: mamori server test ").append(server)
                .append('\n').append("- the run's full log is in Mamori's Activity view (run ").append(r.runId())
                .append(")");
        Map<String, Object> f = base(r, server);
        f.put("failedSources", failed.stream().map(SourceResult::source).toList());
        f.put("error", r.error());
        f.put("hint", "mamori backup " + r.job());
        return new Notice(NotifyEvent.FAILURE, "Backup of job " + r.job() + " on server " + server + " failed",
                text.toString(), f, now, false);
    }

    /** A job that could not even start: a source, server or vault it names is missing, or the lock is held. */
    public static Notice notStarted(String job, String error, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("job", job);
        f.put("status", "not-started");
        f.put("error", error);
        return new Notice(NotifyEvent.FAILURE, "Backup of job " + job + " could not start",
                error + "\n\nNo backup was taken. Fix the job (mamori job list) and run: mamori backup " + job,
                f, now, false);
    }

    public static Notice test(String notifier, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("notifier", notifier);
        return new Notice(NotifyEvent.SUCCESS, "Test message from notifier " + notifier,
                "If you can read this, Mamori's notifier " + notifier + " reaches you. Nothing else happened.",
                f, now, true);
    }

    private static Map<String, Object> base(RunResult r, String server) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("server", server);
        f.put("job", r.job());
        f.put("run", r.runId());
        f.put("status", r.status().id());
        f.put("sources", r.sources().stream().map(SourceResult::source).toList());
        return f;
    }
}
