package app.mamori.model;

/** A ProxyJump hop, written {@code user@host[:port]}. */
public record JumpHost(String user, String host, int port) {

    public static JumpHost parse(String spec) {
        int at = spec.indexOf('@');
        if (at <= 0 || at == spec.length() - 1) {
            throw new IllegalArgumentException("--jump: expected USER@HOST[:PORT], got '" + spec + "'");
        }
        String user = spec.substring(0, at);
        String rest = spec.substring(at + 1);
        int port = 22;
        int colon = rest.lastIndexOf(':');
        if (colon > 0 && !rest.startsWith("[")) {
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--jump: port in '" + spec + "' is not a number");
            }
            rest = rest.substring(0, colon);
        }
        return new JumpHost(user, rest, port);
    }

    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
