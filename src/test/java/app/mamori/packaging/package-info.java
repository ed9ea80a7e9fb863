/**
 * Checks of the packaged app, run by {@code mvn verify} after {@code scripts/package
 * --image-only} built the app image: it starts, shows its window on a real X display
 * (Xvfb), answers {@code --version}, and sits in a real tray host.
 */
package app.mamori.packaging;
