package app.mamori.source.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which index entries a restore takes: all, or each {@code --include PATH} (a file or a
 * subtree, absolute as on the server) with the directories above it, so that they come
 * back with their own modes and times.
 */
public final class Selection {
    private Selection() {
    }

    public static Predicate<RawPath> of(List<String> includes) {
        if (includes.isEmpty()) {
            return p -> true;
        }
        List<byte[]> wanted = includes.stream().map(Selection::normalize)
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        return p -> {
            byte[] b = p.bytes();
            for (byte[] w : wanted) {
                if (Arrays.equals(b, w) || within(b, w) || within(w, b)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** {@code inner} lies below directory {@code outer}. */
    private static boolean within(byte[] inner, byte[] outer) {
        return inner.length > outer.length && inner[outer.length] == '/'
                && Arrays.equals(inner, 0, outer.length, outer, 0, outer.length)
                || outer.length == 1 && outer[0] == '/' && inner.length > 1;
    }

    /** An include path with repeated slashes folded and no trailing slash; refuses a relative one. */
    public static String normalize(String include) {
        if (!include.startsWith("/")) {
            throw new IllegalArgumentException("--include: '" + include + "' must be an absolute path as on the"
                    + " server, such as /srv/uploads/2026");
        }
        String s = include.replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
