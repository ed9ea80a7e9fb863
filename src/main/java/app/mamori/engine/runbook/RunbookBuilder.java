package app.mamori.engine.runbook;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.PointKind;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.Verification;
import app.mamori.engine.config.ConfigFile;
import app.mamori.engine.objective.ObjectiveStatuses;
import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.schedule.Schedule;
import app.mamori.ssh.PinnedKeys;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Gathers the runbook's facts from the catalogue and the pinned host keys; writes nothing. */
public final class RunbookBuilder {
    private final Catalog catalog;
    private final PinnedKeys pinned;
    private final RunbookText text;

    public RunbookBuilder(Catalog catalog, PinnedKeys pinned, RunbookText text) {
        this.catalog = catalog;
        this.pinned = pinned;
        this.text = text;
    }

    /** @param server only this server, or every server when empty */
    public Runbook build(Optional<String> server, String configHash, List<ConfigFile.Secret> secrets, Instant now)
            throws IOException {
        List<Server> servers = new ArrayList<>(catalog.servers().list());
        servers.sort(Comparator.comparing(Server::name));
        if (server.isPresent()) {
            Server only = catalog.servers().find(server.get()).orElseThrow(() -> new IllegalArgumentException(
                    "--server: no server '" + server.get() + "'; see: mamori server list"));
            servers = List.of(only);
        }
        List<Runbook.ServerPart> parts = new ArrayList<>();
        Set<Vault> vaults = new LinkedHashSet<>();
        for (Server s : servers) {
            parts.add(server(s, now, vaults));
        }
        List<Runbook.Offsite> offsite = new ArrayList<>();
        for (app.mamori.model.ObjectVault v : catalog.copies().listVaults()) {
            List<String> jobs = new ArrayList<>();
            for (Runbook.ServerPart p : parts) {
                for (Runbook.JobPart j : p.jobs()) {
                    catalog.copies().copyOf(j.job().name()).filter(c -> c.vault().equals(v.name()))
                            .ifPresent(c -> jobs.add(j.job().name()));
                }
            }
            offsite.add(new Runbook.Offsite(v, List.copyOf(jobs)));
        }
        return new Runbook(now, configHash, parts, catalog.runbook().contacts(), List.copyOf(vaults), secrets,
                List.copyOf(offsite));
    }

    private Runbook.ServerPart server(Server s, Instant now, Set<Vault> vaults) throws IOException {
        List<Job> jobs = catalog.jobs().list().stream()
                .filter(j -> !j.sources().isEmpty() && catalog.sources().find(j.sources().get(0))
                        .map(x -> x.server().equals(s.name())).orElse(false))
                .sorted(Comparator.comparing(Job::name)).toList();
        List<Runbook.JobPart> jobParts = new ArrayList<>();
        for (Job j : jobs) {
            Vault v = catalog.vaults().get(j.vault());
            vaults.add(v);
            jobParts.add(job(j, v, now));
        }
        List<String> order = catalog.runbook().restoreOrder(s.name());
        List<Source> sources = new ArrayList<>(catalog.sources().onServer(s.name()));
        // the admin's order first; the rest databases first, then files and volumes, as applications need them
        sources.sort(Comparator.<Source>comparingInt(x -> order.contains(x.name()) ? order.indexOf(x.name())
                : order.size() + rank(x.kind())).thenComparing(Source::name));
        List<Runbook.SourcePart> sourceParts = new ArrayList<>();
        for (Source src : sources) {
            sourceParts.add(source(s, src, jobs));
        }
        List<PinnedKeys.Key> jumpKeys = s.jump().isPresent()
                ? pinned.of(PinnedKeys.alias(s.jump().get().host(), s.jump().get().port())) : List.of();
        return new Runbook.ServerPart(s, pinned.of(s.hostKeyAlias()), jumpKeys, jobParts, sourceParts,
                !order.isEmpty());
    }

    private static int rank(SourceKind k) {
        return switch (k) {
            case POSTGRES, MYSQL -> 0;
            case SQLITE -> 1;
            case DOCKER_VOLUME -> 2;
            case FILES -> 3;
            case S3_BUCKET -> 4;
        };
    }

    private Runbook.JobPart job(Job j, Vault v, Instant now) {
        Optional<String> schedule = catalog.schedules().find(j.name()).map(x -> x.expression());
        Optional<String> words = schedule.flatMap(x -> {
            try {
                return Optional.of(Schedule.parse(x).describe());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        List<RecordedPoint> points = good(j.name());
        Optional<Runbook.Point> newest = ObjectiveStatuses.newestGood(catalog, points).map(p -> point(p, v));
        Optional<Verification> verified = catalog.verifications().forJob(j.name()).stream()
                .filter(x -> !x.failed()).findFirst();
        return new Runbook.JobPart(j, v, schedule, words, catalog.retention().get(j.name()),
                ObjectiveStatuses.of(catalog, j, now), newest, verified,
                catalog.drills().find(j.name()).map(d -> d.expression()));
    }

    private List<RecordedPoint> good(String job) {
        return catalog.points().list(job).stream()
                .filter(p -> p.kind() == PointKind.NORMAL && p.point().status() == RunStatus.SUCCEEDED).toList();
    }

    private static Runbook.Point point(RecordedPoint p, Vault v) {
        return new Runbook.Point(p.id(), p.point().time(), folder(v, p));
    }

    private static String folder(Vault v, RecordedPoint p) {
        return v.path().replaceAll("/+$", "") + "/" + p.point().location();
    }

    private Runbook.SourcePart source(Server server, Source src, List<Job> jobs) {
        Optional<Job> job = jobs.stream().filter(j -> j.sources().contains(src.name())).findFirst();
        Optional<RecordedPoint> newest = Optional.empty();
        Optional<Vault> vault = Optional.empty();
        if (job.isPresent()) {
            List<RecordedPoint> withSource = good(job.get().name()).stream()
                    .filter(p -> p.point().artifacts().stream().anyMatch(a -> a.source().equals(src.name()))).toList();
            newest = ObjectiveStatuses.newestGood(catalog, withSource);
            vault = catalog.vaults().find(job.get().vault());
        }
        Optional<String> artifact = Optional.empty();
        boolean onServer = false;
        if (newest.isPresent() && vault.isPresent()) {
            Vault v = catalog.vaults().find(newest.get().point().vault()).orElse(vault.get());
            Artifact a = newest.get().point().artifacts().stream().filter(x -> x.source().equals(src.name()))
                    .findFirst().orElseThrow();
            artifact = Optional.of(folder(v, newest.get()) + "/" + a.path());
            onServer = v.isRemote();
        }
        Optional<Vault> v = vault;
        List<Runbook.Line> manual = artifact.map(f -> RestoreSteps.manual(src, server, f, v.map(Vault::isRemote)
                .orElse(false), text)).orElse(List.of());
        return new Runbook.SourcePart(src, job.map(Job::name), newest.flatMap(p -> v.map(x -> point(p, x))), artifact,
                onServer, RestoreSteps.mamori(src, text), manual, catalog.verifications().latestDrill(src.name()));
    }
}
