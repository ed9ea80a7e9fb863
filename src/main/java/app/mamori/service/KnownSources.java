package app.mamori.service;

import app.mamori.model.Source;

import java.util.List;
import java.util.Optional;

/**
 * Whether a source discovery suggests is already backed up by one of the server's sources.
 * Compared by what is backed up, never by name: a source the admin named "blog" for database
 * wordpress covers the suggested "wordpress".
 */
final class KnownSources {
    private KnownSources() {
    }

    /** True when one of {@code have} backs up what {@code suggested} would. */
    static boolean covered(List<Source> have, Source suggested) {
        return have.stream().anyMatch(h -> covers(h, suggested));
    }

    static boolean covers(Source have, Source suggested) {
        if (suggested instanceof Source.Database s) {
            return have instanceof Source.Database h && h.kind() == s.kind() && h.database().equals(s.database())
                    && h.container().equals(s.container())
                    // one host may run two database servers; a port left out means the default one
                    && same(h.dbPort(), s.dbPort());
        }
        if (suggested instanceof Source.Sqlite s) {
            return have instanceof Source.Sqlite h && h.path().equals(s.path());
        }
        if (suggested instanceof Source.Files s) {
            return have instanceof Source.Files h
                    && s.paths().stream().allMatch(p -> h.paths().stream().anyMatch(q -> within(p, q)));
        }
        Source.DockerVolume s = (Source.DockerVolume) suggested;
        return have instanceof Source.DockerVolume h && h.volume().equals(s.volume());
    }

    private static <T> boolean same(Optional<T> a, Optional<T> b) {
        return a.isEmpty() || b.isEmpty() || a.equals(b);
    }

    /** {@code path} is {@code folder} or below it: /srv/www is covered by a source of /srv. */
    private static boolean within(String path, String folder) {
        String f = folder.endsWith("/") ? folder : folder + "/";
        return path.equals(folder) || (path + "/").startsWith(f);
    }
}
