package app.mamori.catalog;

import app.mamori.model.RunStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One source's points in time order, read a page or a step at a time through the (source, time)
 * index of artifacts (V020): what the restore wizard lists and chooses from, whatever the length
 * of the source's history. Newest first means time, then id, both descending, as everywhere.
 */
public final class SourceHistory {
    private final CatalogConnection db;

    SourceHistory(CatalogConnection db) {
        this.db = db;
    }

    /**
     * At most {@code limit} of the points holding {@code source}, newest first, older than
     * {@code after} (null: from the newest), with all their artifacts.
     */
    public List<RecordedPoint> page(String source, RecordedPoint after, int limit) {
        String ids = "SELECT point FROM artifacts WHERE source = ?"
                + (after == null ? "" : " AND time <= ? AND (time < ? OR point < ?)")
                + " ORDER BY time DESC, point DESC LIMIT ?";
        Object[] params = after == null ? new Object[]{source, limit}
                : new Object[]{source, after.point().time(), after.point().time(), after.id(), limit};
        return db.autocommit(c -> PointStore.load(c, " WHERE p.id IN (" + ids + ")" + PointStore.NEWEST_FIRST,
                params));
    }

    /** At most {@code limit} of the points holding {@code source} newer than {@code than}, newest first. */
    public List<RecordedPoint> newer(String source, RecordedPoint than, int limit) {
        String ids = "SELECT point FROM artifacts WHERE source = ? AND time >= ? AND (time > ? OR point > ?)"
                + " ORDER BY time, point LIMIT ?";
        return db.autocommit(c -> PointStore.load(c, " WHERE p.id IN (" + ids + ")" + PointStore.NEWEST_FIRST,
                source, than.point().time(), than.point().time(), than.id(), limit));
    }

    /** How many points hold {@code source}: what a page of them is out of. */
    public long count(String source) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT COUNT(*) FROM artifacts WHERE source = ?",
                row -> row.getLong(1), source)).orElse(0L);
    }

    /** Whether any check of {@code source}'s artifacts ever passed: if none did, no point of it is verified. */
    public boolean everVerified(String source) {
        return db.autocommit(c -> Rows.exists(c, "SELECT 1 FROM verifications WHERE source = ?"
                + " AND result = 'verified' LIMIT 1", source));
    }

    /**
     * Hands {@code visit} the points holding {@code source} taken before {@code before} (all when
     * empty), newest first, each with what the newest check of its artifact of {@code source}
     * says, until {@code visit} answers false: a walk that stops where its answer is settled.
     */
    public void walk(String source, Optional<Instant> before, Predicate<Step> visit) {
        String sql = "SELECT a.point, a.time, p.kind, p.status, (SELECT v.result FROM verifications v"
                + " WHERE v.point = a.point AND v.source = a.source ORDER BY v.id DESC LIMIT 1) AS result"
                + " FROM artifacts a JOIN restore_points p ON p.id = a.point WHERE a.source = ? AND a.time < ?"
                + " ORDER BY a.time DESC, a.point DESC";
        db.autocommit(c -> {
            try (PreparedStatement s = Rows.prepare(c, sql, source, before.orElse(Instant.ofEpochMilli(Long.MAX_VALUE)));
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String result = r.getString("result");
                    PointCheck.State check = result == null ? PointCheck.State.UNVERIFIED
                            : Verification.Result.fromId(result) == Verification.Result.VERIFIED
                            ? PointCheck.State.VERIFIED : PointCheck.State.FAILED;
                    if (!visit.test(new Step(r.getString("point"), Rows.instant(r, "time"),
                            PointKind.fromId(r.getString("kind")), RunStatus.fromId(r.getString("status")), check))) {
                        break;
                    }
                }
            }
            return null;
        });
    }

    /** A point of the source as a choice between points sees it; {@code check} of the source's artifact alone. */
    public record Step(String id, Instant time, PointKind kind, RunStatus status, PointCheck.State check) {
    }

    /**
     * The points around {@code point}, newest first: up to {@code limit} in all, about half older,
     * more on one side where the other ends (near the newest or the oldest point).
     */
    public List<RecordedPoint> around(String source, RecordedPoint point, int limit) {
        List<RecordedPoint> older = page(source, point, limit / 2);
        List<RecordedPoint> newer = newer(source, point, limit - 1 - older.size());
        if (older.size() + newer.size() < limit - 1 && older.size() == limit / 2) {
            older = page(source, point, limit - 1 - newer.size());
        }
        List<RecordedPoint> out = new ArrayList<>(newer);
        out.add(point);
        out.addAll(older);
        return Collections.unmodifiableList(out);
    }
}
