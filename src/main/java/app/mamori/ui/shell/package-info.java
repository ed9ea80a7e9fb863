/** The main window: the sidebar and the page it shows, window geometry and theme. */
package app.mamori.ui.shell;
