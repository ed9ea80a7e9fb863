package app.mamori.secret;

import app.mamori.util.LockedFile;

import app.mamori.vault.SecureFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secrets by key, in {@code secrets.json} (0600, in the 0700 home folder). An OS keychain
 * can replace this class behind the same methods; the file is the portable baseline. The app
 * and the CLI may change it at the same moment: each change reads and rewrites the file under
 * its lock ({@link LockedFile}), so neither loses the other's.
 */
public final class SecretStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;

    public SecretStore(Path file) {
        this.file = file;
    }

    public static String sourcePasswordKey(String source) {
        return "source/" + source + "/password";
    }

    public synchronized void put(String key, String secret) throws IOException {
        if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0 || secret.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a password cannot contain a line break or NUL byte");
        }
        LockedFile.update(file, () -> {
            TreeMap<String, String> all = readAll();
            all.put(key, secret);
            SecureFiles.writeAtomically(file, MAPPER.writeValueAsBytes(all));
            return null;
        });
    }

    public synchronized Optional<String> get(String key) throws IOException {
        return Optional.ofNullable(readAll().get(key));
    }

    public synchronized void remove(String key) throws IOException {
        LockedFile.update(file, () -> {
            TreeMap<String, String> all = readAll();
            if (all.remove(key) != null) {
                SecureFiles.writeAtomically(file, MAPPER.writeValueAsBytes(all));
            }
            return null;
        });
    }

    private TreeMap<String, String> readAll() throws IOException {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        return MAPPER.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {
        });
    }
}
