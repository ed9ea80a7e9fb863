package app.mamori.engine.verify;

import app.mamori.catalog.Verification.Method;
import app.mamori.model.Artifact;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.Vault;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which artifacts a verification checks, how, and every remote command it will run. */
public record VerifyPlan(List<Item> items) {
    public VerifyPlan {
        items = List.copyOf(items);
    }

    /**
     * One artifact and its checks, in the order they run (the first failure ends the artifact's checks).
     *
     * @param location     the point's folder, relative to the vault's root
     * @param source       the source as configured now; empty when it was removed (only vault-side checks then)
     * @param server       the source's server, where format checks and drills run
     * @param vaultServer  for a vault on a server, that server, where the checksum runs
     * @param scratch      for a drill, the scratch database name or temp file path
     * @param commands     every remote command, as it will run (no secret in any)
     * @param notes        what is not checked and why
     */
    public record Item(String pointId, String job, Instant pointTime, Artifact artifact, Vault vault, String location,
                       Optional<Source> source, Optional<Server> server, Optional<Server> vaultServer,
                       List<Method> checks, Optional<String> scratch, List<String> commands, List<String> notes) {
        public Item {
            checks = List.copyOf(checks);
            commands = List.copyOf(commands);
            notes = List.copyOf(notes);
        }

        /** The artifact's path as a person finds it: vault path, point folder, file. */
        public String file() {
            String root = vault.path().endsWith("/") ? vault.path() : vault.path() + "/";
            return root + location + "/" + artifact.path();
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
