/**
 * The tray icon, where the desktop has a tray: its shape and colour follow the worst job (a
 * failure from any process turns it red), its menu opens the window, backs up every job,
 * pauses schedules or quits, and finished runs and newly overdue jobs show as desktop
 * notifications.
 */
package app.mamori.ui.tray;
