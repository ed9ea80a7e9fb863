package app.mamori.service;

/** A remote script that prints one line per tool Mamori may use: its version, or "not installed". */
public final class ToolVersions {
    public static final String SCRIPT = String.join("\n",
            "v() { n=$1; shift; if command -v \"$n\" >/dev/null 2>&1; then printf '%-13s %s\\n' \"$n\" \"$(\"$n\" \"$@\" 2>&1 | head -n 1)\"; else printf '%-13s %s\\n' \"$n\" 'not installed'; fi; }",
            "v pg_dump --version",
            "v psql --version",
            "v mariadb-dump --version",
            "v mysqldump --version",
            "v sqlite3 -version",
            "v tar --version",
            "v find --version",
            "v rsync --version",
            "v zstd --version",
            "v docker --version",
            "true");

    private ToolVersions() {
    }
}
