package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.model.Job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The locks of several jobs held together, all or none: a restore holds the job of the point it
 * reads and every job that backs up the source it writes; a check holds the jobs of the points
 * it reads. Taken in name order, each at once (never waiting), so two holders cannot deadlock.
 */
public final class JobLocks implements AutoCloseable {
    private final Set<String> jobs;
    private final List<JobLock> locks;

    private JobLocks(Set<String> jobs, List<JobLock> locks) {
        this.jobs = jobs;
        this.locks = locks;
    }

    /** @throws JobBusyException naming the first job found busy; then none is held */
    public static JobLocks acquire(Catalog catalog, Collection<String> jobs, String activity) {
        Set<String> sorted = new TreeSet<>(jobs);
        List<JobLock> held = new ArrayList<>();
        try {
            for (String job : sorted) {
                held.add(JobLock.acquire(Pruner.locksDir(catalog), job, activity));
            }
        } catch (RuntimeException e) {
            held.forEach(JobLock::close);
            throw e;
        }
        return new JobLocks(Set.copyOf(sorted), List.copyOf(held));
    }

    /** The jobs whose sources include {@code source}: whose next backup would read what a restore writes. */
    public static List<String> backingUp(Catalog catalog, String source) {
        return catalog.jobs().list().stream().filter(j -> j.sources().contains(source)).map(Job::name).toList();
    }

    public boolean holds(String job) {
        return jobs.contains(job);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (JobLock lock : locks) {
            try {
                lock.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
