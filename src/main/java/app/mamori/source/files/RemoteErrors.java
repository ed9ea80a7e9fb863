package app.mamori.source.files;

import app.mamori.ssh.ExecResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy for find and tar complaints (both run with {@code LC_ALL=C}, so in English).
 * A path that vanished between listing and reading, or changed while tar read it, is a
 * warning: the server is live, and the next snapshot picks it up. Anything else, first of
 * all "Permission denied", fails the snapshot with the server's own line, which names the
 * path: a backup that silently lacks files is the failure Mamori exists to prevent.
 */
final class RemoteErrors {
    private RemoteErrors() {
    }

    record Verdict(List<String> warnings, String failure) {
        boolean failed() {
            return failure != null;
        }
    }

    /**
     * @param what         "listing" or "fetching", for the messages
     * @param roots        the backed-up roots: one of them missing is a failure, not a vanished file
     */
    static Verdict judge(String what, ExecResult r, List<String> roots) {
        List<String> warnings = new ArrayList<>();
        String failure = null;
        for (String line : r.stderr().split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.endsWith("Exiting with failure status due to previous errors")) {
                continue;
            }
            if (isVanished(l) && !namesRoot(l, roots)) {
                warnings.add("vanished while " + what + ": " + l);
            } else if (l.endsWith(": file changed as we read it")) {
                warnings.add("changed while " + what + ", the copy may mix old and new content: " + l);
            } else if (failure == null) {
                failure = l;
            }
        }
        if (r.stderrTruncated() && failure == null) {
            failure = "too many errors from the server to judge them all; the first: " + r.lastStderrLine();
        }
        if (!r.ok() && failure == null && warnings.isEmpty()) {
            failure = "exit status " + r.exitStatus() + " with no message";
        }
        return new Verdict(warnings, failure == null ? null : what + " failed: " + failure);
    }

    private static boolean isVanished(String line) {
        return line.endsWith(": No such file or directory");
    }

    private static boolean namesRoot(String line, List<String> roots) {
        for (String root : roots) {
            if (line.startsWith("find: '" + root + "'") || line.startsWith("find: \u2018" + root + "\u2019")) {
                return true;
            }
        }
        return false;
    }
}
