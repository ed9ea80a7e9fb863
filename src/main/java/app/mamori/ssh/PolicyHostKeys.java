package app.mamori.ssh;

import app.mamori.model.Note;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * JSch's view of Mamori's known_hosts for one connection under one {@link HostKeyPolicy}.
 * JSch only learns OK, NOT_INCLUDED or CHANGED (and refuses the last two, since strict
 * checking is always on); the reason, with both fingerprints, is kept here so the connector
 * can throw a {@link HostKeyException} written for the admin. An accepted new key is pinned
 * only after the session is fully up, so a failed connect leaves the file unchanged.
 */
final class PolicyHostKeys implements HostKeyRepository {
    private final KnownHostsFile file;
    private final SshTarget target;
    private final String alias;
    private final HostKeyPolicy policy;

    private volatile HostKeyException rejection;
    private volatile String presented;
    private volatile String presentedType;
    private volatile byte[] toPin;

    PolicyHostKeys(KnownHostsFile file, SshTarget target, HostKeyPolicy policy) {
        this.file = file;
        this.target = target;
        this.alias = target.alias();
        this.policy = policy;
    }

    @Override
    public int check(String host, byte[] key) {
        presented = Fingerprints.sha256(key);
        presentedType = keyType(key);
        List<KnownHostsFile.Entry> pinned;
        try {
            if (file.revoked(key)) {
                rejection = revoked();
                return CHANGED;
            }
            pinned = file.find(alias);
        } catch (IOException e) {
            rejection = refusal("cannot read Mamori's known hosts file " + file.path() + ": "
                    + e.getMessage(), presented, Optional.empty());
            return NOT_INCLUDED;
        }
        boolean known = pinned.stream().anyMatch(p -> Arrays.equals(p.blob(), key));
        if (!known && !pinned.isEmpty()) {
            rejection = changed(pinned.get(0).fingerprint());
            return CHANGED;
        }
        // a fingerprint the admin gave is checked even where the key is pinned already (a second
        // server name on a known host:port): accepting it unseen would confirm what nobody checked
        if (policy instanceof HostKeyPolicy.Expect expect) {
            String wanted = Fingerprints.normalize(expect.fingerprint());
            if (!wanted.equals(presented)) {
                rejection = notExpected(wanted);
                return NOT_INCLUDED;
            }
        }
        if (known) {
            return OK;
        }
        if (policy instanceof HostKeyPolicy.TrustOnFirstUse || policy instanceof HostKeyPolicy.Expect) {
            toPin = key.clone();
            return OK;
        }
        rejection = new HostKeyException(Note.of("hostKeyNotPinned", target.where() + " presented host key " + presented
                + " (" + presentedType + "), which Mamori has not pinned for " + alias + ". If this is the right host "
                + "(check with 'ssh-keygen -lf /etc/ssh/ssh_host_" + shortType() + "_key.pub' on it), "
                + target.trustHint(presented) + ".", target.where(), presented, shortType()),
                presented, Optional.empty(), target.jump());
        return NOT_INCLUDED;
    }

    private HostKeyException revoked() {
        return refusal(target.where() + " presented host key " + presented + " (" + presentedType
                + "), which " + file.path() + " marks @revoked: Mamori never accepts it, even where it is also pinned,"
                + " and nothing was sent to the server. If the server has a new key, check it there with 'ssh-keygen"
                + " -lf /etc/ssh/ssh_host_" + shortType() + "_key.pub'; if the revocation is a mistake, remove the"
                + " @revoked line.", presented, Optional.empty());
    }

    private HostKeyException notExpected(String wanted) {
        String option = target.jump() ? "--jump-host-key" : "--host-key";
        return refusal("the host key fingerprint given (" + option + " " + wanted + ") does not match the key "
                + target.where() + " presented: " + presented + " (" + presentedType + "). Nothing was pinned or "
                + "saved. Check the fingerprint on the server with 'ssh-keygen -lf /etc/ssh/ssh_host_" + shortType()
                + "_key.pub'.", presented, Optional.of(wanted));
    }

    private HostKeyException changed(String pinnedFp) {
        return new HostKeyException(Note.of("hostKeyChanged", "HOST KEY CHANGED for " + target.where() + ": Mamori "
                + "pinned for " + alias + " " + pinnedFp + " but the server presented " + presented + " ("
                + presentedType + "). Someone may be intercepting the connection, or the server was reinstalled; "
                + "nothing was sent to it. If the change is expected, remove the line for " + alias + " from "
                + file.path() + " and add the key again with '--host-key " + presented + "'.",
                target.where(), pinnedFp, presented, file.path(), alias), presented, Optional.of(pinnedFp), target.jump());
    }

    private HostKeyException refusal(String message, String presentedFp, Optional<String> pinnedFp) {
        return new HostKeyException(message, presentedFp, pinnedFp, target.jump());
    }

    /** Why the key was refused, if it was. */
    Optional<HostKeyException> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** The fingerprint the server presented, once the key exchange has run. */
    String presentedFingerprint() {
        return presented;
    }

    /**
     * Writes the key an Expect or TrustOnFirstUse policy accepted; call once the session is up.
     *
     * @return whether a key was pinned
     */
    boolean commitPin() throws IOException {
        byte[] key = toPin;
        if (key == null) {
            return false;
        }
        file.pin(alias, presentedType, key);
        toPin = null;
        return true;
    }

    private String shortType() {
        String t = presentedType == null ? "" : presentedType;
        if (t.startsWith("ecdsa")) {
            return "ecdsa";
        }
        return t.startsWith("ssh-") ? t.substring(4) : t;
    }

    private static String keyType(byte[] blob) {
        if (blob.length < 4) {
            return "unknown";
        }
        int len = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (len <= 0 || len > blob.length - 4) {
            return "unknown";
        }
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // JSch calls this only when it would add a key itself (StrictHostKeyChecking=no/ask); never here.
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.path().toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return getHostKey(alias, null);
    }

    /** Lets JSch prefer the pinned key's algorithm in the key exchange. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        try {
            return file.find(alias).stream()
                    .filter(e -> type == null || type.equals(e.type()))
                    .map(this::toHostKey)
                    .filter(k -> k != null)
                    .toArray(HostKey[]::new);
        } catch (IOException e) {
            return new HostKey[0];
        }
    }

    private HostKey toHostKey(KnownHostsFile.Entry e) {
        try {
            return new HostKey(alias, e.blob());
        } catch (JSchException unknownType) {
            return null;
        }
    }
}
