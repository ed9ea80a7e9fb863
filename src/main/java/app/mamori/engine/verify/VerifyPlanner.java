package app.mamori.engine.verify;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification.Method;
import app.mamori.model.Artifact;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.source.CheckCommands;
import app.mamori.source.files.HostSnapshotCheck;
import app.mamori.vault.Manifest;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Builds verification plans from the catalogue; reads no vault and touches no server. */
public final class VerifyPlanner {
    /** Prefix of every scratch database and temp file a drill creates; nothing else is ever given it. */
    public static final String SCRATCH_PREFIX = "mamori_drill_";

    private final Catalog catalog;

    public VerifyPlanner(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Which points to verify. */
    public sealed interface Selection {
        record Point(String id) implements Selection {
        }

        record Job(String name) implements Selection {
        }

        record All() implements Selection {
        }
    }

    public VerifyPlan plan(Selection selection, boolean drill) {
        List<RecordedPoint> points;
        if (selection instanceof Selection.Point p) {
            RecordedPoint point = catalog.points().find(p.id()).orElseThrow(() -> new IllegalArgumentException(
                    "no restore point '" + p.id() + "'; see: mamori points"));
            if (point.point().status() != RunStatus.SUCCEEDED) {
                throw new IllegalArgumentException("restore point " + p.id() + " is not a complete backup (its run "
                        + point.point().status().id() + "), so there is nothing to verify; see: mamori points");
            }
            points = List.of(point);
        } else if (selection instanceof Selection.Job j) {
            catalog.jobs().get(j.name());
            points = catalog.points().list(j.name());
        } else {
            points = catalog.points().list(null);
        }
        if (!(selection instanceof Selection.Point)) {
            // points known only from an object vault's copies (catalog rebuild --vault of a bucket) are not
            // verified from here yet: only points in a folder vault
            points = points.stream().filter(r -> catalog.vaults().find(r.point().vault()).isPresent()).toList();
        }
        byte[] nonce = new byte[3];
        new SecureRandom().nextBytes(nonce);
        return build(points, catalog.sources()::find, catalog.servers()::find, catalog.vaults()::get, drill,
                HexFormat.of().formatHex(nonce));
    }

    /**
     * The plan for {@code points}, newest first; points that did not succeed are left out. Pure.
     *
     * @param nonce hex that makes this verification's scratch names its own, so two drills never share one
     */
    public static VerifyPlan build(List<RecordedPoint> points, Function<String, Optional<Source>> sources,
                                   Function<String, Optional<Server>> servers, Function<String, Vault> vaults,
                                   boolean drill, String nonce) {
        List<VerifyPlan.Item> items = new ArrayList<>();
        for (RecordedPoint p : points) {
            if (p.point().status() != RunStatus.SUCCEEDED) {
                continue;
            }
            Vault vault = vaults.apply(p.point().vault());
            Optional<Server> vaultServer = vault.server().flatMap(servers);
            for (Artifact a : p.point().artifacts()) {
                Optional<Source> source = sources.apply(a.source()).filter(s -> s.kind() == a.kind());
                Optional<Server> server = source.flatMap(s -> servers.apply(s.server()));
                String scratch = SCRATCH_PREFIX + nonce + "_" + items.size();
                items.add(item(p, a, vault, vaultServer, source, server, drill, scratch));
            }
        }
        return new VerifyPlan(items);
    }

    private static VerifyPlan.Item item(RecordedPoint p, Artifact a, Vault vault, Optional<Server> vaultServer,
                                        Optional<Source> source, Optional<Server> server, boolean drill,
                                        String scratchName) {
        List<Method> checks = new ArrayList<>(List.of(Method.CHECKSUM));
        List<String> commands = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String location = p.point().location();
        Optional<String> scratch = Optional.empty();
        if (vault.isRemote()) {
            String root = vault.path().endsWith("/") ? vault.path() : vault.path() + "/";
            String file = root + location + "/" + a.path();
            if (a.kind() == SourceKind.FILES) {
                commands.add(HostSnapshotCheck.readIndex(file));
                commands.add(HostSnapshotCheck.hashFiles(file));
            } else {
                commands.add(CheckCommands.hashFile(file));
            }
            if (OnServerVault.checkable(a, vault, source, server)) {
                // the source's own server keeps the dump: the checks read it there
                checks.add(Method.FORMAT);
                commands.add(OnServerVault.formatCommand(source.get(), a, file));
                if (drill) {
                    checks.add(Method.DRILL);
                    scratch = Optional.of(a.kind() == SourceKind.SQLITE ? "/var/tmp/" + scratchName + ".db" : scratchName);
                    commands.addAll(OnServerVault.drill(DrillSteps.of(source.get(), scratch.get(),
                            p.manifest(a.source()).get("command")), file, a).commands());
                }
                notes.add("vault " + vault.name() + " is on server " + vault.server().get() + ", the source's own:"
                        + " every check reads the file there");
            } else if (a.kind() == SourceKind.FILES && OnServerVault.sameServer(vault, source, server)) {
                if (drill) {
                    // the tree is copied on the server into a scratch folder, hashed, compared with the index
                    checks.add(Method.DRILL);
                    scratch = Optional.of("/var/tmp/" + scratchName);
                    commands.addAll(OnServerVault.treeDrill(source.get(), scratch.get(), file).commands());
                }
                notes.add("vault " + vault.name() + " is on server " + vault.server().get() + ", the source's own:"
                        + " the SHA-256 of the index is checked on the workstation, every stored file's there"
                        + (drill ? ", and the drill copies the tree there" : ""));
            } else {
                notes.add("vault " + vault.name() + " is on server " + vault.server().get() + ": the SHA-256 is checked"
                        + " there" + (a.kind() == SourceKind.FILES ? " (the index's on the workstation, every stored"
                        + " file's there)" : "") + "; format checks and drills need a vault on the workstation"
                        + (a.kind() == SourceKind.FILES || a.kind() == SourceKind.DOCKER_VOLUME ? ""
                        : " or on the source's own server"));
            }
            return new VerifyPlan.Item(p.id(), p.point().job(), p.point().time(), a, vault, location, source, server,
                    vaultServer, checks, scratch, commands, notes);
        }
        boolean onServer = a.kind() == SourceKind.POSTGRES || a.kind() == SourceKind.SQLITE;
        if (onServer && (source.isEmpty() || server.isEmpty())) {
            notes.add("source " + a.source() + " is no longer configured, so its format cannot be checked on its"
                    + " server; only the SHA-256 is checked");
        } else {
            checks.add(Method.FORMAT);
            if (a.kind() == SourceKind.POSTGRES) {
                commands.add(CheckCommands.postgresList((Source.Database) source.get()));
            } else if (a.kind() == SourceKind.SQLITE) {
                commands.add(CheckCommands.sqliteIntegrity());
            }
        }
        if (drill && a.kind() == SourceKind.S3_BUCKET && source.isPresent() && server.isPresent()) {
            // a folder of the source's own bucket, outside any --prefix of it; removed after the drill
            checks.add(Method.DRILL);
            scratch = Optional.of(BucketDrill.FOLDER + scratchName + "/");
        } else if (drill && (source.isEmpty() || server.isEmpty())) {
            notes.add("source " + a.source() + " is no longer configured, so no drill can run on its server");
        } else if (drill) {
            checks.add(Method.DRILL);
            scratch = Optional.of(a.kind() == SourceKind.SQLITE ? "/var/tmp/" + scratchName + ".db"
                    : a.kind() == SourceKind.FILES ? "/var/tmp/" + scratchName : scratchName);
            commands.addAll(DrillSteps.of(source.get(), scratch.get(), p.manifest(a.source()).get("command")).commands());
        }
        return new VerifyPlan.Item(p.id(), p.point().job(), p.point().time(), a, vault, location, source, server,
                vaultServer, checks, scratch, commands, notes);
    }

    /** The manifest file of an item's point in a local vault. */
    static java.nio.file.Path manifestFile(VerifyPlan.Item item) {
        return java.nio.file.Path.of(item.vault().path()).resolve(item.location()).resolve(Manifest.FILE_NAME);
    }
}
