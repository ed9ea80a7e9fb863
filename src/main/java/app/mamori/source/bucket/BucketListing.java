package app.mamori.source.bucket;

import app.mamori.source.files.RawPath;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects under a source's prefix, checked and put in the order a snapshot writes them:
 * every folder (a key's parents, and folder markers ending in '/') before what it holds. Every
 * key is checked before the snapshot writes anything.
 */
final class BucketListing {

    /** One object as the bucket listed it. */
    record Listed(String key, long size, String etag, Instant modified) {
    }

    /**
     * A path of the snapshot: a folder ({@code object} null) or an object.
     *
     * @param modified for a folder, the newest object below it
     */
    record Planned(RawPath path, String stored, Listed object, Instant modified) {
        boolean folder() {
            return object == null;
        }
    }

    private BucketListing() {
    }

    static List<Listed> list(S3Client s3, String bucket, String prefix) {
        List<Listed> out = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            out.add(new Listed(o.key(), o.size(), o.eTag(), o.lastModified()));
        }
        return out;
    }

    /** Folders and objects in writing order, the root first; refuses an unsafe key or a name both object and folder. */
    static List<Planned> plan(String bucket, String prefix, List<Listed> objects) throws IOException {
        String root = ObjectKeys.root(prefix);
        // '/' sorts before every other character, so a folder comes right before what it holds
        Map<String, Planned> byPath = new TreeMap<>(Comparator.comparing((String p) -> p.replace('/', '\0')));
        Map<String, Instant> folders = new HashMap<>();
        folders.put(root, Instant.EPOCH);
        for (Listed o : objects) {
            if (o.key().equals(prefix)) {
                continue; // the prefix's own folder marker: the root
            }
            ObjectKeys.check(bucket, o.key());
            String path = "/" + o.key();
            if (ObjectKeys.isFolderMarker(o.key())) {
                path = path.substring(0, path.length() - 1);
                folders.merge(path, o.modified(), BucketListing::newer);
            } else if (byPath.put(path, new Planned(ObjectKeys.indexPath(o.key()), ObjectKeys.stored(o.key()), o,
                    o.modified())) != null) {
                throw new IOException("bucket " + bucket + " listed object '" + ObjectKeys.printable(o.key())
                        + "' twice; nothing was stored");
            }
            for (int slash = path.lastIndexOf('/'); slash > 0 && path.substring(0, slash).length() >= root.length();
                 slash = path.lastIndexOf('/', slash - 1)) {
                folders.merge(path.substring(0, slash), o.modified(), BucketListing::newer);
            }
        }
        for (Map.Entry<String, Instant> f : folders.entrySet()) {
            Planned clash = byPath.get(f.getKey());
            if (clash != null) {
                throw new IOException("bucket " + bucket + " holds object '" + ObjectKeys.printable(clash.object().key())
                        + "' and also objects below '" + ObjectKeys.printable(clash.object().key()) + "/'; a snapshot"
                        + " keeps objects as files and cannot store one name as both a file and a folder. Nothing"
                        + " was stored; rename one of them, or back up a --prefix without them");
            }
            String key = f.getKey().equals("/") ? "" : f.getKey().substring(1);
            byPath.put(f.getKey(), new Planned(RawPath.ofUtf8(f.getKey()), key.isEmpty() ? ""
                    : ObjectKeys.stored(key), null, f.getValue()));
        }
        return List.copyOf(byPath.values());
    }

    private static Instant newer(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
