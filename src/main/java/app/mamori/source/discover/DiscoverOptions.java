package app.mamori.source.discover;

import java.util.List;
import java.util.Optional;

/**
 * How to look: database credentials (passwords travel on stdin only) and where to look for
 * SQLite files.
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

    public DiscoverOptions withSqliteRoots(List<String> roots) {
        return new DiscoverOptions(postgres, mysql, roots, folders);
    }

    private static void requireAbsolute(String option, String path) {
        if (!path.startsWith("/") || path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(option + ": '" + path + "' must be an absolute path on the server");
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
