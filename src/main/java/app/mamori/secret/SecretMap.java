package app.mamori.secret;

import app.mamori.vault.SecureFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * A small JSON object of names to strings in a file readable by the user only: {@code secrets.json}
 * (secret values) and {@code secrets-keyring.json} (which secrets the OS keyring holds, no values).
 * The caller holds the lock ({@code LockedFile}) around a read, change and {@link #write}.
 */
final class SecretMap {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;

    SecretMap(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    TreeMap<String, String> read() throws IOException {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        return MAPPER.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {
        });
    }

    /** Replaces the file through a temp file of its own (0600 before the first byte) and an atomic rename. */
    void write(TreeMap<String, String> all) throws IOException {
        SecureFiles.writeAtomically(file, MAPPER.writeValueAsBytes(all));
    }
}
