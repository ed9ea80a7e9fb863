package app.mamori.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A login entry that is one file: on while the file is there and the desktop has not switched it off. */
abstract class EntryFile implements Autostart {
    private final Path file;

    EntryFile(Path file) {
        this.file = file;
    }

    /** The file's whole text. */
    abstract String content();

    /** True when the desktop's own settings turned this entry off, its file kept. */
    boolean switchedOff(List<String> lines) {
        return false;
    }

    public Path file() {
        return file;
    }

    @Override
    public boolean enabled() throws IOException {
        return Files.isRegularFile(file)
                && !switchedOff(Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList());
    }

    /** Written whole or not at all: a session must never find half an entry. */
    @Override
    public void enable() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".mamori", ".tmp");
        try {
            Files.writeString(tmp, content(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String where() {
        return file.toString();
    }
}
