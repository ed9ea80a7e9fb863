/**
 * Mamori and the desktop session, without JavaFX: whether the session starts Mamori at login
 * (an XDG autostart entry, the Windows Run key, a macOS LaunchAgent), read from and written to
 * the OS itself. The Settings page calls it through its view model.
 */
package app.mamori.desktop;
