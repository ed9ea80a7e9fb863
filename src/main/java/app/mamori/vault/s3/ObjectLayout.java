package app.mamori.vault.s3;

import app.mamori.vault.crypto.DataKeys;

import java.util.Optional;

/**
 * Object names in a vault's bucket. A plain vault reads like the local one
 * ({@code points/SERVER/JOB/POINT.json}, {@code data/SERVER/JOB/POINT/FILE}); an encrypted one
 * names every object by a keyed hash of that path, so the listing gives nothing away.
 */
final class ObjectLayout {
    static final String POINTS = "points/";
    static final String DATA = "data/";
    static final String TREES = "trees/";
    private final String prefix;
    private final Optional<DataKeys> keys;

    ObjectLayout(String prefix, Optional<DataKeys> keys) {
        this.prefix = prefix;
        this.keys = keys;
    }

    /** What a point's manifest object holds, in words: the context its encryption is bound to. */
    static String pointContext(String location) {
        return "point/" + location;
    }

    static String dataContext(String location, String artifact) {
        return "data/" + location + "/" + artifact;
    }

    String pointKey(String location) {
        return prefix + POINTS + keys.map(k -> k.objectName(pointContext(location))).orElse(location + ".json");
    }

    String dataKey(String location, String artifact) {
        return prefix + DATA + keys.map(k -> k.objectName(dataContext(location, artifact)))
                .orElse(location + "/" + artifact);
    }

    /**
     * Where one job's file-tree contents live: {@code trees/SERVER/JOB/} in a plain vault, a keyed
     * hash of that in an encrypted one. Kept per job so the job's lock covers its whole prune.
     */
    String treePrefix(String scope) {
        return prefix + TREES + keys.map(k -> k.objectName("tree-scope/" + scope)).orElse(scope) + "/";
    }

    /**
     * One content object of a scope: {@code kind} is {@code b} (one file's content) or {@code p}
     * (a pack of small files), {@code id} the plaintext's SHA-256; encrypted, a keyed hash of
     * both, never the SHA-256 itself, which would tell who holds a known file.
     */
    String treeKey(String scope, String kind, String id) {
        return treePrefix(scope) + kind + "/" + keys.map(k -> k.objectName(treeContext(scope, kind, id))).orElse(id);
    }

    static String treeContext(String scope, String kind, String id) {
        return "tree/" + scope + "/" + kind + "/" + id;
    }

    String pointsPrefix() {
        return prefix + POINTS;
    }

    String keyFile() {
        return prefix + app.mamori.vault.crypto.VaultKey.OBJECT_NAME;
    }
}
