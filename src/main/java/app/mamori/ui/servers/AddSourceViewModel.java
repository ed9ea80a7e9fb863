package app.mamori.ui.servers;

import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.source.files.RemoteFolders;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.ErrorWords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A source added by hand, of any kind, on one server: the fields the kind needs, read into
 * the same {@link Source} record {@code mamori source add} builds, so the same checks apply.
 */
public final class AddSourceViewModel {
    private final AppContext app;
    private final String server;
    public final ObjectProperty<SourceKind> kind = new SimpleObjectProperty<>(SourceKind.POSTGRES);
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty database = new SimpleStringProperty("");
    public final StringProperty dbHost = new SimpleStringProperty("");
    public final StringProperty dbPort = new SimpleStringProperty("");
    public final StringProperty dbUser = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty container = new SimpleStringProperty("");
    /** sqlite: the file; files: folders, one per line. */
    public final StringProperty paths = new SimpleStringProperty("");
    /** files: patterns to leave out, one per line. */
    public final StringProperty excludes = new SimpleStringProperty("");
    public final StringProperty volume = new SimpleStringProperty("");
    public final StringProperty bucket = new SimpleStringProperty("");
    public final StringProperty prefix = new SimpleStringProperty("");
    public final StringProperty endpoint = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty("us-east-1");
    public final StringProperty accessKeyId = new SimpleStringProperty("");
    public final StringProperty secretKey = new SimpleStringProperty("");
    public final BooleanProperty pathStyle = new SimpleBooleanProperty(false);
    public final BooleanProperty viaSsh = new SimpleBooleanProperty(false);
    public final StringProperty message = new SimpleStringProperty("");

    public AddSourceViewModel(AppContext app, String server) {
        this.app = app;
        this.server = server;
    }

    public String server() {
        return server;
    }

    /** The source as typed; throws with a message naming the field when something is missing or wrong. */
    Source source() {
        String n = name.get().trim();
        return switch (kind.get()) {
            case POSTGRES, MYSQL -> new Source.Database(n, server, kind.get(), database.get().trim(), text(dbHost),
                    port(), text(dbUser), text(container), !password.get().isEmpty());
            case SQLITE -> new Source.Sqlite(n, server, paths.get().trim());
            case FILES -> new Source.Files(n, server, lines(paths.get()), lines(excludes.get()));
            case DOCKER_VOLUME -> new Source.DockerVolume(n, server, volume.get().trim());
            case S3_BUCKET -> new Source.Bucket(n, server, bucket.get().trim(), prefix.get().trim(), text(endpoint),
                    region.get().trim(), pathStyle.get(), accessKeyId.get().trim(), viaSsh.get());
        };
    }

    private Optional<Integer> port() {
        String p = dbPort.get().trim();
        if (p.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(p));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(app.text().t("source.portNotANumber", p));
        }
    }

    private static Optional<String> text(StringProperty p) {
        return Optional.of(p.get().trim()).filter(s -> !s.isEmpty());
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Adds folders chosen with Browse... to the folders field, each once, keeping what was typed. */
    public void addFolders(List<String> folders) {
        List<String> have = new java.util.ArrayList<>(lines(paths.get()));
        folders.stream().filter(f -> !have.contains(f)).forEach(have::add);
        paths.set(String.join("\n", have));
        if (name.get().isBlank() && !folders.isEmpty()) {
            String base = folders.get(0).substring(folders.get(0).lastIndexOf('/') + 1);
            // a folder's own name is the obvious source name, where it is a valid one
            if (base.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                name.set(base);
            }
        }
    }

    /** Where Browse... starts: the folder above the last one typed, else the root. */
    public String browseStart() {
        List<String> typed = lines(paths.get());
        if (typed.isEmpty() || !typed.get(typed.size() - 1).startsWith("/")) {
            return "/";
        }
        return RemoteFolders.parent(typed.get(typed.size() - 1));
    }

    /** Adds the source (and its password, if typed) as {@code mamori source add} does; {@code done} on success. */
    public void save(Runnable done) {
        Source s;
        try {
            s = source();
        } catch (IllegalArgumentException e) {
            message.set(ErrorWords.say(app.text(), e));
            return;
        }
        Optional<String> pw = s instanceof Source.Database && !password.get().isEmpty()
                ? Optional.of(password.get()) : Optional.empty();
        if (s instanceof Source.Bucket) {
            if (secretKey.get().isEmpty()) {
                message.set(app.text().t("source.secretKey.missing"));
                return;
            }
            pw = Optional.of(secretKey.get());
        }
        Optional<String> secret = pw;
        message.set("");
        app.executor().submit(() -> {
            app.services().sources().add(s, secret);
            return s;
        }, added -> done.run(), e -> message.set(ErrorWords.say(app.text(), e)));
    }
}
