package app.mamori.engine;

import app.mamori.model.Job;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;

import java.util.List;

/**
 * What a run will do, built from the catalogue alone (no I/O), so it can be shown and tested
 * before anything happens.
 */
public record BackupPlan(Job job, Server server, Vault vault, List<Step> steps) {
    public BackupPlan {
        steps = List.copyOf(steps);
    }

    /** One source to dump, and how. */
    public record Step(String job, Source source, String description) {
        public String serverName() {
            return source.server();
        }
    }
}
