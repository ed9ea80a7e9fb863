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

/** Notices about runs, written for the admin who reads them on a phone, in the notifier's language. Pure. */
public final class RunNotices {
    private RunNotices() {
    }

    public static Notice of(NoticeText t, RunResult r, String server, Instant now) {
        return r.ok() ? success(t, r, server, now) : failure(t, r, server, now);
    }

    static Notice success(NoticeText t, RunResult r, String server, Instant now) {
        String point = r.point().map(p -> p.id()).orElse("?");
        long bytes = r.sources().stream().filter(s -> s.entry() != null).mapToLong(s -> s.entry().size()).sum();
        StringBuilder text = new StringBuilder(t.t(r.sources().size() == 1 ? "success.head.one" : "success.head.many",
                point, r.sources().size(), Bytes.human(bytes))).append('\n');
        for (SourceResult s : r.sources()) {
            text.append("- ").append(s.source()).append(": ").append(Bytes.human(s.entry().size())).append('\n');
        }
        Map<String, Object> f = base(r, server);
        f.put("point", point);
        f.put("bytes", bytes);
        return t.notice(NotifyEvent.SUCCESS, t.t("success.title", r.job(), server), text.toString().strip(), f, now,
                false);
    }

    static Notice failure(NoticeText t, RunResult r, String server, Instant now) {
        List<SourceResult> failed = r.sources().stream().filter(s -> !s.ok()).toList();
        StringBuilder text = new StringBuilder();
        if (failed.isEmpty()) {
            text.append(t.t("failure.run", t.t("status." + r.status().id()), r.error())).append('\n');
        } else {
            for (SourceResult s : failed) {
                text.append(t.t("failure.source", s.source(), s.error())).append('\n');
            }
        }
        text.append('\n').append(t.t("failure.noPoint")).append('\n');
        text.append(t.t("tryThis")).append('\n').append(t.t("failure.try.again", r.job())).append('\n')
                .append(t.t("failure.try.server", server)).append('\n').append(t.t("failure.try.log", r.runId()));
        Map<String, Object> f = base(r, server);
        f.put("failedSources", failed.stream().map(SourceResult::source).toList());
        f.put("error", r.error());
        f.put("hint", "mamori backup " + r.job());
        return t.notice(NotifyEvent.FAILURE, t.t("failure.title", r.job(), server), text.toString(), f, now, false);
    }

    /** A job that could not even start: a source, server or vault it names is missing, or the lock is held. */
    public static Notice notStarted(NoticeText t, String job, String error, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("job", job);
        f.put("status", "not-started");
        f.put("error", error);
        return t.notice(NotifyEvent.FAILURE, t.t("notStarted.title", job),
                error + "\n\n" + t.t("notStarted.text", job), f, now, false);
    }

    public static Notice test(NoticeText t, String notifier, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("notifier", notifier);
        return t.notice(NotifyEvent.SUCCESS, t.t("test.title", notifier), t.t("test.text", notifier), f, now, true);
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
