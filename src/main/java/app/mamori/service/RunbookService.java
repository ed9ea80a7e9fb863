package app.mamori.service;

import app.mamori.catalog.RunbookStore;
import app.mamori.engine.config.ConfigFile;
import app.mamori.engine.config.ConfigYaml;
import app.mamori.engine.runbook.Runbook;
import app.mamori.engine.runbook.RunbookBuilder;
import app.mamori.engine.runbook.RunbookDocument;
import app.mamori.engine.runbook.RunbookFormat;
import app.mamori.engine.runbook.RunbookText;
import app.mamori.ssh.PinnedKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The disaster-recovery runbook, for {@code mamori runbook} and the app's Export runbook action. */
public final class RunbookService {
    private final Services services;

    RunbookService(Services services) {
        this.services = services;
    }

    /** The runbook's text: every server, or only {@code server}. */
    public String write(Optional<String> server, RunbookFormat format, RunbookText text, ZoneId zone)
            throws IOException {
        return RunbookDocument.write(build(server, text), format, text, zone);
    }

    /** The offsite recovery sheet's text (see {@link RunbookDocument#writeRecoverySheet}). */
    public String writeRecoverySheet(RunbookFormat format, RunbookText text, ZoneId zone) throws IOException {
        return RunbookDocument.writeRecoverySheet(build(Optional.empty(), text), format, text, zone);
    }

    private Runbook build(Optional<String> server, RunbookText text) throws IOException {
        ConfigFile config = services.config().read();
        String hash = ConfigYaml.hash(ConfigYaml.write(config));
        return new RunbookBuilder(services.catalog(), new PinnedKeys(services.home().knownHostsFile()), text)
                .build(server, hash, config.secrets(), services.clock().instant());
    }

    /** Writes the runbook to {@code file} through a temp file beside it, so a printout never comes from half a file. */
    public void export(Path file, Optional<String> server, RunbookFormat format, RunbookText text, ZoneId zone)
            throws IOException {
        save(file, write(server, format, text, zone));
    }

    /** Writes the offsite recovery sheet to {@code file}, as {@link #export} writes the runbook. */
    public void exportRecoverySheet(Path file, RunbookFormat format, RunbookText text, ZoneId zone) throws IOException {
        save(file, writeRecoverySheet(format, text, zone));
    }

    private static void save(Path file, String doc) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".runbook", ".tmp");
        try {
            Files.writeString(tmp, doc, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Someone to call on a bad day, in the order they were entered. */
    public List<RunbookStore.Contact> contacts() {
        return services.catalog().runbook().contacts();
    }

    public void setContacts(List<RunbookStore.Contact> contacts) {
        services.catalog().runbook().setContacts(contacts);
    }

    /** The order {@code server}'s sources are restored in when it is lost; empty: databases first. */
    public List<String> restoreOrder(String server) {
        return services.catalog().runbook().restoreOrder(server);
    }

    public void setRestoreOrder(String server, List<String> sources) {
        services.catalog().runbook().setRestoreOrder(server, sources);
    }

    /** The hash of the current configuration's export: what a printout's stamp is compared with. */
    public String configHash() throws IOException {
        return ConfigYaml.hash(services.config().exportYaml());
    }
}
