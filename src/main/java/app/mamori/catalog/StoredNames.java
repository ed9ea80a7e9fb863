package app.mamori.catalog;

import java.util.Locale;

/** How the catalogue writes its enums: the constant's name in lower case, '_' as '-' ({@code PRE_RESTORE} is {@code pre-restore}). */
final class StoredNames {
    private StoredNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Each enum's constants by stored name, built once: a listing parses a name or two per row. */
    private static final ClassValue<java.util.Map<String, Object>> BY_NAME = new ClassValue<>() {
        @Override
        protected java.util.Map<String, Object> computeValue(Class<?> type) {
            java.util.Map<String, Object> byName = new java.util.HashMap<>();
            for (Object value : type.getEnumConstants()) {
                byName.put(of((Enum<?>) value), value);
            }
            return java.util.Map.copyOf(byName);
        }
    };

    static <E extends Enum<E>> E parse(Class<E> type, String stored) {
        Object value = stored == null ? null : BY_NAME.get(type).get(stored);
        if (value != null) {
            return type.cast(value);
        }
        throw new CatalogException("the catalogue holds '" + stored + "', which this Mamori does not know as a "
                + type.getSimpleName() + "; was it written by a newer version?");
    }
}
