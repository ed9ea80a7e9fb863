package app.mamori.catalog;

import app.mamori.model.Job;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Jobs: sources of one server, in the order they are taken, and the vault they go to. */
public final class JobStore {
    private final CatalogConnection db;
    private final Clock clock;

    JobStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void add(Job job) {
        db.write(c -> {
            if (exists(c, job.name())) {
                throw CatalogException.refused("jobExists", "job '" + job.name() + "' already exists", job.name());
            }
            requireValidReferences(c, job);
            Rows.update(c, "INSERT INTO jobs (name, vault, created) VALUES (?, ?, ?)",
                    job.name(), job.vault(), clock.instant());
            for (int position = 0; position < job.sources().size(); position++) {
                Rows.update(c, "INSERT INTO job_sources (job, position, source) VALUES (?, ?, ?)",
                        job.name(), position, job.sources().get(position));
            }
            RetentionStore.applyDefault(c, job.name());
            return null;
        });
    }

    /** Changes an existing job's sources and vault; its runs, points, schedule and policy stay. */
    public void update(Job job) {
        db.write(c -> {
            if (!exists(c, job.name())) {
                throw CatalogException.refused("jobGone", "job '" + job.name() + "' does not exist", job.name());
            }
            requireValidReferences(c, job);
            Rows.update(c, "UPDATE jobs SET vault = ? WHERE name = ?", job.vault(), job.name());
            Rows.update(c, "DELETE FROM job_sources WHERE job = ?", job.name());
            for (int position = 0; position < job.sources().size(); position++) {
                Rows.update(c, "INSERT INTO job_sources (job, position, source) VALUES (?, ?, ?)",
                        job.name(), position, job.sources().get(position));
            }
            return null;
        });
    }

    private static void requireValidReferences(Connection c, Job job) throws SQLException {
        if (!VaultStore.exists(c, job.vault())) {
            throw CatalogException.refused("vaultGone", "job '" + job.name() + "' uses vault '" + job.vault()
                    + "', which does not exist", job.vault());
        }
        Set<String> seen = new HashSet<>();
        Set<String> servers = new TreeSet<>();
        for (String source : job.sources()) {
            if (!seen.add(source)) {
                throw new CatalogException("job '" + job.name() + "' lists source '" + source + "' twice");
            }
            Optional<String> server = SourceStore.serverOf(c, source);
            if (server.isEmpty()) {
                throw CatalogException.refused("sourceGone", "job '" + job.name() + "' uses source '" + source
                        + "', which does not exist", source);
            }
            servers.add(server.get());
        }
        if (servers.size() > 1) {
            throw new CatalogException("job '" + job.name() + "' takes sources from servers "
                    + Rows.quoted(List.copyOf(servers)) + "; a job backs up one server, so make one job per server");
        }
    }

    public Optional<Job> find(String name) {
        return db.autocommit(c -> find(c, name));
    }

    public Job get(String name) {
        return find(name).orElseThrow(() -> CatalogException.refused("jobGone", "job '" + name + "' does not exist",
                name));
    }

    /** Every job, by name; two queries however many jobs there are. */
    public List<Job> list() {
        return db.autocommit(c -> {
            Map<String, List<String>> sources = new HashMap<>();
            Rows.query(c, "SELECT job, source FROM job_sources ORDER BY job, position", row -> sources
                    .computeIfAbsent(row.getString(1), j -> new ArrayList<>()).add(row.getString(2)));
            return Rows.query(c, "SELECT name, vault FROM jobs ORDER BY name", row -> new Job(row.getString(1),
                    sources.getOrDefault(row.getString(1), List.of()), row.getString(2)));
        });
    }

    /** Forgets a job; its runs and restore points stay in the history and the vault. */
    public void remove(String name) {
        db.write(c -> {
            if (Rows.update(c, "DELETE FROM jobs WHERE name = ?", name) == 0) {
                throw CatalogException.refused("jobGone", "job '" + name + "' does not exist", name);
            }
            return null;
        });
    }

    static boolean exists(Connection c, String name) throws SQLException {
        return Rows.exists(c, "SELECT 1 FROM jobs WHERE name = ?", name);
    }

    private static Optional<Job> find(Connection c, String name) throws SQLException {
        Optional<String> vault = Rows.queryOne(c, "SELECT vault FROM jobs WHERE name = ?",
                row -> row.getString(1), name);
        if (vault.isEmpty()) {
            return Optional.empty();
        }
        List<String> sources = Rows.names(c, "SELECT source FROM job_sources WHERE job = ? ORDER BY position", name);
        return Optional.of(new Job(name, sources, vault.get()));
    }
}
