package app.mamori.source.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Changes to a {@link HostileTree} between snapshots, and what only sh can inspect (non-UTF-8 names). */
final class HostSnapshotterTestScripts {
    static final byte[] CHANGED = "changed, same old mtime is not enough".getBytes(StandardCharsets.UTF_8);

    private HostSnapshotterTestScripts() {
    }

    /** One file changed, one deleted (inside a non-UTF-8 directory), one added. */
    static void change(Path src) throws IOException {
        HostileTree.sh("""
                set -e
                cd "$1"
                printf '%s' "$2" > 'with space.txt'
                rm "$(printf 'rawdir\\351')/inner"
                printf 'added' > 'sub/new file'
                """, src.toString(), new String(CHANGED, StandardCharsets.UTF_8));
    }

    static void addExcludable(Path src) throws IOException {
        HostileTree.sh("""
                set -e
                cd "$1"
                mkdir -p node_modules/pkg sub/node_modules cache sub/cache-not build deep/build
                : > node_modules/pkg/index.js; : > sub/node_modules/x; : > app.log; : > sub/deeper/x.log
                : > cache/blob; : > sub/cache; : > build/out; : > deep/build/kept
                """, src.toString());
    }

    /** The inode of the file with {@link HostileTree#RAW_NAME} in a tree, read with stat. */
    static String inodeOfRawName(Path tree) throws IOException {
        return HostileTree.sh("stat -c %i \"$1\"/\"$(printf 'bad\\377\\376name')\"", tree.toString()).strip();
    }
}
