package app.mamori.service;

import app.mamori.catalog.Catalog;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Job;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import app.mamori.secret.SecretStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules the CLI and the app share, on a real catalogue and secret store (nothing here connects). */
class ServicesTest {
    @TempDir
    Path tmp;
    Services services;

    @BeforeEach
    void open() throws IOException {
        MamoriHome home = new MamoriHome(tmp.resolve("home")).ensureExists();
        services = Services.over(home, Catalog.open(home.catalogFile()), null, Clock.systemUTC());
        services.catalog().servers().add(new Server("db1", "db1.lan", 22, "backup", Optional.empty(), Optional.empty()));
        services.catalog().servers().add(new Server("nas", "nas.lan", 22, "backup", Optional.empty(), Optional.empty()));
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static Source.Database shop(String name) {
        return new Source.Database(name, "db1", SourceKind.POSTGRES, "shop", Optional.empty(), Optional.empty(),
                Optional.of("shop"), Optional.empty(), true);
    }

    private Optional<String> password(String source) throws IOException {
        return services.secrets().get(SecretStore.sourcePasswordKey(source));
    }

    @Test
    void reAddingASourceWithAPasswordIsRefusedAndKeepsTheStoredPassword() throws IOException {
        services.sources().add(shop("shop"), Optional.of("first"));

        assertThatThrownBy(() -> services.sources().add(shop("shop"), Optional.of("second")))
                .hasMessageContaining("already exists").hasMessageContaining("password");
        assertThat(password("shop")).hasValue("first");
    }

    @Test
    void removingASourceForgetsItsPassword() throws IOException {
        services.sources().add(shop("shop"), Optional.of("first"));
        services.sources().remove("shop");

        assertThat(services.sources().find("shop")).isEmpty();
        assertThat(password("shop")).isEmpty();
    }

    @Test
    void removingAServerTakesItsSourcesJobsVaultsAndPasswordsAlong() throws IOException {
        services.sources().add(shop("shop"), Optional.of("pw"));
        services.catalog().vaults().add(new Vault("ondb1", "/srv/backup", Optional.of("db1")));
        services.jobs().add(new Job("nightly", List.of("shop"), "ondb1"), Optional.empty(), Optional.empty());

        var preview = services.servers().dependents("db1");
        assertThat(preview.jobs()).containsExactly("nightly");
        assertThat(services.servers().find("db1")).isPresent();

        var gone = services.servers().remove("db1");
        assertThat(gone.sources()).containsExactly("shop");
        assertThat(gone.vaults()).containsExactly("ondb1");
        assertThat(services.servers().find("db1")).isEmpty();
        assertThat(services.jobs().list()).isEmpty();
        assertThat(services.vaults().list()).isEmpty();
        assertThat(password("shop")).isEmpty();
        assertThat(services.servers().find("nas")).isPresent();
    }

    @Test
    void aServerWhoseVaultAnotherServersJobUsesIsNotRemoved() throws IOException {
        services.catalog().vaults().add(new Vault("onnas", "/backup", Optional.of("nas")));
        services.sources().add(shop("shop"), Optional.empty());
        services.jobs().add(new Job("nightly", List.of("shop"), "onnas"), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> services.servers().remove("nas")).hasMessageContaining("onnas")
                .hasMessageContaining("nightly");
        assertThat(services.servers().find("nas")).isPresent();
        assertThat(services.vaults().find("onnas")).isPresent();
    }

    @Test
    void aVaultPathThatIsAFileIsRefusedNamingTheField() throws IOException {
        Path file = Files.writeString(tmp.resolve("hostname"), "x");

        assertThatThrownBy(() -> services.vaults().addLocal("v", file.toString())).hasMessageContaining("--path")
                .hasMessageContaining("is a file");
        assertThat(services.vaults().list()).isEmpty();
    }

    @Test
    void aNewLocalVaultFolderIsCreatedPrivateAndMeasuredWithHardLinksCountedOnce() throws IOException {
        Vault v = services.vaults().addLocal("nas", tmp.resolve("vault/new").toString());
        Path dir = Path.of(v.path());
        Files.write(dir.resolve("a"), new byte[4096]);
        Files.createLink(dir.resolve("b"), dir.resolve("a"));
        Files.write(dir.resolve("c"), new byte[100]);

        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(services.vaults().usage("nas").used()).isEqualTo(4196);
        assertThat(services.vaults().usage("nas").free()).isPositive();
    }
}
