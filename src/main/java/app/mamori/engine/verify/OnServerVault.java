package app.mamori.engine.verify;

import app.mamori.model.Artifact;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.source.CheckCommands;
import app.mamori.source.RestoreCommand;
import app.mamori.source.RestoreCommands;
import app.mamori.source.files.HostTreeRestore;

import java.util.List;
import java.util.Optional;

/**
 * Format checks and drills of a database dump kept in a vault on the source's own server:
 * the same commands as for a dump on the workstation, reading the file where it is
 * ({@link RestoreCommands#fromFileOnServer}) instead of from the channel, so the dump never
 * crosses the network. A vault on another server gets the checksum only.
 */
final class OnServerVault {
    private OnServerVault() {
    }

    /** Whether {@code a} can be format-checked and drilled where it is kept. */
    static boolean checkable(Artifact a, Vault vault, Optional<Source> source, Optional<Server> server) {
        boolean dump = a.kind() == SourceKind.POSTGRES || a.kind() == SourceKind.MYSQL || a.kind() == SourceKind.SQLITE;
        return dump && sameServer(vault, source, server);
    }

    /** Whether the vault is on the server of a source that still exists. */
    static boolean sameServer(Vault vault, Optional<Source> source, Optional<Server> server) {
        return vault.isRemote() && source.isPresent() && server.isPresent()
                && vault.server().get().equals(server.get().name());
    }

    /**
     * A files snapshot's drill where it is kept: the tree copied into {@code scratch} on the
     * server by rsync (as {@code restore --to-path} from such a vault), hashed, removed.
     */
    static DrillSteps treeDrill(Source files, String scratch, String snapshotDir) {
        return DrillSteps.privateTree(scratch, HostTreeRestore.toPath(snapshotDir, ((Source.Files) files).paths(),
                DrillSteps.tree(scratch), List.of()));
    }

    static boolean zstd(Artifact a) {
        return a.path().endsWith(".zst");
    }

    /** The format check's one command: pg_restore --list, PRAGMA integrity_check, or the dump's tail. */
    static String formatCommand(Source source, Artifact a, String file) {
        return switch (a.kind()) {
            case POSTGRES -> readingFile(new RestoreCommand("pg_restore --list",
                    CheckCommands.postgresList((Source.Database) source), false, true), file, a).command();
            case SQLITE -> readingFile(new RestoreCommand("PRAGMA integrity_check", CheckCommands.sqliteIntegrity(),
                    false, true), file, a).command();
            case MYSQL -> CheckCommands.dumpTail(file, zstd(a));
            default -> throw new IllegalArgumentException(a.kind().id() + " artifacts are not checked on the server");
        };
    }

    /** A drill's steps with every command that read the dump from the channel reading the file instead. */
    static DrillSteps drill(DrillSteps steps, String file, Artifact a) {
        return new DrillSteps(steps.restore().stream().map(c -> c.artifactOnStdin() ? readingFile(c, file, a) : c)
                .toList(), steps.count(), steps.remove(), steps.countSecret());
    }

    private static RestoreCommand readingFile(RestoreCommand c, String file, Artifact a) {
        return RestoreCommands.fromFileOnServer(c, file, zstd(a));
    }
}
