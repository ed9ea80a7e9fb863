/**
 * The incident restore wizard: seven steps from "what happened" to the restore running, with
 * the point compared with the one before and with the live data, a folder browser and a
 * search for files, and the plan reviewed before anything runs. Models hold the state and
 * call the services on the app's executor; pages only bind to them.
 */
package app.mamori.ui.restore.wizard;
