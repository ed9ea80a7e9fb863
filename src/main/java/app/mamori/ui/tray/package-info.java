/**
 * The tray icon, where the desktop has a tray: its colour is the worst job's, its menu opens
 * the window, backs up every job or quits, and finished runs show as desktop notifications.
 */
package app.mamori.ui.tray;
