package app.mamori.ui.fx;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogChangesTest {
    private final AtomicLong stamp = new AtomicLong(7);
    private final CatalogChanges changes = new CatalogChanges(UiExecutor.direct(), stamp::get);

    @Test
    void theFirstStampSeenCountsBecausePagesLoadedBeforeItWasRead() {
        changes.check();
        assertThat(changes.count().get()).isEqualTo(1);
    }

    @Test
    void anUnchangedStampCountsNothingAndAMovedOneCountsOnce() {
        changes.check();
        changes.check();
        assertThat(changes.count().get()).isEqualTo(1);
        stamp.set(8);
        changes.check();
        changes.check();
        assertThat(changes.count().get()).isEqualTo(2);
    }

    @Test
    void aFailedCheckCountsNothingAndTheNextOneStillAsks() {
        CatalogChanges locked = new CatalogChanges(UiExecutor.direct(), () -> {
            throw new java.sql.SQLException("database is locked");
        });
        locked.check();
        locked.check();
        assertThat(locked.count().get()).isZero();
    }
}
