package app.mamori.ui.tray;

import app.mamori.ui.dashboard.Health;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class TrayIconsTest {

    @Test
    void theIconIsTheWorstJobsColourAtEverySize() {
        for (Health h : Health.values()) {
            for (int size : new int[]{16, 22, 64}) {
                BufferedImage img = TrayIcons.image(h, size);
                int rgb = img.getRGB(size / 2, Math.max(1, size / 8) + 2); // top of the disc, above the mark
                assertThat(rgb & 0xffffff).as(h + " at " + size).isEqualTo(TrayIcons.colour(h).getRGB() & 0xffffff);
                assertThat(img.getRGB(0, 0) >>> 24).as("transparent corner").isZero();
            }
        }
    }

    @Test
    void theColoursDifferSoTheStateCanBeToldApart() {
        assertThat(TrayIcons.colour(Health.GREEN)).isNotEqualTo(TrayIcons.colour(Health.AMBER))
                .isNotEqualTo(TrayIcons.colour(Health.RED));
    }
}
