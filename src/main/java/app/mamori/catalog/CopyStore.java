package app.mamori.catalog;

import app.mamori.model.CopySettings;
import app.mamori.model.ObjectVault;
import app.mamori.model.PointCopy;
import app.mamori.model.RestorePoint;
import app.mamori.model.RetentionPolicy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Object vaults, where each job's points are copied, and which copies exist. */
public final class CopyStore {
    private final CatalogConnection db;
    private final Clock clock;

    CopyStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void addVault(ObjectVault v) {
        db.write(c -> {
            if (VaultStore.exists(c, v.name()) || vaultExists(c, v.name())) {
                throw CatalogException.refused("vaultExists", "vault '" + v.name() + "' already exists; choose another name",
                        v.name());
            }
            Rows.update(c, "INSERT INTO object_vaults (name, bucket, prefix, endpoint, region, path_style,"
                    + " access_key_id, encrypted, object_lock_days, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.name(), v.bucket(), v.prefix(), v.endpoint(), v.region(), v.pathStyle() ? 1 : 0, v.accessKeyId(),
                    v.encrypted() ? 1 : 0, v.objectLockDays(), clock.instant());
            return null;
        });
    }

    public Optional<ObjectVault> findVault(String name) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT * FROM object_vaults WHERE name = ?", CopyStore::vault, name));
    }

    public ObjectVault getVault(String name) {
        return findVault(name).orElseThrow(() -> new CatalogException("no object vault '" + name
                + "'; add one with: mamori vault add " + name + " --s3 BUCKET ..."));
    }

    public List<ObjectVault> listVaults() {
        return db.autocommit(c -> Rows.query(c, "SELECT * FROM object_vaults ORDER BY name", CopyStore::vault));
    }

    /** Forgets an object vault no job copies to; the objects in the bucket are left alone. */
    public boolean removeVault(String name) {
        return db.write(c -> {
            List<String> jobs = Rows.names(c, "SELECT job FROM job_copies WHERE vault = ? ORDER BY job", name);
            if (!jobs.isEmpty()) {
                throw new CatalogException("vault '" + name + "' is where job " + Rows.quoted(jobs) + " copies its"
                        + " points; change that first (mamori job set JOB --no-copy)");
            }
            Rows.update(c, "DELETE FROM point_copies WHERE vault = ?", name);
            return Rows.update(c, "DELETE FROM object_vaults WHERE name = ?", name) > 0;
        });
    }

    public void setCopy(CopySettings s) {
        db.write(c -> {
            if (!JobStore.exists(c, s.job())) {
                throw new CatalogException("job '" + s.job() + "' does not exist");
            }
            if (!vaultExists(c, s.vault())) {
                throw new CatalogException("--copy-to: '" + s.vault() + "' is not an object vault; add one with:"
                        + " mamori vault add " + s.vault() + " --s3 BUCKET ...");
            }
            RetentionPolicy k = s.keep();
            Rows.update(c, "DELETE FROM job_copies WHERE job = ?", s.job());
            Rows.update(c, "INSERT INTO job_copies (job, vault, keep_last, keep_hourly, keep_daily, keep_weekly,"
                    + " keep_monthly, keep_yearly) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.job(), s.vault(), k.last(),
                    k.hourly(), k.daily(), k.weekly(), k.monthly(), k.yearly());
            return null;
        });
    }

    public void removeCopy(String job) {
        db.write(c -> Rows.update(c, "DELETE FROM job_copies WHERE job = ?", job));
    }

    public Optional<CopySettings> copyOf(String job) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT * FROM job_copies WHERE job = ?", CopyStore::settings, job));
    }

    /** {@link #copyOf} of every job that copies offsite, by job, in one query. */
    public Map<String, CopySettings> copyOfEachJob() {
        return db.autocommit(c -> {
            Map<String, CopySettings> out = new LinkedHashMap<>();
            Rows.query(c, "SELECT * FROM job_copies ORDER BY job", CopyStore::settings).forEach(s -> out.put(s.job(), s));
            return out;
        });
    }

    private static CopySettings settings(ResultSet r) throws SQLException {
        return new CopySettings(r.getString("job"), r.getString("vault"), new RetentionPolicy(r.getInt("keep_last"),
                r.getInt("keep_hourly"), r.getInt("keep_daily"), r.getInt("keep_weekly"), r.getInt("keep_monthly"),
                r.getInt("keep_yearly")));
    }

    /** Records the newest attempt to copy {@code point} (taken at {@code pointTime}, in folder {@code location}). */
    public void recordCopy(RestorePoint point, String vault, PointCopy.Status status, Instant time, String error) {
        recordCopy(point, vault, status, time, error, null);
    }

    /**
     * As above, for a copy whose objects are locked until {@code lockedUntil} (null: not locked).
     * A lock recorded before is never shortened: objects an earlier attempt wrote stay locked in
     * the bucket whatever this attempt did.
     */
    public void recordCopy(RestorePoint point, String vault, PointCopy.Status status, Instant time, String error,
                           Instant lockedUntil) {
        db.write(c -> Rows.update(c, "INSERT INTO point_copies (point, vault, location, point_time, status, time, error,"
                + " locked_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (point, vault) DO UPDATE SET"
                + " status = excluded.status, time = excluded.time, error = excluded.error,"
                + " locked_until = max(coalesce(point_copies.locked_until, excluded.locked_until),"
                + " coalesce(excluded.locked_until, point_copies.locked_until))", point.id(), vault, point.location(),
                point.time(), status.id(), time, error, lockedUntil));
    }

    /** A point copied to an object vault, as the offsite retention sees it; locked until {@code lockedUntil} if given. */
    public record Copied(String point, String location, Instant pointTime, Optional<Instant> lockedUntil) {
    }

    /** {@code job}'s points with a finished copy in {@code vault}, whether or not the local point still exists. */
    public List<Copied> copiedOfJob(String job, String vault) {
        // ids are JOB/POINT: the range from 'JOB/' to 'JOB0' ('0' follows '/') is the job's, on the primary key
        return db.autocommit(c -> Rows.query(c, "SELECT point, location, point_time, locked_until FROM point_copies"
                + " WHERE point > ? AND point < ? AND vault = ? AND status = 'copied' ORDER BY point",
                r -> new Copied(r.getString("point"), r.getString("location"), Rows.instant(r, "point_time"),
                        Rows.optionalInstant(r, "locked_until")),
                job + "/", job + "0", vault));
    }

    /** When the newest of {@code job}'s points with a finished copy in {@code vault} was taken; empty when none is. */
    public Optional<Instant> newestCopied(String job, String vault) {
        return db.autocommit(c -> Rows.query(c, "SELECT " + NEWEST_COPIED.formatted("?", "?", "?") + " AS newest",
                r -> Rows.optionalInstant(r, "newest"), job + "/", job + "0", vault)).get(0);
    }

    /**
     * For every job that copies offsite, when its newest point with a finished copy in the job's
     * object vault was taken ({@link #newestCopied}), by job, in one query; absent when none is.
     */
    public Map<String, Instant> newestCopiedOfEachJob() {
        return db.autocommit(c -> {
            Map<String, Instant> out = new HashMap<>();
            Rows.query(c, "SELECT job, " + NEWEST_COPIED.formatted("jc.job || '/'", "jc.job || '0'", "jc.vault")
                    + " AS newest FROM job_copies jc", r -> {
                        String job = r.getString("job");
                        return Rows.optionalInstant(r, "newest").map(t -> out.put(job, t));
                    });
            return out;
        });
    }

    /**
     * For every job with recovery objectives that copies offsite: when each of its points copied
     * to its object vault was taken, from when its objectives were set, oldest first, by job; in
     * one statement (the job's range of the primary key, as in copiedOfJob).
     */
    public Map<String, List<Instant>> copiedSinceObjectives() {
        return db.autocommit(c -> {
            Map<String, List<Instant>> out = new HashMap<>();
            Rows.query(c, "SELECT jc.job, pc.point_time FROM job_objectives o CROSS JOIN job_copies jc ON jc.job = o.job"
                    + " CROSS JOIN point_copies pc ON pc.point > jc.job || '/' AND pc.point < jc.job || '0'"
                    + " AND pc.vault = jc.vault AND pc.status = 'copied' AND pc.point_time >= o.since"
                    + " ORDER BY jc.job, pc.point_time", r -> out.computeIfAbsent(r.getString(1),
                    j -> new ArrayList<>()).add(Rows.instant(r, "point_time")));
            return out;
        });
    }

    /** Ids are JOB/POINT: the job's range of the primary key, from 'JOB/' to 'JOB0', as in copiedOfJob. */
    private static final String NEWEST_COPIED = "(SELECT max(point_time) FROM point_copies"
            + " WHERE point > %s AND point < %s AND vault = %s AND status = 'copied')";

    /** Forgets a copy that was removed from its vault. */
    public void forgetCopy(String point, String vault) {
        db.write(c -> Rows.update(c, "DELETE FROM point_copies WHERE point = ? AND vault = ?", point, vault));
    }

    public Optional<PointCopy> copy(String point, String vault) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT * FROM point_copies WHERE point = ? AND vault = ?",
                CopyStore::copy, point, vault));
    }

    /** The recorded copies of {@code points} (a page of a listing), by point id, each point's in vault order; one query per 500 points. */
    public Map<String, List<PointCopy>> copiesOf(List<String> points) {
        Map<String, List<PointCopy>> out = new TreeMap<>();
        for (int from = 0; from < points.size(); from += IN_LIMIT) {
            List<String> part = points.subList(from, Math.min(points.size(), from + IN_LIMIT));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            db.autocommit(c -> Rows.query(c, "SELECT * FROM point_copies WHERE point IN (" + marks + ")"
                    + " ORDER BY point, vault", CopyStore::copy, part.toArray()))
                    .forEach(p -> out.computeIfAbsent(p.point(), k -> new java.util.ArrayList<>()).add(p));
        }
        return out;
    }

    /** Ids of the points with a finished copy in {@code vault}. */
    public List<String> copiedTo(String vault) {
        return db.autocommit(c -> Rows.names(c, "SELECT point FROM point_copies WHERE vault = ? AND status = 'copied'"
                + " ORDER BY point", vault));
    }

    static boolean vaultExists(Connection c, String name) throws SQLException {
        return Rows.exists(c, "SELECT 1 FROM object_vaults WHERE name = ?", name);
    }

    private static ObjectVault vault(ResultSet r) throws SQLException {
        return new ObjectVault(r.getString("name"), r.getString("bucket"), r.getString("prefix"),
                Rows.optionalString(r, "endpoint"), r.getString("region"), r.getInt("path_style") == 1,
                r.getString("access_key_id"), r.getInt("encrypted") == 1, r.getInt("object_lock_days"));
    }

    private static PointCopy copy(ResultSet r) throws SQLException {
        return new PointCopy(r.getString("point"), r.getString("vault"), PointCopy.Status.fromId(r.getString("status")),
                Rows.instant(r, "time"), Rows.optionalString(r, "error"), Rows.optionalInstant(r, "locked_until"));
    }

    /** Records one check of a point's copy in {@code vault} (see {@code verify --from-vault}). */
    public void recordCheck(String vault, Verification v) {
        db.write(c -> Rows.update(c, "INSERT INTO copy_checks (point, vault, source, job, time, method, result, detail,"
                + " detail_key, detail_args, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.point(), vault,
                v.source(), v.job(), v.time(), v.method().id(), v.result().id(), v.detail(),
                NoteColumns.key(v.said()), NoteColumns.args(v.said()), v.took().toMillis()));
    }

    /** The checks of a point's copy in {@code vault}, oldest first. */
    public List<Verification> checksOf(String point, String vault) {
        return db.autocommit(c -> Rows.query(c, "SELECT * FROM copy_checks WHERE point = ? AND vault = ? ORDER BY id",
                CopyStore::check, point, vault));
    }

    /**
     * The newest check of each source of each copy of {@code points} (a page of a listing, or a
     * timeline's window): by point, then vault, then source. One query per 500 points.
     */
    public Map<String, Map<String, Map<String, Verification>>> latestChecksOf(List<String> points) {
        Map<String, Map<String, Map<String, Verification>>> out = new TreeMap<>();
        for (int from = 0; from < points.size(); from += IN_LIMIT) {
            List<String> part = points.subList(from, Math.min(points.size(), from + IN_LIMIT));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            // ordered by id, so each source's newest check is the one left in the map
            db.autocommit(c -> Rows.query(c, "SELECT * FROM copy_checks WHERE point IN (" + marks + ") ORDER BY id",
                    CopyStore::vaultAndCheck, part.toArray())).forEach(vc -> out.computeIfAbsent(vc.check().point(),
                    k -> new TreeMap<>()).computeIfAbsent(vc.vault(), k -> new java.util.LinkedHashMap<>())
                    .put(vc.check().source(), vc.check()));
        }
        return out;
    }

    /** Points per {@code IN (...)} list: well under SQLite's limit on a statement's parameters. */
    private static final int IN_LIMIT = 500;

    private record VaultCheck(String vault, Verification check) {
    }

    private static VaultCheck vaultAndCheck(ResultSet r) throws SQLException {
        return new VaultCheck(r.getString("vault"), check(r));
    }

    private static Verification check(ResultSet r) throws SQLException {
        return new Verification(r.getString("point"), r.getString("source"), r.getString("job"),
                Rows.instant(r, "time"), Verification.Method.fromId(r.getString("method")),
                Verification.Result.fromId(r.getString("result")), VerificationStore.said(r),
                java.time.Duration.ofMillis(r.getLong("duration_ms")), Optional.empty());
    }
}
