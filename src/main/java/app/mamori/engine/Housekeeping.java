package app.mamori.engine;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.Event;
import app.mamori.catalog.EventLevel;
import app.mamori.catalog.RestoreStore;
import app.mamori.catalog.Run;
import app.mamori.model.Vault;
import app.mamori.vault.LocalVault;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What every start does first: runs left "running" by a process that died (crash, power
 * loss, kill -9) are recorded as interrupted, and the half-written points they left in the
 * local vaults are removed (only those Mamori's marker proves abandoned: see
 * {@link app.mamori.vault.TempPointOwner}).
 */
public final class Housekeeping {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private Housekeeping() {
    }

    public static void afterStart(Catalog catalog) {
        for (Run run : catalog.runs().markInterruptedRuns()) {
            catalog.events().add(Event.at(Instant.now(), EventLevel.ERROR, "run-interrupted",
                    "backup of job " + run.job() + " (run " + run.id() + ") was interrupted: its process ended"
                            + " before the run finished; no restore point was kept")
                    .withPhrase("runInterrupted", run.job(), run.id()).withJob(run.job()).withRun(run.id()));
        }
        for (RestoreStore.Underway r : catalog.restores().takeCutOff()) {
            String message = "a restore of " + r.source() + " from point " + r.point() + " to " + r.target()
                    + " was cut off: the process that ran it (" + r.pid() + ") ended before it finished, so "
                    + r.target() + " may be half restored" + r.safetyPoint().map(p -> "; the state before it is in"
                    + " safety point " + p + ": restore that point to go back").orElse("; no safety copy was taken");
            Event e = Event.at(Instant.now(), EventLevel.ERROR, "restore-interrupted", message)
                    .withPhrase(r.safetyPoint().isPresent() ? "restoreInterruptedSafety" : "restoreInterrupted",
                            r.source(), r.point(), r.target(), r.safetyPoint().orElse(""));
            e = r.server().map(e::withServer).orElse(e);
            catalog.events().add(r.job().map(e::withJob).orElse(e));
        }
        for (Vault vault : catalog.vaults().list()) {
            if (vault.isRemote()) {
                continue;
            }
            try {
                LocalVault.Sweep sweep = new LocalVault(Path.of(vault.path())).removeTempPoints();
                sweep.notes().forEach(n -> LOG.log(System.Logger.Level.INFO, "vault " + vault.name() + ": " + n));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot clean vault " + vault.name() + ": " + e.getMessage(), e);
            }
        }
    }
}
