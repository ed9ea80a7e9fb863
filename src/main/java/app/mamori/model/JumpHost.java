package app.mamori.model;

/**
 * A ProxyJump hop, written {@code user@host[:port]}. The user is empty only for a hop read
 * from {@code ~/.ssh/config} without one; the config or the local login then supplies it.
 */
public record JumpHost(String user, String host, int port) {

    /** Parses {@code user@host}, {@code user@host:port}, {@code user@[v6addr]:port} or {@code user@v6addr}. */
    public static JumpHost parse(String spec) {
        return parse(spec, true);
    }

    /** As {@link #parse(String)}; with {@code userRequired} false, {@code @host[:port]} has an empty user. */
    public static JumpHost parse(String spec, boolean userRequired) {
        int at = spec.indexOf('@');
        if ((userRequired ? at <= 0 : at < 0) || at == spec.length() - 1) {
            throw Refused.of("jumpForm", "--jump: expected USER@HOST[:PORT], got '" + spec + "'", spec);
        }
        String user = spec.substring(0, at);
        String rest = spec.substring(at + 1);
        String host = rest;
        String port = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw Refused.of("jumpForm", "--jump: missing ']' in '" + spec + "'", spec);
            }
            host = rest.substring(1, close);
            if (close + 1 < rest.length()) {
                if (rest.charAt(close + 1) != ':') {
                    throw Refused.of("jumpForm", "--jump: expected ':PORT' after ']' in '" + spec + "'", spec);
                }
                port = rest.substring(close + 2);
            }
        } else if (rest.indexOf(':') == rest.lastIndexOf(':') && rest.indexOf(':') > 0) {
            // exactly one colon: host:port; more than one is a bare IPv6 address
            host = rest.substring(0, rest.indexOf(':'));
            port = rest.substring(rest.indexOf(':') + 1);
        }
        int p = 22;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw Refused.of("jumpForm", "--jump: port in '" + spec + "' is not a number", spec);
            }
        }
        return new JumpHost(user, host, p);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return user + "@" + h + (port == 22 && !host.contains(":") ? "" : ":" + port);
    }
}
