package app.mamori.ui.servers;

import app.mamori.service.Services;
import app.mamori.catalog.Catalog;
import app.mamori.engine.MamoriHome;
import app.mamori.model.Server;
import app.mamori.ui.AppContext;
import app.mamori.ui.fx.I18n;
import app.mamori.ui.fx.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerWizardViewModelTest {

    private static ServerWizardViewModel vm(Path tmp) {
        Catalog catalog = Catalog.open(tmp.resolve("catalog.db"));
        catalog.servers().add(new Server("web1", "web1.lan", 22, "root", Optional.empty(), Optional.empty()));
        AppContext app = new AppContext(Services.over(new MamoriHome(tmp), catalog, null, Clock.systemUTC()), UiExecutor.direct(), new I18n(Locale.ENGLISH));
        return new ServerWizardViewModel(app);
    }

    @Test
    void fieldsAreCheckedAsTypedWithTheErrorBesideEach(@TempDir Path tmp) {
        ServerWizardViewModel vm = vm(tmp);
        assertThat(vm.connectionValid().get()).as("nothing typed yet").isFalse();
        vm.name.set("db 1");
        assertThat(vm.nameError.get()).startsWith("\u201cdb 1\u201d cannot be a name");
        vm.name.set("web1");
        assertThat(vm.nameError.get()).isEqualTo("a server with this name exists already");
        vm.name.set("db1");
        vm.host.set("db1 .lan");
        assertThat(vm.hostError.get()).isEqualTo("no spaces in a host name");
        vm.host.set("db1.lan");
        vm.port.set("ssh");
        assertThat(vm.portError.get()).isEqualTo("a port is a number, 1 to 65535");
        vm.port.set("2222");
        vm.identity.set(tmp.resolve("no-such-key").toString());
        assertThat(vm.identityError.get()).isEqualTo("cannot read this key file on this computer");
        vm.identity.set("");
        vm.jump.set("@:x");
        assertThat(vm.jumpError.get()).isNotEmpty();
        vm.jump.set("admin@bastion.lan:2200");
        assertThat(vm.connectionValid().get()).isTrue();
        assertThat(vm.server().jump()).isPresent();
        assertThat(vm.jobName.get()).as("the job is named after the server until renamed").isEqualTo("db1");
    }
}
