package app.mamori.engine.runbook;

import app.mamori.catalog.RunbookStore;
import app.mamori.catalog.Verification;
import app.mamori.engine.config.ConfigFile;
import app.mamori.engine.objective.JobObjectives;
import app.mamori.model.Job;
import app.mamori.model.RetentionPolicy;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;
import app.mamori.ssh.PinnedKeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the runbook prints, as data; {@link RunbookDocument} lays it out.
 *
 * @param configHash the hash of {@code mamori config export}'s file for this configuration: a
 *                   printout whose hash differs from the current export's is out of date
 */
public record Runbook(Instant generatedAt, String configHash, List<ServerPart> servers,
                      List<RunbookStore.Contact> contacts, List<Vault> vaults, List<ConfigFile.Secret> secrets,
                      List<Offsite> offsite) {

    /** An offsite vault (object storage) and the jobs whose points are copied there. */
    public record Offsite(app.mamori.model.ObjectVault vault, List<String> jobs) {
    }

    /** One server: its keys, its jobs, and its sources in the order to restore them in. */
    public record ServerPart(Server server, List<PinnedKeys.Key> hostKeys, List<PinnedKeys.Key> jumpHostKeys,
                             List<JobPart> jobs, List<SourcePart> sources, boolean orderSetByAdmin) {
    }

    /**
     * @param newestGood    the newest point no check found damaged: where to restore from
     * @param lastVerified  the newest check that passed on any of the job's points
     */
    public record JobPart(Job job, Vault vault, Optional<String> schedule, Optional<String> scheduleWords,
                          RetentionPolicy retention, Optional<JobObjectives> objectives, Optional<Point> newestGood,
                          Optional<Verification> lastVerified, Optional<String> drillSchedule) {
    }

    /** A restore point as the runbook names it: id, time and the folder it is kept in. */
    public record Point(String id, Instant time, String folder) {
    }

    /**
     * @param artifact where the newest good backup of this source is kept (on this computer, or on
     *                 the server for a vault there)
     * @param restore  the {@code mamori restore} lines, one per kind of target
     * @param manual   the same by hand, with the source's own tools, when Mamori is not there
     */
    public record SourcePart(Source source, Optional<String> job, Optional<Point> newest, Optional<String> artifact,
                             boolean artifactOnServer, List<Line> restore, List<Line> manual,
                             Optional<Verification> latestDrill) {
    }

    /** One command, with what it does. */
    public record Line(String comment, String command) {
    }
}
