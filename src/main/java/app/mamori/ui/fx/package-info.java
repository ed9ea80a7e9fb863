/**
 * The desktop app's plumbing: the one executor for background work and the one door back
 * to the FX thread, settings, theme and text. Feature packages build on these and nothing
 * else starts a thread.
 */
package app.mamori.ui.fx;
