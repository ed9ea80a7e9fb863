package app.mamori.vault;

import java.io.IOException;
import java.nio.file.Path;

/** A manifest read back from the vault, with where its point lives relative to the vault root. */
public record ManifestFile(String location, Manifest manifest) {

    static ManifestFile read(Path root, Path manifestPath) throws IOException {
        try {
            Manifest m = Json.mapper().readValue(manifestPath.toFile(), Manifest.class);
            return new ManifestFile(root.relativize(manifestPath.getParent()).toString(), m);
        } catch (IOException e) {
            throw new IOException("cannot read " + manifestPath + ": " + e.getMessage(), e);
        }
    }
}
