package app.mamori.catalog;

import java.util.Locale;

/** How the catalogue writes its enums: the constant's name in lower case, '_' as '-' ({@code PRE_RESTORE} is {@code pre-restore}). */
final class StoredNames {
    private StoredNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String stored) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(stored)) {
                return value;
            }
        }
        throw new CatalogException("the catalogue holds '" + stored + "', which this Mamori does not know as a "
                + type.getSimpleName() + "; was it written by a newer version?");
    }
}
