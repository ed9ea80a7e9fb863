package app.mamori.secret;

import app.mamori.util.LockedFile;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Secrets by key. In the OS keyring where this process has one ({@link KeyringChoice}), under a
 * service name made of the data folder's path, so two MAMORI_HOME folders never share an entry;
 * else in {@code secrets.json} (0600, in the 0700 home folder). {@code secrets-keyring.json}
 * beside it lists which keys the keyring holds (no values), since a keyring cannot tell a missing
 * entry from a failure. Secrets the file holds from before move to the keyring on first use, each
 * read back before the file lets it go. A keyring that refuses a change never loses the secret:
 * the file keeps it and {@link #storage()} says why.
 *
 * <p>The app and the CLI may change secrets at the same moment: every change (and every read,
 * since a move spans both files) holds secrets.json's lock ({@link LockedFile}).
 */
public final class SecretStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SecretStore.class.getName());
    private final SecretMap values;
    private final SecretMap inKeyring;
    private final String service;
    private final Supplier<KeyringChoice.Choice> opener;
    private KeyringChoice.Choice choice;
    private Optional<SecretStorage.Reason> reason = Optional.empty();
    private String detail = "";

    /** The file alone, as the test suite and tools without a keyring use it. */
    public SecretStore(Path file) {
        this(file, () -> KeyringChoice.Choice.none(SecretStorage.Reason.TURNED_OFF, ""));
    }

    SecretStore(Path file, Supplier<KeyringChoice.Choice> opener) {
        this.values = new SecretMap(file);
        this.inKeyring = new SecretMap(file.resolveSibling("secrets-keyring.json"));
        this.service = "mamori " + file.toAbsolutePath().normalize().getParent();
        this.opener = opener;
    }

    /** The store of a data folder: the OS keyring when this process may use one (connected on first need). */
    public static SecretStore open(Path file, Map<String, String> env) {
        return new SecretStore(file, () -> KeyringChoice.open(env));
    }

    public static String sourcePasswordKey(String source) {
        return "source/" + source + "/password";
    }

    /** The keyring's service name for this data folder; every entry's account is the secret's key. */
    public String keyringService() {
        return service;
    }

    public synchronized void put(String key, String secret) throws IOException {
        if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0 || secret.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a password cannot contain a line break or NUL byte");
        }
        LockedFile.update(values.file(), () -> {
            Optional<OsKeyring> keyring = keyring();
            if (keyring.isPresent() && putInKeyring(keyring.get(), key, secret)) {
                return null;
            }
            TreeMap<String, String> all = values.read();
            all.put(key, secret);
            values.write(all);
            forgetKeyringEntry(key);
            return null;
        });
    }

    public synchronized Optional<String> get(String key) throws IOException {
        return LockedFile.update(values.file(), () -> {
            String at = inKeyring.read().get(key);
            if (at == null) {
                return Optional.ofNullable(values.read().get(key));
            }
            OsKeyring keyring = keyring().orElseThrow(() -> unreachable(key, detail()));
            try {
                return Optional.of(keyring.get(at, key));
            } catch (IOException e) {
                throw unreachable(key, e.getMessage());
            }
        });
    }

    public synchronized void remove(String key) throws IOException {
        LockedFile.update(values.file(), () -> {
            forgetKeyringEntry(key);
            TreeMap<String, String> all = values.read();
            if (all.remove(key) != null) {
                values.write(all);
            }
            return null;
        });
    }

    /** Where secrets are kept now; connects to the keyring (and moves the file's secrets) if not done yet. */
    public synchronized SecretStorage storage() throws IOException {
        return LockedFile.update(values.file(), () -> {
            Optional<OsKeyring> keyring = keyring();
            int inFile = values.read().size();
            Optional<SecretStorage.Reason> why = keyring.isPresent() && inFile == 0 ? Optional.empty() : reason;
            return new SecretStorage(keyring.map(OsKeyring::name), values.file(), inFile, why, detail);
        });
    }

    @Override
    public synchronized void close() {
        if (choice != null) {
            choice.keyring().ifPresent(OsKeyring::close);
            choice = null;
        }
    }

    /** Called holding the lock: connects once, and moves what the file holds into the keyring. */
    private Optional<OsKeyring> keyring() throws IOException {
        if (choice == null) {
            choice = opener.get();
            reason = choice.reason();
            detail = choice.detail();
            if (choice.keyring().isPresent()) {
                moveFileToKeyring(choice.keyring().get());
            }
        }
        return choice.keyring();
    }

    private void moveFileToKeyring(OsKeyring keyring) throws IOException {
        TreeMap<String, String> all = values.read();
        if (all.isEmpty()) {
            return;
        }
        TreeMap<String, String> index = inKeyring.read();
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            try {
                keyring.set(service, e.getKey(), e.getValue());
                if (!e.getValue().equals(keyring.get(service, e.getKey()))) {
                    throw new IOException("it gave back another value than it was given");
                }
            } catch (IOException failed) {
                refused(keyring, "moving the secrets in " + values.file() + " to it", failed);
                break;
            }
            index.put(e.getKey(), service);
            moved.add(e.getKey());
        }
        if (!moved.isEmpty()) {
            // the list first: a crash between the two writes leaves a secret in both places, never in neither
            inKeyring.write(index);
            moved.forEach(all::remove);
            values.write(all);
            LOG.log(Level.INFO, "moved {0} secret(s) from {1} to the OS keyring ({2})", moved.size(), values.file(),
                    keyring.name());
        }
    }

    /** True when the keyring took it; false (and the reason kept) when the file must. */
    private boolean putInKeyring(OsKeyring keyring, String key, String secret) throws IOException {
        try {
            keyring.set(service, key, secret);
        } catch (IOException e) {
            refused(keyring, "storing " + key, e);
            return false;
        }
        TreeMap<String, String> index = inKeyring.read();
        if (!service.equals(index.put(key, service))) {
            inKeyring.write(index);
        }
        TreeMap<String, String> all = values.read();
        if (all.remove(key) != null) {
            values.write(all);
        }
        return true;
    }

    /**
     * Drops the key from the keyring's list and deletes this folder's entry; a failed delete is
     * logged, never thrown (the source is gone either way, and the entry is no longer read).
     */
    private void forgetKeyringEntry(String key) throws IOException {
        TreeMap<String, String> index = inKeyring.read();
        String at = index.remove(key);
        if (at == null) {
            return;
        }
        inKeyring.write(index);
        if (!at.equals(service)) {
            // stored while the folder had another path: a copy of the folder may still use that entry
            LOG.log(Level.INFO, "left " + key + " in the OS keyring under " + at + ", another data folder's name");
            return;
        }
        Optional<OsKeyring> keyring = keyring();
        try {
            if (keyring.isEmpty()) {
                throw new IOException(detail());
            }
            keyring.get().delete(at, key);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete " + key + " from the OS keyring; it stays there unused: "
                    + e.getMessage());
        }
    }

    private void refused(OsKeyring keyring, String what, IOException e) {
        reason = Optional.of(SecretStorage.Reason.REFUSED);
        detail = String.valueOf(e.getMessage());
        LOG.log(Level.WARNING, "the OS keyring (" + keyring.name() + ") refused " + what + "; kept in "
                + values.file() + " instead: " + e.getMessage());
    }

    private String detail() {
        return new SecretStorage(Optional.empty(), values.file(), 0, reason, detail).why().orElse("not connected");
    }

    private IOException unreachable(String key, String why) {
        return new IOException(key + " is in the OS keyring, which did not give it: " + why + ". Unlock the"
                + " keyring, or run Mamori where it can reach the keyring (a desktop session, a systemd user timer)");
    }
}
