package app.mamori.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A site folder with every awkward thing a files restore must bring back, and a way to compare trees exactly. */
final class TreeFixture {
    private TreeFixture() {
    }

    /**
     * Builds {@code site}: names with a newline, quotes, {@code $( )}, backticks, a leading dash and
     * a byte that is not UTF-8; a setuid file, a 0700 empty folder, a symlink and a dangling one,
     * 300 KB of random bytes with a nanosecond mtime. Made by the shell, since Java cannot spell \351.
     */
    static void makeHostileTree(Path site) throws Exception {
        sh("set -e; mkdir -p \"$1/uploads/2026 11\" \"$1/empty dir\" \"$1/-dash\";"
                + " printf 'newline name' > \"$1/uploads/2026 11/line\nbreak \\$(x) \\`y\\` 'q'.txt\";"
                + " printf 'latin1' > \"$1\"/$(printf 'caf\\351.txt');"
                + " printf '#!/bin/sh\\necho hi\\n' > \"$1/-dash/run.sh\"; chmod 4750 \"$1/-dash/run.sh\";"
                + " chmod 0700 \"$1/empty dir\"; ln -s uploads \"$1/current\"; ln -s /nowhere \"$1/dangling\";"
                + " head -c 300000 /dev/urandom > \"$1/uploads/big.bin\";"
                + " touch -d '2020-02-29 12:34:56.123456789' \"$1/uploads/big.bin\" \"$1/empty dir\"", site.toString());
    }

    /** Every entry below {@code dir}: type, mode, mtime (ns), size, link target, name bytes, and file contents' hashes. */
    static String state(Path dir) throws Exception {
        return sh("cd \"$1\" && LC_ALL=C find . -printf '%y %m %T@ %s %l|%p\\0' | LC_ALL=C sort -z"
                + " && LC_ALL=C find . -type f -exec sha256sum -z {} + | LC_ALL=C sort -z", dir.toString());
    }

    /** {@link #state} without the line of the folder itself (whose mtime moves when an entry is added or removed). */
    static String withoutRoot(String state) {
        return state.replaceAll("d \\d+ [0-9.]+ \\d+ \\|\\.\0", "");
    }

    /** Runs {@code script} with {@code sh -c}, args as $1...; fails the test unless it exits 0. Output as Latin-1. */
    static String sh(String script, String... args) throws Exception {
        String[] cmd = new String[args.length + 4];
        cmd[0] = "sh";
        cmd[1] = "-c";
        cmd[2] = script;
        cmd[3] = "sh";
        System.arraycopy(args, 0, cmd, 4, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(new String(out, StandardCharsets.ISO_8859_1)).isZero();
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
