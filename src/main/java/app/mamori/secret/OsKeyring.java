package app.mamori.secret;

import java.io.IOException;

/**
 * The OS's own store of secrets (Secret Service, Windows Credential Manager, macOS Keychain): an
 * entry is named by a service and an account. Every failure is an {@link IOException}, a missing
 * entry included, since the libraries underneath do not tell the two apart; the store keeps its
 * own list of what it put here.
 */
public interface OsKeyring extends AutoCloseable {
    /** What an admin calls it: "Secret Service", "Windows Credential Manager", "macOS Keychain". */
    String name();

    String get(String service, String account) throws IOException;

    void set(String service, String account, String secret) throws IOException;

    void delete(String service, String account) throws IOException;

    @Override
    void close();
}
