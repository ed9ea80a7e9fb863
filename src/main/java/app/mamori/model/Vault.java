package app.mamori.model;

import java.util.Optional;

/**
 * Where restore points are kept: a folder on the workstation (or a NAS mount), or, when
 * {@code server} is present, a folder on that SSH host.
 */
public record Vault(String name, String path, Optional<String> server) {
    public Vault {
        Names.requireValid("vault name", name);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("--path: give the vault's folder");
        }
        server = server == null ? Optional.empty() : server;
    }

    public boolean isRemote() {
        return server.isPresent();
    }
}
