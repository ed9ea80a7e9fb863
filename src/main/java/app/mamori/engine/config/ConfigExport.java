package app.mamori.engine.config;

import app.mamori.catalog.Catalog;
import app.mamori.model.Job;
import app.mamori.model.Server;
import app.mamori.ssh.PinnedKeys;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the configuration out of the catalogue and the pinned host keys, in a stable order. */
public final class ConfigExport {
    private ConfigExport() {
    }

    public static ConfigFile read(Catalog catalog, PinnedKeys pinned) throws IOException {
        List<ConfigFile.ServerEntry> servers = new ArrayList<>();
        for (Server s : sorted(catalog.servers().list(), Server::name)) {
            List<PinnedKeys.Key> jumpKeys = s.jump().isPresent()
                    ? pinned.of(PinnedKeys.alias(s.jump().get().host(), s.jump().get().port())) : List.of();
            servers.add(new ConfigFile.ServerEntry(s, pinned.of(s.hostKeyAlias()), jumpKeys,
                    catalog.runbook().restoreOrder(s.name())));
        }
        List<ConfigFile.JobEntry> jobs = new ArrayList<>();
        for (Job j : sorted(catalog.jobs().list(), Job::name)) {
            jobs.add(new ConfigFile.JobEntry(j, catalog.schedules().find(j.name()).map(x -> x.expression()),
                    catalog.retention().get(j.name()), catalog.objectives().get(j.name()),
                    catalog.drills().find(j.name()).map(d -> d.expression()), catalog.copies().copyOf(j.name()),
                    catalog.pauses().find(j.name()), catalog.stalls().find(j.name())));
        }
        return new ConfigFile(servers, sorted(catalog.sources().list(), x -> x.name()),
                sorted(catalog.vaults().list(), x -> x.name()), jobs, catalog.retention().defaultPolicy(),
                sorted(catalog.notifiers().list(), x -> x.name()), catalog.runbook().contacts(),
                sorted(catalog.copies().listVaults(), x -> x.name()));
    }

    private static <T> List<T> sorted(List<T> list, java.util.function.Function<T, String> name) {
        List<T> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(name));
        return copy;
    }
}
