package app.mamori.source.discover;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How to look: database logins (passwords travel on stdin only), the folders to offer with
 * their sizes, and where to search for SQLite files. {@link #defaults()} holds the usual
 * places; {@link #plusFolders} and {@link #plusSqliteRoots} add the admin's own to them.
 */
public record DiscoverOptions(DbLogin postgres, DbLogin mysql, List<String> sqliteRoots, List<String> folders) {

    /** Where apps keep their SQLite files on a typical server. */
    public static final List<String> SQLITE_ROOTS = List.of("/var/lib", "/srv", "/opt", "/var/www", "/home");
    /** Folders worth backing up on most servers. */
    public static final List<String> FOLDERS = List.of("/etc", "/var/www", "/home", "/srv", "/opt");

    public DiscoverOptions {
        sqliteRoots = List.copyOf(sqliteRoots);
        folders = List.copyOf(folders);
        sqliteRoots.forEach(r -> requireAbsolute("--sqlite-root", r));
        folders.forEach(f -> requireAbsolute("--folder", f));
    }

    public static DiscoverOptions defaults() {
        return new DiscoverOptions(DbLogin.NONE, DbLogin.NONE, SQLITE_ROOTS, FOLDERS);
    }

    public DiscoverOptions withPostgres(DbLogin login) {
        return new DiscoverOptions(login, mysql, sqliteRoots, folders);
    }

    public DiscoverOptions withMysql(DbLogin login) {
        return new DiscoverOptions(postgres, login, sqliteRoots, folders);
    }

    /** These roots searched for SQLite files too (a root already listed is not searched twice). */
    public DiscoverOptions plusSqliteRoots(List<String> roots) {
        return new DiscoverOptions(postgres, mysql, union(sqliteRoots, roots), folders);
    }

    /** These folders offered too, with their sizes. */
    public DiscoverOptions plusFolders(List<String> more) {
        return new DiscoverOptions(postgres, mysql, sqliteRoots, union(folders, more));
    }

    /** No folders offered and no SQLite roots searched but those added after this. */
    public DiscoverOptions withoutDefaultPlaces() {
        return new DiscoverOptions(postgres, mysql, List.of(), List.of());
    }

    private static List<String> union(List<String> a, List<String> b) {
        return List.copyOf(new LinkedHashSet<>(Stream.concat(a.stream(), b.stream()).toList()));
    }

    private static void requireAbsolute(String option, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(option + ": '" + path + "' must be an absolute path on the server"
                    + " (starting with /)");
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(option + ": a path with a line break cannot be searched; give the"
                    + " folder above it");
        }
    }

    /** A database login; every part optional (the tool's defaults, such as peer login over the socket). */
    public record DbLogin(Optional<String> host, Optional<Integer> port, Optional<String> user,
                          Optional<String> password) {
        public static final DbLogin NONE = new DbLogin(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public DbLogin {
            host = host == null ? Optional.empty() : host;
            port = port == null ? Optional.empty() : port;
            user = user == null ? Optional.empty() : user;
            password = password == null ? Optional.empty() : password;
            if (password.isPresent() && (password.get().contains("\n") || password.get().contains("\r"))) {
                throw new IllegalArgumentException("a password cannot contain a line break");
            }
        }

        @Override
        public String toString() {
            return "DbLogin[host=" + host + ", port=" + port + ", user=" + user + ", password="
                    + (password.isPresent() ? "(given)" : "(none)") + "]";
        }
    }
}
