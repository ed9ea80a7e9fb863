package app.mamori.service;

import app.mamori.model.Refused;
import app.mamori.model.Vault;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.vault.SecureFiles;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Vaults: a folder on this computer (or a NAS mount), or a folder on a server. */
public final class VaultService {
    private final Services services;

    VaultService(Services services) {
        this.services = services;
    }

    /** Bytes on disk (a hard-linked file counted once) and bytes free where the vault lives. */
    public record Usage(long used, long free) {
    }

    public List<Vault> list() {
        return services.catalog().vaults().list();
    }

    public Optional<Vault> find(String name) {
        return services.catalog().vaults().find(name);
    }

    /**
     * Adds a vault in a folder on this computer, created private (0700) when missing. A path
     * that is a file, or a folder this user cannot write, is refused with what to do.
     *
     * @return the vault as stored, with its absolute path
     */
    public Vault addLocal(String name, String path) throws IOException {
        requireNew(name);
        Path dir = Path.of(path).toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw Refused.of("vaultPathIsFile", "--path: " + dir + " is a file, not a folder; give a folder for the vault"
                    + " (it is created if missing)", dir);
        }
        try {
            SecureFiles.createPrivateDirectories(dir);
            Path probe = Files.createTempFile(dir, ".mamori-write-check", "");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("--path: this user cannot write in " + dir + " (" + e.getFile()
                    + ": permission denied); give a folder you can write, or change its owner or permissions", e);
        } catch (IOException e) {
            throw new IOException("--path: cannot use " + dir + " as a vault: " + e.getMessage(), e);
        }
        Vault v = new Vault(name, dir.toString(), Optional.empty());
        services.catalog().vaults().add(v);
        return v;
    }

    /**
     * Adds a vault in a folder on a server, where rsync keeps the snapshots. The folder is
     * created there (private) and checked writable over SSH before anything is stored.
     */
    public Vault addOnServer(String name, String server, String path) throws IOException {
        requireNew(name);
        var s = services.catalog().servers().get(server);
        if (!path.startsWith("/")) {
            throw Refused.of("vaultPathRelative", "--path: '" + path + "' must be an absolute path on server " + server,
                    path, server);
        }
        for (String part : path.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                throw Refused.of("vaultPathRelative", "--path: '" + path + "' has a '" + part
                        + "' in it; give the folder's real absolute path on " + server, path, server);
            }
        }
        String q = ShellQuote.quote(path);
        try (RemoteShell shell = services.ssh().connect(s)) {
            var r = shell.exec(app.mamori.ssh.Exec.of("mkdir -p -m 700 -- " + q + " && test -d " + q + " && test -w "
                    + q).build());
            if (!r.ok()) {
                throw new IllegalArgumentException("--path: cannot create or write " + path + " on server " + server
                        + " as its login user" + stderr(r) + "; create it there and give that user write access");
            }
        }
        Vault v = new Vault(name, path, Optional.of(server));
        services.catalog().vaults().add(v);
        return v;
    }

    private static String stderr(app.mamori.ssh.ExecResult r) {
        String e = r.stderr().strip();
        return e.isEmpty() ? "" : " (" + e + ")";
    }

    private void requireNew(String name) {
        if (find(name).isPresent() || services.catalog().copies().findVault(name).isPresent()) {
            throw Refused.of("vaultExists", "vault '" + name + "' already exists; choose another name", name);
        }
    }

    /** Measures a vault: walks a local one, asks {@code du} and {@code df} on the server for one there. */
    public Usage usage(String name) throws IOException {
        Vault v = services.catalog().vaults().get(name);
        if (v.server().isEmpty()) {
            Path dir = Path.of(v.path());
            if (!Files.isDirectory(dir)) {
                throw new IOException("vault '" + name + "': " + dir + " is missing (a NAS not mounted?)");
            }
            return new Usage(DiskUsage.of(dir), Files.getFileStore(dir).getUsableSpace());
        }
        String q = ShellQuote.quote(v.path());
        try (RemoteShell shell = services.ssh().connect(services.catalog().servers().get(v.server().get()))) {
            // du counts each hard-linked file once within one call, as the snapshots need
            String out = shell.run("LC_ALL=C du -s -B1 -- " + q + " | cut -f1; LC_ALL=C df -P -B1 -- " + q
                    + " | awk 'NR==2 {print $4}'");
            String[] lines = out.strip().split("\\s+");
            if (lines.length != 2) {
                throw new IOException("vault '" + name + "': du/df on " + v.server().get() + " answered '" + out.strip()
                        + "'");
            }
            return new Usage(Long.parseLong(lines[0]), Long.parseLong(lines[1]));
        }
    }

    /** Forgets a vault no job uses; the backups in its folder are left where they are. */
    public void remove(String name) {
        services.catalog().vaults().remove(name);
    }
}
