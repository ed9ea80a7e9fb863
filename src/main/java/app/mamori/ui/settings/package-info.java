/** Settings: theme, vaults, the data folder (read-only) and about. */
package app.mamori.ui.settings;
