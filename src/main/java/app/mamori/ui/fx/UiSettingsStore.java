package app.mamori.ui.fx;

import app.mamori.vault.SecureFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link UiSettings}; a missing or unreadable file means the defaults. */
public final class UiSettingsStore {
    private static final System.Logger LOG = System.getLogger(UiSettingsStore.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public UiSettingsStore(Path file) {
        this.file = file;
    }

    public UiSettings load() {
        if (!Files.isRegularFile(file)) {
            return UiSettings.defaults();
        }
        try {
            UiSettings s = MAPPER.readValue(file.toFile(), UiSettings.class);
            // files written before a setting existed lack it: that setting's default
            s = s.theme() == null ? s.withTheme(UiSettings.ThemeChoice.SYSTEM) : s;
            return s.language() == null ? s.withLanguage(UiSettings.Language.SYSTEM) : s;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable " + file + "; using defaults", e);
            return UiSettings.defaults();
        }
    }

    /** Written whole or not at all. */
    public void save(UiSettings settings) {
        try {
            SecureFiles.writeAtomically(file, MAPPER.writeValueAsBytes(settings));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save " + file, e);
        }
    }
}
