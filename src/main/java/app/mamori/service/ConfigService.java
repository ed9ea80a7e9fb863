package app.mamori.service;

import app.mamori.engine.config.ConfigExport;
import app.mamori.engine.config.ConfigFile;
import app.mamori.engine.config.ConfigImport;
import app.mamori.engine.config.ConfigYaml;
import app.mamori.ssh.PinnedKeys;

import java.io.IOException;
import java.util.Map;

/** The configuration as a YAML file: export it, plan an import of one, carry the plan out. */
public final class ConfigService {
    private final Services services;

    ConfigService(Services services) {
        this.services = services;
    }

    /** This workstation's configuration: no secret in it, only their names. */
    public ConfigFile read() throws IOException {
        return ConfigExport.read(services.catalog(), pinned());
    }

    public String exportYaml() throws IOException {
        return ConfigYaml.write(read());
    }

    /** What importing {@code yaml} would add and change; changes nothing. */
    public ConfigImport.Plan plan(String yaml) throws IOException {
        return ConfigImport.plan(services.catalog(), pinned(), services.secrets(), ConfigYaml.read(yaml));
    }

    /** Applies a plan; {@code secrets} are the missing ones, by name. */
    public void apply(ConfigImport.Plan plan, Map<String, String> secrets) throws IOException {
        ConfigImport.apply(plan, services.catalog(), pinned(), services.secrets(), secrets);
    }

    private PinnedKeys pinned() {
        return new PinnedKeys(services.home().knownHostsFile());
    }
}
