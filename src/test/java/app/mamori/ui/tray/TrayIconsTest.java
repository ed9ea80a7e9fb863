package app.mamori.ui.tray;

import app.mamori.ui.dashboard.Health;
import app.mamori.ui.dashboard.JobRow;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrayIconsTest {

    @Test
    void everyStateHasItsOwnShapeAtEveryPanelSize() {
        for (int size : TrayIcons.SIZES) {
            Set<String> shapes = new HashSet<>();
            for (TrayState s : TrayState.values()) {
                BufferedImage img = TrayIcons.image(s, size);
                assertThat(img.getWidth()).as(s + " at " + size).isEqualTo(size);
                shapes.add(silhouette(img));
            }
            assertThat(shapes).as("silhouettes at " + size + " px, colour aside").hasSize(TrayState.values().length);
        }
    }

    @Test
    void aSizeBetweenDrawnSizesGetsTheNextLargerDrawing() {
        assertThat(TrayIcons.image(TrayState.OK, 20).getWidth()).isEqualTo(22);
        assertThat(TrayIcons.image(TrayState.OK, 200).getWidth()).isEqualTo(64);
    }

    @Test
    void aFailureShowsEvenWhileAnotherJobRuns() {
        assertThat(TrayState.of(Health.RED, true)).isEqualTo(TrayState.FAILED);
        assertThat(TrayState.of(Health.AMBER, true)).isEqualTo(TrayState.RUNNING);
        assertThat(TrayState.of(Health.AMBER, false)).isEqualTo(TrayState.WARNING);
        assertThat(TrayState.of(Health.GREEN, false)).isEqualTo(TrayState.OK);
    }

    @Test
    void aFailedLastRunTurnsTheIconRedThoughTheJobSucceededRecently() {
        JobRow failed = row("db", Health.AMBER, "failed");
        JobRow fine = row("files", Health.GREEN, "succeeded");
        assertThat(TrayState.of(List.of(fine, failed), true)).isEqualTo(TrayState.FAILED);
        assertThat(TrayState.of(List.of(fine, row("db", Health.AMBER, "interrupted")), false))
                .isEqualTo(TrayState.FAILED);
        assertThat(TrayState.of(List.of(fine, row("db", Health.GREEN, "cancelled")), false))
                .as("cancelled by the admin: a choice, not a failure").isEqualTo(TrayState.OK);
        assertThat(TrayState.of(List.of(fine, row("db", Health.AMBER, "succeeded")), false))
                .isEqualTo(TrayState.WARNING);
        assertThat(TrayState.of(List.of(), false)).isEqualTo(TrayState.OK);
    }

    private static JobRow row(String job, Health health, String lastResult) {
        return new JobRow(job, "srv", "vault", health, Optional.of(Instant.EPOCH), Optional.of(lastResult),
                Optional.empty(), Optional.empty(), 0, 1, Optional.empty());
    }

    /** Which pixels are drawn at all: tells shapes apart without looking at colour. */
    private static String silhouette(BufferedImage img) {
        StringBuilder b = new StringBuilder();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                b.append((img.getRGB(x, y) >>> 24) > 128 ? '#' : '.');
            }
        }
        return b.toString();
    }
}
