package app.mamori.ssh;

import com.jcraft.jsch.ConfigRepository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where one hop actually goes once {@code ~/.ssh/config} has had its say: the admin's host may
 * be an alias with its own HostName, Port, User and IdentityFile. What the admin set on the
 * server in Mamori wins over the config file; the config wins over defaults.
 *
 * @param label      the server's name in Mamori, for messages
 * @param jump       whether this hop is the server's jump host rather than the server itself
 * @param alias      the key Mamori's known_hosts uses: {@code host} or {@code [host]:port}
 * @param hostName   the address to connect to
 * @param port       the port to connect to
 * @param user       the login user
 * @param identities key files named by Mamori or by the config, in that order
 */
record SshTarget(String label, boolean jump, String alias, String hostName, int port, String user, List<Path> identities) {

    static SshTarget resolve(String label, boolean jump, String host, int port, String user, List<String> identity,
                             ConfigRepository config, UnaryOperator<String> env) {
        ConfigRepository.Config c = config == null ? null : config.getConfig(host);
        String hostName = host;
        int effectivePort = port;
        String effectiveUser = user;
        List<Path> keys = new ArrayList<>();
        identity.forEach(i -> keys.add(expandHome(i, env)));
        if (c != null) {
            if (c.getHostname() != null && !c.getHostname().isBlank()) {
                hostName = c.getHostname();
            }
            // 22 is Server's default: an explicit other port on the server beats the config
            if (port == 22 && c.getPort() > 0) {
                effectivePort = c.getPort();
            }
            if ((user == null || user.isBlank()) && c.getUser() != null) {
                effectiveUser = c.getUser();
            }
            if (keys.isEmpty() && c.getValues("IdentityFile") != null) {
                for (String f : c.getValues("IdentityFile")) {
                    keys.add(expandHome(f, env));
                }
            }
        }
        if (effectiveUser == null || effectiveUser.isBlank()) {
            effectiveUser = env.apply("USER") != null ? env.apply("USER") : System.getProperty("user.name");
        }
        String alias = effectivePort == 22 ? host : "[" + host + "]:" + effectivePort;
        return new SshTarget(label, jump, alias, hostName, effectivePort, effectiveUser, List.copyOf(keys));
    }

    static Path expandHome(String file, UnaryOperator<String> env) {
        String f = file.strip();
        if (f.length() > 1 && (f.startsWith("\"") && f.endsWith("\""))) {
            f = f.substring(1, f.length() - 1);
        }
        if (f.equals("~") || f.startsWith("~/")) {
            return Path.of(home(env) + f.substring(1));
        }
        return Path.of(f);
    }

    static String home(UnaryOperator<String> env) {
        String home = env.apply("HOME");
        return home != null ? home : System.getProperty("user.home");
    }

    String where() {
        String hop = user + "@" + hostName + ":" + port;
        return jump ? "jump host " + hop + " of server '" + label + "'" : "server '" + label + "' (" + hop + ")";
    }

    /** How the admin makes Mamori trust this hop's key. */
    String trustHint(String fingerprint) {
        return jump ? "pin it with '--jump-host-key " + fingerprint + "' on 'mamori server add' or 'server set' for '"
                + label + "', or add the server with '--trust-on-first-use'"
                : "trust it with 'mamori server add " + label + " ... --host-key " + fingerprint
                  + "' or '--trust-on-first-use'";
    }
}
