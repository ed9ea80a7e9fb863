package app.mamori.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Chooses how one hop logs in, in this order: the key files named for the server (or by
 * {@code ~/.ssh/config}); else ssh-agent when {@code SSH_AUTH_SOCK} is set and holds keys
 * (JSch talks to it over a JDK 16+ Unix-domain socket, so no extra library); else the default
 * keys {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa} that exist. Key files are
 * checked here first, so a missing file or a wrong passphrase gets its own message instead of
 * JSch's "Auth fail". The passphrase is never logged and its bytes are wiped after use.
 */
final class Credentials {
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private Credentials() {
    }

    /** What was offered to the server: key files, or the keys in an agent at a socket. */
    record Offered(boolean agent, String where) {
        String english() {
            return agent ? "the keys in ssh-agent (" + where + ")" : "key " + where;
        }
    }

    /** Loads the identities into {@code jsch}; returns what was offered, for the auth-failed message. */
    static Offered apply(JSch jsch, SshTarget target, char[] passphrase, UnaryOperator<String> env) throws SshException {
        if (!target.identities().isEmpty()) {
            for (Path key : target.identities()) {
                addKeyFile(jsch, target, key, passphrase, true);
            }
            return new Offered(false, String.join(", ", target.identities().stream().map(Path::toString).toList()));
        }
        String sock = env.apply("SSH_AUTH_SOCK");
        if (sock != null && !sock.isBlank() && useAgent(jsch, Path.of(sock))) {
            return new Offered(true, sock);
        }
        List<String> used = new ArrayList<>();
        for (String name : DEFAULT_KEYS) {
            Path key = Path.of(SshTarget.home(env), ".ssh", name);
            if (Files.isRegularFile(key) && addKeyFile(jsch, target, key, passphrase, false)) {
                used.add(key.toString());
            }
        }
        if (used.isEmpty()) {
            throw new SshException("no key to log in to " + target.where() + ": give the server a key file "
                    + "(--identity), start ssh-agent with your key, or create ~/.ssh/id_ed25519");
        }
        return new Offered(false, String.join(", ", used));
    }

    private static boolean addKeyFile(JSch jsch, SshTarget target, Path key, char[] passphrase, boolean named)
            throws SshException {
        if (!Files.isReadable(key)) {
            throw new SshException("key file " + key + " for " + target.where() + " does not exist or cannot be read");
        }
        byte[] secret = passphrase == null ? null : utf8(passphrase);
        try {
            KeyPair pair = KeyPair.load(jsch, key.toString());
            boolean encrypted = pair.isEncrypted();
            if (encrypted) {
                if (secret == null) {
                    if (!named) {
                        return false; // a default key we cannot open is simply not offered
                    }
                    throw new SshException("key " + key + " is protected by a passphrase: give the passphrase to log in to "
                            + target.where());
                }
                if (!pair.decrypt(secret)) {
                    throw new SshException("the passphrase for key " + key + " is wrong (logging in to " + target.where() + ")");
                }
            }
            pair.dispose();
            jsch.addIdentity(key.toString(), encrypted ? secret : null);
            return true;
        } catch (JSchException e) {
            throw new SshException("key file " + key + " cannot be used for " + target.where() + ": " + e.getMessage()
                    + " (Mamori reads OpenSSH ed25519, ECDSA and RSA keys)", e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    private static boolean useAgent(JSch jsch, Path socket) {
        try {
            var repo = new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(), socket));
            if (repo.getIdentities().isEmpty()) {
                return false;
            }
            jsch.setIdentityRepository(repo);
            return true;
        } catch (AgentProxyException | RuntimeException e) {
            return false; // agent gone or unreachable: fall back to the default keys
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        Arrays.fill(buf.array(), (byte) 0);
        return bytes;
    }
}
