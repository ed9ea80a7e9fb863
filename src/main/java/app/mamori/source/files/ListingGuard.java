package app.mamori.source.files;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a listing that could make a snapshot write outside its folder. The listing comes
 * from the server, and a compromised server can send any names it likes: {@code ..}, names
 * outside the roots, or a symlink followed by a folder of the same name so that later
 * entries would be written through the link. Every entry is checked before anything is
 * written for it; the first bad one fails the snapshot.
 * <p>
 * What holds after {@link #check}: the path is a root or lies below one, has no empty,
 * {@code .} or {@code ..} component, was not listed before, and (below a root) its parent
 * was listed earlier as a directory, so no entry can be written through a symlink. GNU
 * {@code find} lists every directory before its entries, so an honest listing always passes.
 */
final class ListingGuard {
    private final List<RawPath> roots;
    private final Set<RawPath> directories = new HashSet<>();
    private final Set<RawPath> seen = new HashSet<>();

    ListingGuard(List<String> roots) {
        this.roots = roots.stream().map(RawPath::ofUtf8).toList();
    }

    void check(ListedEntry e) throws IOException {
        RawPath path = e.path();
        RawPath root = rootOf(path);
        if (root == null) {
            throw refused(path, "it is outside the folders this source backs up (" + String.join(", ",
                    roots.stream().map(RawPath::toString).toList()) + ")");
        }
        if (!path.equals(root)) {
            String bad = badComponent(path.latin1().substring(root.latin1().length()));
            if (bad != null) {
                throw refused(path, bad);
            }
            if (!directories.contains(parent(path))) {
                throw refused(path, "its folder was not listed before it as a folder (it may be a symlink)");
            }
        }
        if (!seen.add(path)) {
            throw refused(path, "it was listed twice");
        }
        if (e.type() == EntryType.DIRECTORY) {
            directories.add(path);
        }
    }

    private RawPath rootOf(RawPath path) {
        String p = path.latin1();
        for (RawPath root : roots) {
            String r = root.latin1();
            if (p.equals(r) || p.startsWith(r.endsWith("/") ? r : r + "/")) {
                return root;
            }
        }
        return null;
    }

    /** Why the part below the root is unsafe, or null; {@code rest} starts with '/' (or is a root's own '/' remainder). */
    private static String badComponent(String rest) {
        String[] parts = rest.split("/", -1);
        // a root ending in '/' (only "/") leaves no leading empty part
        int first = parts.length > 0 && parts[0].isEmpty() ? 1 : 0;
        for (int i = first; i < parts.length; i++) {
            switch (parts[i]) {
                case "" -> {
                    return "it has an empty name component";
                }
                case ".", ".." -> {
                    return "it has a '" + parts[i] + "' component";
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static RawPath parent(RawPath path) {
        String p = path.latin1();
        int slash = p.lastIndexOf('/');
        return RawPath.ofLatin1(slash == 0 ? "/" : p.substring(0, slash));
    }

    private static IOException refused(RawPath path, String why) {
        return new IOException("the server's file listing named '" + path + "', which a snapshot must not write: "
                + why + ". Nothing was stored. An honest server never lists such a name; check the server for"
                + " tampering (a replaced find command) before backing it up again");
    }
}
