package app.mamori.source.files;

import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.util.CancelToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * User and group names of the listed ids, asked from the server in one {@code getent} call.
 * Names are informational (restores go by number unless told otherwise), so an id the
 * server cannot name, or a server without getent, gives its number as the name.
 */
final class OwnerNames {
    private static final String MARK = "--mamori-groups--";
    private final Map<Long, String> users;
    private final Map<Long, String> groups;

    private OwnerNames(Map<Long, String> users, Map<Long, String> groups) {
        this.users = users;
        this.groups = groups;
    }

    static OwnerNames lookup(RemoteShell shell, List<ListedEntry> entries, CancelToken cancel) throws IOException {
        Set<Long> uids = new TreeSet<>();
        Set<Long> gids = new TreeSet<>();
        entries.forEach(e -> {
            uids.add(e.uid());
            gids.add(e.gid());
        });
        if (uids.isEmpty()) {
            return new OwnerNames(Map.of(), Map.of());
        }
        List<String> passwd = new ArrayList<>(List.of("getent", "passwd"));
        uids.forEach(u -> passwd.add(Long.toString(u)));
        List<String> group = new ArrayList<>(List.of("getent", "group"));
        gids.forEach(g -> group.add(Long.toString(g)));
        // getent exits 2 when one id has no name; that is an answer, not a failure
        String command = ShellQuote.command(passwd) + "; echo " + MARK + "; " + ShellQuote.command(group) + "; true";
        var out = new ByteArrayOutputStream();
        shell.exec(app.mamori.ssh.Exec.of(command).stdout(out).cancel(cancel).build());
        cancel.throwIfCancelled();
        return parse(out.toString(StandardCharsets.UTF_8));
    }

    static OwnerNames parse(String getentOutput) {
        Map<Long, String> users = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        Map<Long, String> into = users;
        for (String line : getentOutput.split("\n")) {
            if (line.equals(MARK)) {
                into = groups;
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length >= 3) {
                try {
                    into.put(Long.parseLong(f[2]), f[0]);
                } catch (NumberFormatException ignored) {
                    // not a getent line; the id keeps its number
                }
            }
        }
        return new OwnerNames(users, groups);
    }

    String user(long uid) {
        return users.getOrDefault(uid, Long.toString(uid));
    }

    String group(long gid) {
        return groups.getOrDefault(gid, Long.toString(gid));
    }
}
