package app.mamori.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers shared by the stores, so each store reads as its SQL. */
final class Rows {

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Rows() {
    }

    static <T> List<T> query(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    static <T> Optional<T> queryOne(Connection c, String sql, Mapper<T> mapper, Object... params)
            throws SQLException {
        List<T> all = query(c, sql, mapper, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** A statement without parameters or rows: DDL, or a PRAGMA that sets something. */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        return queryOne(c, sql, row -> Boolean.TRUE, params).isPresent();
    }

    static List<String> names(Connection c, String sql, Object... params) throws SQLException {
        return query(c, sql, row -> row.getString(1), params);
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            bind(statement, i + 1, params[i]);
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setLong(index, instant.toEpochMilli());
        } else {
            statement.setObject(index, value);
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    static Optional<String> optionalString(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
