package app.mamori.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper for the catalogue's few small JSON columns (source settings, artifact manifests). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
