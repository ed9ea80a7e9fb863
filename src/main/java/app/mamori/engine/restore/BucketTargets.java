package app.mamori.engine.restore;

import app.mamori.catalog.RecordedPoint;
import app.mamori.model.Source;
import app.mamori.model.Vault;

import java.util.List;

/** Where a bucket source's restore may go, and its {@code --include} keys in the index's form. */
final class BucketTargets {
    private BucketTargets() {
    }

    /** The request with each key ({@code photos/a.jpg}) as its index path ({@code /photos/a.jpg}). */
    static RestorePlanner.Request withKeys(RestorePlanner.Request r) {
        List<String> keys = r.include().stream().map(k -> k.startsWith("/") ? k : "/" + k).toList();
        return new RestorePlanner.Request(r.source(), r.point(), r.target(), r.safetyBackup(), keys, r.tables(),
                r.acceptFailedCheck());
    }

    static String describe(Source.Bucket bucket, RestoreTarget target, Vault vault, RecordedPoint point) {
        if (vault.isRemote()) {
            throw new IllegalArgumentException("restore point " + point.id() + " of bucket source " + bucket.name()
                    + " is in vault " + vault.name() + " on a server; bucket snapshots are restored from a vault on"
                    + " this computer");
        }
        if (target instanceof RestoreTarget.ToBucket b) {
            if (!b.bucket().matches("[a-z0-9][a-z0-9.\\-_]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("--to-bucket: '" + b.bucket() + "' is not a bucket name (3-63"
                        + " lower-case letters, digits, dots and hyphens)");
            }
            if (b.bucket().equals(bucket.bucket())) {
                throw new IllegalArgumentException("--to-bucket " + b.bucket() + " is the source's own bucket; to"
                        + " overwrite its objects, use --in-place (a safety backup is taken first)");
            }
            return "bucket " + b.bucket() + bucket.endpoint().map(e -> " at " + e).orElse("")
                    + " (it must hold none of the keys restored)";
        }
        if (target.inPlace()) {
            return bucket.describe() + ", objects replaced";
        }
        throw new IllegalArgumentException(bucket.name() + " is an s3-bucket source: use --to-bucket OTHER (same"
                + " endpoint and key) or --in-place");
    }
}
