package app.mamori.ssh;

import app.mamori.util.LockedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Mamori's own known_hosts: one {@code alias keytype base64} line per pinned key, in the
 * OpenSSH format so an admin can read it and copy lines from {@code ~/.ssh/known_hosts}.
 * It is separate from the user's file on purpose: Mamori pins what the admin confirmed.
 * Hashed host names are not written; lines Mamori does not understand are kept untouched.
 * A key on an {@code @revoked} line is refused for every host, whatever the line's host
 * pattern: revoking says the key itself is lost, wherever it shows up.
 */
final class KnownHostsFile {
    /** One pinned key. */
    record Entry(String type, byte[] blob) {
        String fingerprint() {
            return Fingerprints.sha256(blob);
        }
    }

    private final Path file;

    KnownHostsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Keys pinned for this {@code [host]:port} alias. */
    synchronized List<Entry> find(String alias) throws IOException {
        List<Entry> found = new ArrayList<>();
        if (!Files.exists(file)) {
            return found;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 3 || f[0].startsWith("#") || f[0].startsWith("@")) {
                continue;
            }
            if (Arrays.asList(f[0].split(",")).contains(alias)) {
                decode(f[2]).ifPresent(blob -> found.add(new Entry(f[1], blob)));
            }
        }
        return found;
    }

    /** Whether this key is on an {@code @revoked} line. */
    synchronized boolean revoked(byte[] blob) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && f[0].equals("@revoked")
                    && decode(f[3]).filter(b -> Arrays.equals(b, blob)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Pins a key, writing the file atomically; creates it 0600 in a 0700 folder when first written. */
    synchronized void pin(String alias, String type, byte[] blob) throws IOException {
        // the app and the CLI may pin at the same moment: read and rewrite under the file's lock
        LockedFile.update(file, () -> {
            pinLocked(alias, type, blob);
            return null;
        });
    }

    private void pinLocked(String alias, String type, byte[] blob) throws IOException {
        if (find(alias).stream().anyMatch(e -> Arrays.equals(e.blob(), blob))) {
            return; // two first connects at once: the other one pinned it already
        }
        Path dir = file.toAbsolutePath().getParent(); // LockedFile made it, 0700, if it was missing
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        lines.add(alias + " " + type + " " + Base64.getEncoder().encodeToString(blob));
        // a name of its own, private before the first byte; Windows has no POSIX modes (the profile folder is the user's)
        Path tmp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".known_hosts", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".known_hosts", ".tmp");
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Optional<byte[]> decode(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
