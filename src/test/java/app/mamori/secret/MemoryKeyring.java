package app.mamori.secret;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** An OS keyring in memory for unit tests of the store's logic; it can be told to refuse, or to give back a wrong value. */
final class MemoryKeyring implements OsKeyring {
    final Map<String, String> entries = new HashMap<>();
    boolean refuse;
    boolean garble;

    @Override
    public String name() {
        return "Memory";
    }

    @Override
    public String get(String service, String account) throws IOException {
        check();
        String v = entries.get(service + "|" + account);
        if (v == null) {
            throw new IOException("No stored credentials match " + service + " account: " + account);
        }
        return garble ? v + "?" : v;
    }

    @Override
    public void set(String service, String account, String secret) throws IOException {
        check();
        entries.put(service + "|" + account, secret);
    }

    @Override
    public void delete(String service, String account) throws IOException {
        check();
        entries.remove(service + "|" + account);
    }

    private void check() throws IOException {
        if (refuse) {
            throw new IOException("Cannot create an item in a locked collection");
        }
    }

    @Override
    public void close() {
    }
}
