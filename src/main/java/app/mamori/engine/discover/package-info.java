/**
 * Discovery as the engine offers it to the CLI and the server wizard: connect, run the probe
 * once, report each step to a {@link app.mamori.engine.discover.DiscoveryListener} as it starts
 * and ends, and return what was found.
 */
package app.mamori.engine.discover;
