package app.mamori.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An SSH host Mamori reaches with no agent installed.
 *
 * @param name     the admin's name for it, unique in the catalogue
 * @param host     address or {@code ~/.ssh/config} alias
 * @param port     SSH port
 * @param user     login user
 * @param identity private key file, or empty to use ssh-agent / {@code ~/.ssh/config}
 * @param jump     optional jump host (ProxyJump)
 */
public record Server(String name, String host, int port, String user,
                     Optional<String> identity, Optional<JumpHost> jump) {

    public Server {
        Names.requireValid("server name", name);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        identity = identity == null ? Optional.empty() : identity;
        jump = jump == null ? Optional.empty() : jump;
        if (host.isBlank()) {
            throw Refused.of("serverHost", "--host: give the server's address or an ~/.ssh/config alias");
        }
        if (port < 1 || port > 65535) {
            throw Refused.of("serverPort", "--port: " + port + " is not a TCP port (1-65535)", port);
        }
    }

    /** The {@code [host]:port} form known_hosts files use. */
    public String hostKeyAlias() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
