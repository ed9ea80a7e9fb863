package app.mamori.engine.offsite;

import app.mamori.vault.Manifest;
import app.mamori.vault.ManifestFile;
import app.mamori.vault.s3.S3Vault;
import app.mamori.vault.s3.TreeObjects;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * After the offsite retention removed copies: deletes the content objects of a job's file-tree
 * copies that no remaining listing uses, as restic's prune does. What a listing uses is read from
 * the bucket itself (every manifest of the job there, and its listings), so an object is never
 * deleted on the word of the catalogue alone; when any listing cannot be read, nothing is
 * deleted. An object still under Object Lock is left for a later prune. Runs under the job's
 * lock, so no copy of the job is adding objects meanwhile.
 */
final class TreeGc {
    private TreeGc() {
    }

    /** What was deleted, and how many unused objects the bucket kept because they are still locked. */
    record Result(int deleted, int locked) {
    }

    static Result collect(S3Vault vault, String server, String job) throws IOException {
        TreeObjects objects = vault.trees(server, job);
        Set<String> used = new HashSet<>();
        for (ManifestFile mf : vault.manifests()) {
            Manifest m = mf.manifest();
            if (!m.server().equals(server) || !m.job().equals(job)) {
                continue;
            }
            for (Manifest.Entry e : m.sources()) {
                if (OffsiteCopier.isTree(e)) {
                    TreeListing l = TreeListing.fromBytes(objects.listing(mf.location(), e.artifact()));
                    for (Map.Entry<String, TreeListing.Ref> c : l.contents().entrySet()) {
                        used.add(c.getValue().pack() == null ? objects.key(TreeObjects.BLOB, c.getKey())
                                : objects.key(TreeObjects.PACK, c.getValue().pack()));
                    }
                }
            }
        }
        int deleted = 0;
        int locked = 0;
        for (String key : objects.stored().keySet()) {
            if (!used.contains(key)) {
                if (objects.delete(key)) {
                    deleted++;
                } else {
                    locked++;
                }
            }
        }
        return new Result(deleted, locked);
    }
}
