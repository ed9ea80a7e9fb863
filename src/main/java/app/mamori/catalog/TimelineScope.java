package app.mamori.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * Which sources a timeline shows: one job's, one server's, or every job's at once.
 *
 * @param job    only this job's sources, when present
 * @param server only the sources of jobs on this server, when present (never together with a job)
 */
public record TimelineScope(Optional<String> job, Optional<String> server) {

    public TimelineScope {
        job = job == null ? Optional.empty() : job;
        server = server == null ? Optional.empty() : server;
        if (job.isPresent() && server.isPresent()) {
            throw new IllegalArgumentException("a timeline shows one job or one server, not both; give --job or"
                    + " --server");
        }
    }

    public static TimelineScope everything() {
        return new TimelineScope(Optional.empty(), Optional.empty());
    }

    public static TimelineScope job(String job) {
        return new TimelineScope(Optional.of(Objects.requireNonNull(job, "job")), Optional.empty());
    }

    public static TimelineScope server(String server) {
        return new TimelineScope(Optional.empty(), Optional.of(Objects.requireNonNull(server, "server")));
    }

    /** From two optional command-line values, either of which may be null. */
    public static TimelineScope of(String job, String server) {
        return new TimelineScope(Optional.ofNullable(job), Optional.ofNullable(server));
    }

    @Override
    public String toString() {
        return job.map(j -> "job " + j).or(() -> server.map(s -> "server " + s)).orElse("every job");
    }
}
