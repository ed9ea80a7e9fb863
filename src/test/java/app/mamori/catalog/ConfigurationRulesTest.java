package app.mamori.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.mamori.model.Job;
import app.mamori.model.JumpHost;
import app.mamori.model.Server;
import app.mamori.model.Vault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationRulesTest {
    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void open() {
        catalog = Catalog.open(dir.resolve("catalog.db"));
        Fixtures.addBlogJob(catalog);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void aServerWithIdentityAndJumpHostReadsBackEqual() {
        Server bastioned = new Server("mail", "10.0.0.5", 2222, "root", Optional.of("/home/me/.ssh/id_ed25519"),
                Optional.of(new JumpHost("jump", "bastion.example.org", 2200)));
        catalog.servers().add(bastioned);

        assertThat(catalog.servers().get("mail")).isEqualTo(bastioned);
        assertThat(catalog.servers().list()).extracting(Server::name).containsExactly("mail", "web");
    }

    @Test
    void aJumpHostAtAnIpv6AddressOnTheDefaultPortReadsBackEqual() {
        Server viaIpv6 = new Server("nas", "nas.lan", 22, "admin", Optional.empty(),
                Optional.of(new JumpHost("jump", "fd00::1", 22)));
        catalog.servers().add(viaIpv6);

        assertThat(catalog.servers().get("nas")).isEqualTo(viaIpv6);
    }

    @Test
    void duplicateNamesAreRefusedNamingTheDuplicate() {
        assertThatThrownBy(() -> catalog.servers().add(Fixtures.server("web")))
                .hasMessage("server 'web' already exists");
        assertThatThrownBy(() -> catalog.sources().add(Fixtures.sqlite("blog-db", "web")))
                .hasMessage("source 'blog-db' already exists");
        assertThatThrownBy(() -> catalog.vaults().add(Fixtures.localVault("nas")))
                .hasMessage("vault 'nas' already exists");
        assertThatThrownBy(() -> catalog.jobs().add(new Job("blog", List.of("blog-db"), "nas")))
                .hasMessage("job 'blog' already exists");
    }

    @Test
    void aJobNamingAMissingSourceOrVaultIsRefusedAndNotStored() {
        assertThatThrownBy(() -> catalog.jobs().add(new Job("j", List.of("blog-db", "s"), "nas")))
                .isInstanceOf(CatalogException.class)
                .hasMessage("job 'j' uses source 's', which does not exist");
        assertThatThrownBy(() -> catalog.jobs().add(new Job("j", List.of("blog-db"), "s3")))
                .hasMessage("job 'j' uses vault 's3', which does not exist");
        assertThat(catalog.jobs().find("j")).isEmpty();
    }

    @Test
    void sourcesAndVaultsOnAMissingServerAreRefused() {
        assertThatThrownBy(() -> catalog.sources().add(Fixtures.sqlite("x", "ghost")))
                .hasMessageStartingWith("source 'x' is on server 'ghost', which does not exist");
        assertThatThrownBy(() -> catalog.vaults().add(new Vault("far", "/backups", Optional.of("ghost"))))
                .hasMessageStartingWith("vault 'far' is on server 'ghost', which does not exist");
    }

    @Test
    void aJobTakesSourcesOfOneServerOnly() {
        catalog.servers().add(Fixtures.server("mail"));
        catalog.sources().add(Fixtures.sqlite("mail-db", "mail"));

        assertThatThrownBy(() -> catalog.jobs().add(new Job("mixed", List.of("blog-db", "mail-db"), "nas")))
                .hasMessageContaining("job 'mixed' takes sources from servers 'mail', 'web'");
    }

    @Test
    void aJobKeepsItsSourcesInTheGivenOrder() {
        catalog.jobs().add(new Job("reversed", List.of("uploads", "blog-db"), "nas"));

        assertThat(catalog.jobs().get("reversed").sources()).containsExactly("uploads", "blog-db");
        assertThat(catalog.jobs().get("blog").sources()).containsExactly("blog-db", "uploads");
    }

    @Test
    void thingsStillInUseCannotBeRemoved() {
        assertThatThrownBy(() -> catalog.servers().remove("web"))
                .hasMessage("server 'web' is still used by source 'blog-db', source 'uploads'; remove those first");
        assertThatThrownBy(() -> catalog.sources().remove("uploads"))
                .hasMessage("source 'uploads' is still used by job 'blog'; take it out of the job first");
        assertThatThrownBy(() -> catalog.vaults().remove("nas"))
                .hasMessageStartingWith("vault 'nas' is still used by job 'blog'");
    }

    @Test
    void removingInDependencyOrderEmptiesTheConfiguration() {
        catalog.jobs().remove("blog");
        catalog.sources().remove("blog-db");
        catalog.sources().remove("uploads");
        catalog.vaults().remove("nas");
        catalog.servers().remove("web");

        assertThat(catalog.jobs().list()).isEmpty();
        assertThat(catalog.servers().list()).isEmpty();
        assertThatThrownBy(() -> catalog.servers().get("web")).hasMessage("server 'web' does not exist");
        assertThatThrownBy(() -> catalog.jobs().remove("blog")).hasMessage("job 'blog' does not exist");
    }
}
