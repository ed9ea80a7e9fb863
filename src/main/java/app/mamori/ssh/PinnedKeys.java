package app.mamori.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The host keys Mamori pinned, as others may read them: the runbook prints their fingerprints,
 * the configuration export carries them (public keys, no secret) so an import pins exactly the
 * keys this workstation trusts, without trusting whatever answers first.
 */
public final class PinnedKeys {
    private final KnownHostsFile file;

    public PinnedKeys(Path knownHosts) {
        this.file = new KnownHostsFile(knownHosts);
    }

    /** One pinned key: its type, the public key in base64 as known_hosts writes it, its SHA-256 fingerprint. */
    public record Key(String type, String key, String fingerprint) {
    }

    /** The {@code [host]:port} alias Mamori pins a host's key under ({@code host} alone on port 22). */
    public static String alias(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** The keys pinned for {@code alias}, in file order. */
    public List<Key> of(String alias) throws IOException {
        List<Key> out = new ArrayList<>();
        for (KnownHostsFile.Entry e : file.find(alias)) {
            out.add(new Key(e.type(), Base64.getEncoder().encodeToString(e.blob()), e.fingerprint()));
        }
        return out;
    }

    /**
     * Pins {@code key} for {@code alias} (nothing changes when it is pinned already). The
     * fingerprint given must be the key's own, so a hand-edited file cannot pin a key other than
     * the one it names.
     */
    public void pin(String alias, Key key) throws IOException {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(key.key());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host key for " + alias + ": the key is not base64; copy it from"
                    + " the export again");
        }
        String actual = Fingerprints.sha256(blob);
        if (!actual.equals(Fingerprints.normalize(key.fingerprint()))) {
            throw new IllegalArgumentException("host key for " + alias + ": its fingerprint is " + actual + ", not "
                    + key.fingerprint() + " as the file says; the file was changed by hand, export it again");
        }
        file.pin(alias, key.type(), blob);
    }
}
