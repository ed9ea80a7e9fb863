package app.mamori.ui.tray;

import app.mamori.ui.dashboard.Health;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The tray image: a shield-like disc in the worst job's colour. Drawn, so no image files to ship per size. */
final class TrayIcons {
    static final Color GREEN = new Color(0x1f, 0x88, 0x3d);
    static final Color AMBER = new Color(0xbf, 0x87, 0x00);
    static final Color RED = new Color(0xcf, 0x22, 0x2e);

    private TrayIcons() {
    }

    static Color colour(Health h) {
        return switch (h) {
            case GREEN -> GREEN;
            case AMBER -> AMBER;
            case RED -> RED;
        };
    }

    static BufferedImage image(Health h, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int pad = Math.max(1, size / 8);
        g.setColor(colour(h));
        g.fillOval(pad, pad, size - 2 * pad, size - 2 * pad);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(Math.max(1.5f, size / 10f)));
        int c = size / 2;
        int r = size / 5;
        g.drawLine(c - r, c, c - r / 3, c + r * 2 / 3); // a check mark: "protected"
        g.drawLine(c - r / 3, c + r * 2 / 3, c + r, c - r * 2 / 3);
        g.dispose();
        return img;
    }
}
