package app.mamori.source.files;

import app.mamori.ssh.ShellQuote;
import app.mamori.testenv.LocalShell;

import java.io.IOException;
import java.nio.file.Path;

/** Builds a tree with every kind of name and entry a snapshot has to survive, using sh so raw bytes are possible. */
final class HostileTree {
    /** The raw bytes of the non-UTF-8 file name created below ({@code bad\377\376name}). */
    static final byte[] RAW_NAME = {'b', 'a', 'd', (byte) 0xff, (byte) 0xfe, 'n', 'a', 'm', 'e'};

    private static final String SCRIPT = """
            set -e
            cd "$1"
            mkdir -p sub/deeper empty private 'dir with space/inner'
            printf 'hello' > plain.txt
            printf 'space' > 'with space.txt'
            printf 'newline' > "new
            line"
            printf 'quoted' > "it's \\"quoted\\""
            printf 'dollar' > '$(touch pwned)'
            printf 'dash' > ./-leading-dash
            printf 'emoji' > 'smile 😀.txt'
            printf 'raw' > "$(printf 'bad\\377\\376name')"
            mkdir "$(printf 'rawdir\\351')"
            printf 'inner' > "$(printf 'rawdir\\351')/inner"
            printf 'backslash' > 'back\\slash'
            printf 'glob' > 'star*?[x]'
            printf 'marker' > '%raw%looks escaped'
            printf 'deep' > 'dir with space/inner/file'
            printf 'secret' > private/key
            head -c 300000 /dev/urandom > sub/deeper/big.bin
            printf 'long' > "sub/$(printf 'L%.0s' $(seq 1 180))"
            : > sub/empty-file
            ln -s plain.txt rel-link
            ln -s /etc/hostname abs-link
            ln -s does/not/exist dangling
            ln -s "$(printf 'bad\\377\\376name')" raw-link
            chmod 600 plain.txt private/key
            chmod 755 sub sub/deeper/big.bin
            chmod 700 private
            chmod 640 'with space.txt'
            touch -h -d '2001-02-03 04:05:06.123456789' plain.txt rel-link
            touch -d '2010-01-01 00:00:00.5' sub/deeper empty private
            """;

    private HostileTree() {
    }

    static void create(Path dir) throws IOException {
        sh(SCRIPT, dir.toString());
    }

    /** Runs a script with arguments through the test shell; fails with its stderr. */
    static String sh(String script, String... args) throws IOException {
        var words = new java.util.ArrayList<String>();
        words.addAll(java.util.List.of("sh", "-c", script, "sh"));
        words.addAll(java.util.List.of(args));
        try (LocalShell shell = new LocalShell()) {
            return shell.run(ShellQuote.command(words));
        }
    }
}
