package app.mamori.engine.verify;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.source.CheckCommands;
import app.mamori.source.RestoreCommand;
import app.mamori.source.RestoreCommands;
import app.mamori.source.TableCounts;

import java.util.ArrayList;
import java.util.List;

/**
 * The remote commands of one drill: restore into the scratch target (the same commands a
 * restore to a new database, path or volume runs), count its tables (hash its files, for
 * file trees and volumes), remove it.
 *
 * @param countSecret whether the count and remove commands read the password from stdin
 */
record DrillSteps(List<RestoreCommand> restore, String count, String remove, boolean countSecret) {

    static DrillSteps of(Source source, String scratch, String dumpCommand) {
        if (source instanceof Source.Files) {
            return privateTree(scratch, RestoreCommands.filesToPath(tree(scratch)));
        }
        if (source instanceof Source.DockerVolume) {
            return new DrillSteps(List.of(RestoreCommands.volumeToNew(scratch)), CheckCommands.hashVolume(scratch),
                    CheckCommands.removeDrillVolume(scratch), false);
        }
        if (source instanceof Source.Sqlite) {
            return new DrillSteps(List.of(RestoreCommands.sqlite(scratch, false)), TableCounts.sqlite(scratch),
                    CheckCommands.removeFile(scratch), false);
        }
        Source.Database db = (Source.Database) source;
        String client = RestoreCommands.mysqlClientFor(dumpCommand);
        boolean postgres = db.kind() == SourceKind.POSTGRES;
        List<RestoreCommand> restore = postgres ? RestoreCommands.postgresToNewDatabase(db, scratch)
                : RestoreCommands.mysqlToNewDatabase(db, client, scratch);
        Source.Database copy = CheckCommands.scratch(db, scratch);
        return new DrillSteps(restore, postgres ? TableCounts.postgres(copy) : TableCounts.mysql(copy, client),
                CheckCommands.dropDatabase(db, client, scratch), db.hasPassword());
    }

    /**
     * Whether the first restore command only creates the empty scratch database (postgres and
     * mysql: CREATE DATABASE, then the load): its failure says nothing about the artifact.
     */
    boolean createsScratchFirst() {
        return restore.size() > 1 && !restore.get(0).artifactOnStdin() && restore.get(0).purpose().startsWith("create database");
    }

    /**
     * A files drill: the tree goes into {@code <root>/tree} under a root made 0700 first (umask
     * 077 for what the copy creates), so a file whose parents kept other users out on the source
     * stays out of their reach in /var/tmp while the drill runs, whatever modes the copy restores.
     * The whole root is removed afterwards.
     */
    static DrillSteps privateTree(String root, RestoreCommand fill) {
        RestoreCommand inPrivateRoot = new RestoreCommand(RestoreCommands.inPrivateRoot(fill.said(), root),
                "umask 077 && mkdir -m 700 -- " + app.mamori.ssh.ShellQuote.quote(root) + " && { " + fill.command()
                        + "; }", fill.secretOnStdin(), fill.artifactOnStdin());
        return new DrillSteps(List.of(inPrivateRoot), CheckCommands.hashTree(tree(root)),
                CheckCommands.removeDrillTree(root), false);
    }

    /** Where a files drill's copy lands, inside its private root. */
    static String tree(String root) {
        return root + "/tree";
    }

    List<String> commands() {
        List<String> all = new ArrayList<>();
        restore.forEach(c -> all.add(c.command()));
        all.add(count);
        all.add(remove);
        return all;
    }
}
